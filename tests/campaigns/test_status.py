import pytest

from actioncenter.exceptions import ApplicationError
from campaigns.models import AuditEntry, Campaign
from campaigns.services.campaigns import campaign_set_status
from tests.campaigns.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path"),
    [
        ["live", "won", "archived"],
        ["live", "closed", "archived"],
    ],
)
def test_campaign_moves_along_its_lifecycle(path):
    campaign = CampaignFactory(draft=True)
    for status in path:
        campaign_set_status(campaign=campaign, status=status)
        campaign.refresh_from_db()
        assert campaign.status == status


def test_repeating_a_transition_changes_nothing_and_writes_no_audit_entry():
    campaign = CampaignFactory(status=Campaign.Status.LIVE)
    campaign_set_status(campaign=campaign, status="live")
    assert Campaign.objects.get(pk=campaign.pk).status == "live"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("start", "target"),
    [("draft", "won"), ("draft", "archived"), ("live", "draft"), ("won", "live"),
     ("closed", "won"), ("archived", "live"), ("live", "nonsense")],
)  # fmt: skip
def test_illegal_transition_is_refused(start, target):
    campaign = CampaignFactory(status=start)
    with pytest.raises(ApplicationError) as error:
        campaign_set_status(campaign=campaign, status=target)
    assert error.value.code == "illegal_transition"
    assert Campaign.objects.get(pk=campaign.pk).status == start


def test_status_changes_are_audited_with_the_actor(django_user_model):
    staff = django_user_model.objects.create_user("editor", is_staff=True)
    campaign = CampaignFactory(draft=True)
    campaign_set_status(campaign=campaign, status="live", actor=staff)
    entry = AuditEntry.objects.get()
    assert entry.actor == staff
    assert entry.action == "campaign_status"
    assert entry.details == {"from": "draft", "to": "live"}
    assert entry.target_id == str(campaign.pk)
