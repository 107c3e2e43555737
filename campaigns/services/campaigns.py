from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign
from campaigns.selectors import campaign_lookup_forget
from campaigns.services.audit import audit_record


def campaign_require_live(campaign: Campaign) -> None:
    if not campaign.accepts_actions:
        raise ApplicationError(
            _("This campaign is no longer accepting actions."), code="campaign_closed", status=409
        )


@transaction.atomic
def campaign_set_status(*, campaign: Campaign, status: str, actor=None) -> Campaign:
    """Move a campaign along its lifecycle (draft → live → won | closed → archived).

    Repeating the current status changes nothing; a move not in Campaign.TRANSITIONS raises
    ApplicationError. Each change is written to the audit trail.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if locked.status == status:
        campaign.status = status
        return campaign
    if status not in Campaign.TRANSITIONS.get(locked.status, frozenset()):
        raise ApplicationError(
            _("A campaign cannot go from “%(old)s” to “%(new)s”.")
            % {"old": locked.status, "new": status},
            code="illegal_transition",
            status=409,
        )
    previous = locked.status
    Campaign.objects.filter(pk=campaign.pk).update(status=status)
    transaction.on_commit(campaign_lookup_forget)
    campaign.status = status
    audit_record(
        actor=actor,
        action="campaign_status",
        target=campaign,
        details={"from": previous, "to": status},
    )
    return campaign
