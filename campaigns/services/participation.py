from django.utils import timezone

from campaigns.models import Participation, Supporter
from campaigns.services.supporters import supporter_is_new
from campaigns.sql import insert_ignore


def participation_record(*, campaign_id: int, supporter_id: int) -> bool:
    """Note that the supporter acted on the campaign; True the first time only.

    The insert either adds the row or does nothing, and callers count "supporters" only when
    it was added, so concurrent first actions by the same person still count one supporter.
    """
    values = {"campaign": campaign_id, "supporter": supporter_id, "created_at": timezone.now()}
    return insert_ignore(Participation, values, conflict=["campaign", "supporter"]) is not None


def participation_metrics(*, campaign_id: int, supporter: Supporter) -> list[str]:
    """The supporter totals an action adds to: "supporters" the first time this person acts
    on the campaign, and "supporters_new" as well when this action is how they joined us
    (it created their supporter record)."""
    if not participation_record(campaign_id=campaign_id, supporter_id=supporter.pk):
        return []
    return ["supporters", "supporters_new"] if supporter_is_new(supporter) else ["supporters"]
