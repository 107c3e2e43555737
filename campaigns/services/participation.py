from django.db import connection

from campaigns.models import Participation
from campaigns.totals import record_event


def participation_record(
    *, campaign_id: int, supporter_id: int, state="", district=None, source=""
) -> bool:
    """Count the supporter once per campaign ("supporters" metric); True when new.

    The insert either adds the row or does nothing, and only an added row is counted, so
    concurrent first actions by the same person still count one supporter.
    """
    table = Participation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (campaign_id, supporter_id, created_at) "  # noqa: S608
            "VALUES (%s, %s, CURRENT_TIMESTAMP) "
            "ON CONFLICT (campaign_id, supporter_id) DO NOTHING",
            [campaign_id, supporter_id],
        )
        added = cursor.rowcount == 1
    if added:
        record_event(
            campaign_id=campaign_id,
            metric="supporters",
            state=state,
            district=district,
            source=source,
        )
    return added
