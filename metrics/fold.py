"""Folding: the cells of ended days, summed once into the rollups reports read.

`metrics.record` adds each event to a fine cell (campaign, metric, day, state, district,
source, shard). A report by district over a campaign's whole life would sum hundreds of
thousands of those cells. Once a day has ended its cells no longer change, so
`fold_campaign` sums each ended day once into `Rollup` rows:

* per day and dimension (day, state, district, source), for date ranges, and
* per dimension key over every folded day (day = ALL_TIME), for the whole campaign,

and records the last folded day in `FoldState`. Only the periodic task folds (hourly,
from beat); a report reads the rollups up to that day and the cells after it.

A day is folded once it has been over for FOLD_GRACE, so that a transaction still open at
midnight has committed. Writing cells for a folded day (a backfill such as
`seed_activity`) must be followed by `fold_reset`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import connection, transaction
from django.utils import timezone

from metrics.models import ALL_TIME, NO_DISTRICT, Cell, Counter, FoldState, Rollup
from metrics.record import adding_upsert_sql

DIMENSIONS = tuple(Rollup.Dimension.values)  # day, state, district, source
FOLD_GRACE = dt.timedelta(minutes=10)

# For each dimension: the (state, district, source) expressions it keeps from a cell
# (the others become their blank value), and the cell columns it groups by.
_KEY_COLUMNS = {
    "day": ("''", str(NO_DISTRICT), "''"),
    "state": ("state", str(NO_DISTRICT), "''"),
    "district": ("state", "district", "''"),
    "source": ("''", str(NO_DISTRICT), "source"),
}
_GROUP_COLUMNS = {
    "day": [],
    "state": ["state"],
    "district": ["state", "district"],
    "source": ["source"],
}


def fold_target(now: dt.datetime | None = None) -> dt.date:
    """The last day that may be folded at `now`: yesterday, once FOLD_GRACE has passed."""
    local = timezone.localtime(now or timezone.now())
    since_midnight = local - local.replace(hour=0, minute=0, second=0, microsecond=0)
    days_back = 2 if since_midnight < FOLD_GRACE else 1
    return local.date() - dt.timedelta(days=days_back)


def _fold_statement(dimension: str, *, per_day: bool, start: dt.date | None) -> str:
    state, district, source = _KEY_COLUMNS[dimension]
    day = "day" if per_day else "%s"
    group = ", ".join(
        ["campaign_id", "metric", *(["day"] if per_day else []), *_GROUP_COLUMNS[dimension]]
    )
    cells = Cell._meta.db_table
    since = "AND day > %s " if start is not None else ""
    # The rollup's columns in model order: campaign, dimension, day, metric, state,
    # district, source, value. Names come from the models and the table above.
    rows = (
        f"SELECT campaign_id, %s, {day}, metric, {state}, {district}, {source}, SUM(value) "  # noqa: S608
        f"FROM {cells} WHERE campaign_id = %s {since}AND day <= %s "
        f"GROUP BY {group} HAVING SUM(value) <> 0"
    )
    return adding_upsert_sql(Rollup, source=rows)


def fold_campaign(campaign_id: int, *, through: dt.date | None = None) -> dt.date:
    """Fold every unfolded day up to `through` (default `fold_target()`); safe to repeat.

    Returns the campaign's last folded day. Concurrent callers wait on the campaign's
    state row, and the second finds nothing left to fold.
    """
    target = through or fold_target()
    with transaction.atomic():
        FoldState.objects.get_or_create(campaign_id=campaign_id)
        state = FoldState.objects.select_for_update().get(campaign_id=campaign_id)
        start = state.folded_through
        if not _is_behind(start, target):
            return start
        bounds = [start] if start is not None else []
        with connection.cursor() as cursor:
            for dimension in DIMENSIONS:
                cursor.execute(
                    _fold_statement(dimension, per_day=True, start=start),
                    [dimension, campaign_id, *bounds, target],
                )
                if dimension != "day":  # the whole-campaign total is the headline counter
                    cursor.execute(
                        _fold_statement(dimension, per_day=False, start=start),
                        [dimension, ALL_TIME, campaign_id, *bounds, target],
                    )
        state.folded_through = target
        state.save(update_fields=["folded_through"])
    return target


def fold_reset(campaign_id: int) -> None:
    """Forget a campaign's rollups (after writing cells for past days): reports read its
    cells until the next fold rebuilds them."""
    with transaction.atomic():
        FoldState.objects.get_or_create(campaign_id=campaign_id)
        FoldState.objects.filter(campaign_id=campaign_id).update(
            folded_through=None, version=uuid.uuid4()
        )
        Rollup.objects.filter(campaign_id=campaign_id).delete()


def fold_all() -> int:
    """Fold every campaign that has counted anything; returns how many were behind (the
    periodic task; reports never fold)."""
    target = fold_target()
    folded = dict(FoldState.objects.values_list("campaign_id", "folded_through"))
    counted = Counter.objects.order_by().values_list("campaign_id", flat=True).distinct()
    behind = [campaign_id for campaign_id in counted if _is_behind(folded.get(campaign_id), target)]
    for campaign_id in behind:
        fold_campaign(campaign_id, through=target)
    return len(behind)


def _is_behind(folded_through: dt.date | None, target: dt.date) -> bool:
    return folded_through is None or folded_through < target
