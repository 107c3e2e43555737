"""Daily rollups: what reports read instead of every counter cell.

`campaigns.totals` adds each event to a fine cell (campaign, metric, day, state,
district, source, shard). A report by district over a campaign's whole life would sum
hundreds of thousands of those cells. Once a day has ended its cells no longer change,
so `rollups_fold` sums each ended day once into `Rollup` rows:

* per day and dimension (day, state, district, source), for date ranges, and
* per dimension key over every folded day (day = ALL_TIME), for the whole campaign,

and records the last folded day in `RollupState`. `rollup_totals` reads the folded rows
for days up to that day and the fine cells of the days after it (usually only today),
so its cost follows the number of states, districts and sources, not of actions.

A day is folded once it has been over for FOLD_GRACE, so that a transaction still
open at midnight has committed. Writing cells for a folded day (a backfill such as
`seed_activity`) must be followed by `rollups_reset`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import uuid
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from campaigns.models import BreakdownCounter, Rollup, RollupState
from campaigns.models.totals import ALL_TIME, NO_DISTRICT
from campaigns.totals import campaign_totals

DIMENSIONS = tuple(Rollup.Dimension.values)  # day, state, district, source
FOLD_GRACE = dt.timedelta(minutes=10)
KEEP_SECONDS = 26 * 3600

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


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; None is open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None


def fold_target(moment: dt.datetime | None = None) -> dt.date:
    """The last day that may be folded at `moment`: yesterday, once FOLD_GRACE has passed."""
    local = timezone.localtime(moment or timezone.now())
    since_midnight = local - local.replace(hour=0, minute=0, second=0, microsecond=0)
    days_back = 2 if since_midnight < FOLD_GRACE else 1
    return local.date() - dt.timedelta(days=days_back)


def _fold_statement(dimension: str, *, per_day: bool, start: dt.date | None) -> str:
    state, district, source = _KEY_COLUMNS[dimension]
    day = "day" if per_day else "%s"
    group = ", ".join(
        ["campaign_id", "metric", *(["day"] if per_day else []), *_GROUP_COLUMNS[dimension]]
    )
    cells, rollups = BreakdownCounter._meta.db_table, Rollup._meta.db_table
    since = "AND day > %s " if start is not None else ""
    # Names come from the models and the fixed table above; values are parameters.
    return (
        f"INSERT INTO {rollups} (campaign_id, dimension, day, metric, state, district, "  # noqa: S608
        f"source, value) SELECT campaign_id, %s, {day}, metric, {state}, {district}, "
        f"{source}, SUM(value) FROM {cells} WHERE campaign_id = %s {since}AND day <= %s "
        f"GROUP BY {group} HAVING SUM(value) <> 0 "
        "ON CONFLICT (campaign_id, dimension, day, metric, state, district, source) "
        f"DO UPDATE SET value = {rollups}.value + excluded.value"
    )


def rollups_fold(campaign_id: int, *, through: dt.date | None = None) -> dt.date:
    """Fold every unfolded day up to `through` (default `fold_target()`); safe to repeat.

    Returns the campaign's last folded day. Concurrent callers wait on the campaign's
    state row, and the second finds nothing left to fold.
    """
    target = through or fold_target()
    with transaction.atomic():
        RollupState.objects.get_or_create(campaign_id=campaign_id)
        state = RollupState.objects.select_for_update().get(campaign_id=campaign_id)
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


def rollups_reset(campaign_id: int) -> None:
    """Forget a campaign's rollups (after writing cells for past days); the next read or
    fold rebuilds them from the cells."""
    with transaction.atomic():
        RollupState.objects.get_or_create(campaign_id=campaign_id)
        RollupState.objects.filter(campaign_id=campaign_id).update(
            folded_through=None, version=uuid.uuid4()
        )
        Rollup.objects.filter(campaign_id=campaign_id).delete()


def rollups_fold_all() -> int:
    """Fold every campaign; returns how many were behind (periodic task)."""
    from campaigns.models import Campaign

    target = fold_target()
    folded = dict(RollupState.objects.values_list("campaign_id", "folded_through"))
    behind = [
        campaign_id
        for campaign_id in Campaign.objects.values_list("pk", flat=True)
        if _is_behind(folded.get(campaign_id), target)
    ]
    for campaign_id in behind:
        rollups_fold(campaign_id, through=target)
    return len(behind)


def _is_behind(folded_through: dt.date | None, target: dt.date) -> bool:
    return folded_through is None or folded_through < target


# --- reading ------------------------------------------------------------------------------


def _empty() -> dict[str, dict]:
    return {name: defaultdict(lambda: defaultdict(int)) for name in DIMENSIONS}


def _key(dimension: str, day, state: str, district: int, source: str):
    if dimension == "day":
        return day
    if dimension == "state":
        return state
    if dimension == "district":
        return (state, district) if state and district != NO_DISTRICT else None
    return source


def _folded(
    campaign_id: int, period: Period, folded_through: dt.date, *, metrics: list[str] | None
) -> dict[str, dict]:
    """Totals of the folded days within the period, from the rollup rows."""
    end = min(period.end or folded_through, folded_through)
    result = _empty()
    rows = Rollup.objects.filter(campaign_id=campaign_id)
    if metrics:
        rows = rows.filter(metric__in=list(metrics))
    columns = ("dimension", "day", "metric", "state", "district", "source", "value")
    if period.start is None and end == folded_through:
        # The ALL_TIME rows, plus the per-day rows of the "day" dimension.
        rows = rows.filter(day=ALL_TIME) | rows.filter(dimension="day", day__lte=end)
        for dimension, day, metric, state, district, source, value in rows.values_list(*columns):
            result[dimension][_key(dimension, day, state, district, source)][metric] += value
        return _plain(result)
    rows = rows.filter(day__lte=end).exclude(day=ALL_TIME)
    if period.start is not None:
        rows = rows.filter(day__gte=period.start)
    for _dimension, day, metric, _state, _district, _source, value in rows.filter(
        dimension="day"
    ).values_list(*columns):
        result["day"][day][metric] += value
    # A range's other dimensions are summed by the database: one row per key and metric.
    keys = ("dimension", "metric", "state", "district", "source")
    summed = rows.exclude(dimension="day").values_list(*keys).annotate(total=Sum("value"))
    for dimension, metric, state, district, source, total in summed.order_by():
        result[dimension][_key(dimension, None, state, district, source)][metric] += total
    return _plain(result)


def _plain(by: dict[str, dict]) -> dict[str, dict]:
    return {
        dimension: {key: dict(totals) for key, totals in values.items()}
        for dimension, values in by.items()
    }


def cell_totals(
    campaign_id: int, period: Period, *, metrics: list[str] | None = None
) -> dict[str, dict]:
    """{dimension: {key: {metric: total}}} summed from the fine cells of the period.

    On PostgreSQL one pass (GROUPING SETS) answers all four dimensions; elsewhere one
    query per dimension.
    """
    if metrics is None:  # every metric with cells has a headline counter
        metrics = sorted(campaign_totals(campaign_id))
    conditions, params = ["campaign_id = %s"], [campaign_id]
    # Naming the metrics lets the (campaign, metric, day, …) index find the period's
    # cells; without them the database reads every cell of the campaign's whole life.
    if metrics:
        conditions.append("metric IN (" + ", ".join(["%s"] * len(metrics)) + ")")
        params.extend(metrics)
    if period.start:
        conditions.append("day >= %s")
        params.append(period.start)
    if period.end:
        conditions.append("day <= %s")
        params.append(period.end)
    table, where = BreakdownCounter._meta.db_table, " AND ".join(conditions)
    result = _empty()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # GROUPING(day, state, district) tells the sets apart: 3 (day, metric),
            # 5 (state, metric), 4 (state, district, metric), 7 (source, metric).
            cursor.execute(
                "SELECT GROUPING(day, state, district), day, state, district, source, "  # noqa: S608
                f"metric, SUM(value)::bigint FROM {table} WHERE {where} "
                "GROUP BY GROUPING SETS ((day, metric), (state, metric), "
                "(state, district, metric), (source, metric))",
                params,
            )
            by_day, by_state, by_district, by_source = (result[name] for name in DIMENSIONS)
            for grouping, day, state, district, source, metric, total in cursor.fetchall():
                if grouping == 4:
                    key = (state, district) if state and district != NO_DISTRICT else None
                    by_district[key][metric] += total
                elif grouping == 5:
                    by_state[state][metric] += total
                elif grouping == 7:
                    by_source[source][metric] += total
                else:
                    by_day[day][metric] += total
            return result
        for dimension in DIMENSIONS:
            state, district, source = _KEY_COLUMNS[dimension]
            group = ", ".join(_GROUP_COLUMNS[dimension] or ["day"])
            cursor.execute(
                f"SELECT {'day' if dimension == 'day' else 'NULL'}, {state}, {district}, "  # noqa: S608
                f"{source}, metric, SUM(value) FROM {table} WHERE {where} "
                f"GROUP BY {group}, metric",
                params,
            )
            for day, state_value, district_value, source_value, metric, total in cursor:
                if isinstance(day, str):  # SQLite hands back dates as text
                    day = dt.date.fromisoformat(day)
                key = _key(dimension, day, state_value, district_value, source_value)
                result[dimension][key][metric] += int(total)
    return result


def rollup_totals(
    campaign_id: int, period: Period, *, today: dt.date, metrics: list[str] | None = None
) -> dict[str, dict]:
    """{dimension: {key: {metric: total}}} for day, state, district and source (only the
    given metrics, when some are given).

    Days up to the last folded day come from the rollups (kept in the cache until more
    days are folded); later days, usually only today, from the cells. Folds first when
    the campaign is behind, so a report never sums more than a couple of days of cells.
    """
    state = _folded_state(campaign_id, today)
    folded = state.folded_through
    parts = []
    if period.start is None or period.start <= folded:
        wanted = ",".join(sorted(metrics)) if metrics else "*"
        key = (
            f"rollups:{campaign_id}:{state.version.hex}:{folded}:{period.start}:"
            f"{min(period.end or folded, folded)}:"
            + hashlib.sha256(wanted.encode()).hexdigest()[:16]
        )
        parts.append(_kept_folded(key, campaign_id, period, folded, metrics))
    recent_start = max(period.start or dt.date.min, folded + dt.timedelta(days=1))
    recent_end = period.end or max(today, recent_start)
    if recent_start <= recent_end:
        parts.append(cell_totals(campaign_id, Period(recent_start, recent_end), metrics=metrics))
    return _merged(parts)


def period_totals(
    campaign_id: int, period: Period, *, today: dt.date, all_time: dict[str, int]
) -> dict[str, int]:
    """Every metric's total within the period (`all_time`: the headline counters).

    A period that runs to today is the headline total less the days before it, so the
    report reads no cells of today for it; an earlier period is the sum of its days.
    """
    if period.start is None and (period.end is None or period.end >= today):
        return {metric: value for metric, value in all_time.items() if value}
    folded = _folded_state(campaign_id, today).folded_through
    if period.end is None or period.end >= today:
        before = _day_sums(campaign_id, Period(None, period.start - dt.timedelta(days=1)), folded)
        totals = {metric: all_time.get(metric, 0) - before.get(metric, 0) for metric in all_time}
    else:
        totals = _day_sums(campaign_id, period, folded)
    return {metric: value for metric, value in totals.items() if value}


def _folded_state(campaign_id: int, today: dt.date) -> RollupState:
    """The campaign's rollup state, folded first when it is behind."""
    target = min(fold_target(), today - dt.timedelta(days=1))  # never the report's today
    state = RollupState.objects.filter(campaign_id=campaign_id).first()
    if state is None or _is_behind(state.folded_through, target):
        rollups_fold(campaign_id, through=target)
        state = RollupState.objects.get(campaign_id=campaign_id)
    return state


def _day_sums(campaign_id: int, period: Period, folded: dt.date) -> dict[str, int]:
    """{metric: total} over the days of the period: folded days from their rollup rows
    (summed by the database), later days from the cells."""
    sums: dict[str, int] = defaultdict(int)
    rows = Rollup.objects.filter(campaign_id=campaign_id, dimension="day", day__lte=folded)
    rows = rows.exclude(day=ALL_TIME)
    if period.start is not None:
        rows = rows.filter(day__gte=period.start)
    if period.end is not None:
        rows = rows.filter(day__lte=period.end)
    for metric, total in rows.values_list("metric").annotate(total=Sum("value")).order_by():
        sums[metric] += total
    later = Period(max(period.start or dt.date.min, folded + dt.timedelta(days=1)), period.end)
    if later.end is not None and later.start <= later.end:
        for totals in cell_totals(campaign_id, later)["day"].values():
            for metric, value in totals.items():
                sums[metric] += value
    return dict(sums)


# Folded sums never change under their key (it names the campaign's rollup version and
# last folded day), so each process also keeps the latest few it read: a report then adds
# today's cells to them without decoding them from the shared cache.
_KEPT: OrderedDict[str, dict] = OrderedDict()
KEPT_IN_PROCESS = 64


_KEPT_LOCK = threading.Lock()  # web workers may run threads


def _kept_folded(key, campaign_id, period, folded, metrics) -> dict[str, dict]:
    with _KEPT_LOCK:
        part = _KEPT.get(key)
        if part is not None:
            _KEPT.move_to_end(key)
            return part
    part = cache.get(key)
    if part is None:
        part = _folded(campaign_id, period, folded, metrics=metrics)
        cache.set(key, part, KEEP_SECONDS)
    with _KEPT_LOCK:
        _KEPT[key] = part
        while len(_KEPT) > KEPT_IN_PROCESS:
            _KEPT.popitem(last=False)
    return part


def rollups_forget_kept() -> None:
    """Drop what this process keeps (tests and benchmarks that start it cold)."""
    with _KEPT_LOCK:
        _KEPT.clear()


def _merged(parts: list[dict[str, dict]]) -> dict[str, dict]:
    """The parts added together in new dictionaries; the parts themselves are not changed
    (the first may be a kept folded part), and neither may the result be."""
    if not parts:
        return _empty()
    merged = {dimension: dict(values) for dimension, values in parts[0].items()}
    for part in parts[1:]:
        for dimension, values in part.items():
            target = merged.setdefault(dimension, {})
            for key, totals in values.items():
                kept = target.get(key)
                if kept is None:
                    target[key] = dict(totals)
                    continue
                cell = dict(kept)
                for metric, value in totals.items():
                    cell[metric] = cell.get(metric, 0) + value
                target[key] = cell
    return merged
