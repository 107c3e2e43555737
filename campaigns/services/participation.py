from django.utils import timezone

from campaigns.models import Participation
from campaigns.sql import insert_ignore


def participation_record(*, campaign_id: int, supporter_id: int) -> bool:
    """Note that the supporter acted on the campaign; True the first time only.

    The insert either adds the row or does nothing, and callers count "supporters" only when
    it was added, so concurrent first actions by the same person still count one supporter.
    """
    values = {"campaign": campaign_id, "supporter": supporter_id, "created_at": timezone.now()}
    return insert_ignore(Participation, values, conflict=["campaign", "supporter"]) is not None
