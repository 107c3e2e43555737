"""Publishing, closing and archiving, each confirmed on its own page that says what changes
for supporters; publishing refused, with the list, while the checklist has a gap."""

import pytest
from django.urls import reverse

from campaigns.models import AuditEntry, Campaign
from campaigns.selectors import campaign_readiness
from campaigns.services.campaigns import campaign_publish
from staff.roles import ORGANIZER
from tests.campaigns.factories import CampaignFactory
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.petitions.factories import PetitionFactory
from tests.staff.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer(client):
    return sign_in(client, UserFactory(role=ORGANIZER))


def ready_draft() -> Campaign:
    members_of()
    campaign = CampaignFactory(draft=True, sensitive=False)
    LetterActionFactory(campaign=campaign)
    return campaign


def status_url(campaign, status):
    return reverse("staff:campaign-status", args=[campaign.slug, status])


def test_the_publish_page_says_what_changes_and_shows_the_checklist(client, organizer):
    campaign = ready_draft()
    page = client.get(status_url(campaign, "live")).content.decode()
    assert "What changes for supporters" in page
    assert "opens to everyone" in page
    assert "Checklist" in page and "Sensitive-data choice" in page
    assert "Share image" in page and "Spanish version" in page and "Goal" in page
    assert reverse("staff:campaign-preview", args=[campaign.slug]) in page
    assert "Yes: Publish" in page
    assert Campaign.objects.get().status == Campaign.Status.DRAFT  # a GET changes nothing


def test_confirming_publishes_and_says_so(client, organizer):
    campaign = ready_draft()
    response = client.post(status_url(campaign, "live"), follow=True)
    assert Campaign.objects.get().status == Campaign.Status.LIVE
    assert "Published: the campaign is live" in response.content.decode()
    assert AuditEntry.objects.filter(action="campaign_status").exists()


def test_a_campaign_without_actions_or_sensitive_choice_is_refused_with_the_list(client, organizer):
    campaign = CampaignFactory(draft=True)
    page = client.get(status_url(campaign, "live")).content.decode()
    assert "It cannot be published yet" in page
    assert "At least one action for supporters" in page and "Sensitive-data choice" in page
    assert "Yes: Publish" not in page
    refused = client.post(status_url(campaign, "live"))
    assert refused.status_code == 409
    assert "Not published" in refused.content.decode()
    assert Campaign.objects.get().status == Campaign.Status.DRAFT


def test_a_letter_with_a_broken_template_or_no_reach_blocks_publishing():
    campaign = CampaignFactory(draft=True, sensitive=True)
    LetterActionFactory(campaign=campaign, targets="fixed", template="Hi {{ friend }}")
    blocking = {item.label: item.detail for item in campaign_readiness(campaign) if not item.done}
    letter = " ".join(blocking["Letter to Congress"])
    assert "Unknown merge field {{ friend }}" in letter
    assert "The fixed list is empty" in letter
    with pytest.raises(Exception, match="Letter to Congress"):
        campaign_publish(campaign=campaign)


def test_recommended_items_do_not_block():
    campaign = CampaignFactory(draft=True, goal=0, sensitive=False)
    PetitionFactory(campaign=campaign)
    recommended = [item for item in campaign_readiness(campaign) if not item.blocking]
    assert {item.label for item in recommended} == {"Goal", "Share image", "Spanish version"}
    assert campaign_publish(campaign=campaign).status == Campaign.Status.LIVE


def test_closing_is_confirmed_and_supporters_are_told_what_changes(client, organizer):
    campaign = CampaignFactory()
    page = client.get(status_url(campaign, "closed")).content.decode()
    assert "can no longer take its actions" in page
    client.post(status_url(campaign, "closed"))
    assert Campaign.objects.get().status == Campaign.Status.CLOSED
    archive = client.get(status_url(campaign, "archived")).content.decode()
    assert "This cannot be undone" in archive


def test_a_move_the_lifecycle_does_not_allow_is_explained(client, organizer):
    campaign = CampaignFactory(draft=True)
    page = client.get(status_url(campaign, "archived")).content.decode()
    assert "it cannot become “Archived” from there" in page
    assert client.post(status_url(campaign, "archived")).status_code == 409
    assert Campaign.objects.get().status == Campaign.Status.DRAFT


def test_the_builder_offers_the_next_moves_and_the_preview(client, organizer):
    campaign = CampaignFactory()
    page = client.get(reverse("staff:campaign-build", args=[campaign.slug])).content.decode()
    assert status_url(campaign, "won") in page and status_url(campaign, "closed") in page
    assert status_url(campaign, "archived") not in page


def test_the_admin_list_action_leads_to_the_confirmation(admin_client):
    campaign = CampaignFactory(draft=True)
    response = admin_client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "set_status_live", "_selected_action": [campaign.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == status_url(campaign, "live")
    assert Campaign.objects.get().status == Campaign.Status.DRAFT
