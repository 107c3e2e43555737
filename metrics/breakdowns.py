"""Reading: a campaign's totals by day, state, district and source, for any period.

Days up to the campaign's last folded day come from the rollups (`metrics.fold`); later
days, usually only today, from the cells. What is read from the rollups never changes
under its key (the campaign's fold version and last folded day), so it is kept in the
shared cache and, for the few last ones read, in the process (`actioncenter.caching`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from django.core.cache import cache
from django.db import connection
from django.db.models import Sum

from actioncenter.caching import ProcessCache
from metrics.fold import DIMENSIONS
from metrics.models import ALL_TIME, NO_DISTRICT, Cell, Counter, FoldState, Rollup
from metrics.periods import Period

KEEP_SECONDS = 26 * 3600
_folded_sums = ProcessCache("metrics.folded-sums", size=64)


def _empty() -> dict[str, dict]:
    return {name: defaultdict(lambda: defaultdict(int)) for name in DIMENSIONS}


def _as_dicts(by: dict[str, dict]) -> dict[str, dict]:
    return {
        dimension: {key: dict(totals) for key, totals in values.items()}
        for dimension, values in by.items()
    }


def _key(dimension: str, day, state: str, district: int, source: str):
    if dimension == "day":
        return day
    if dimension == "state":
        return state
    if dimension == "district":
        return (state, district) if state and district != NO_DISTRICT else None
    return source


def _from_rollups(
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
        return _as_dicts(result)
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
    return _as_dicts(result)


def _counted_metrics(campaign_id: int) -> list[str]:
    return sorted(
        Counter.objects.filter(campaign_id=campaign_id)
        .order_by()
        .values_list("metric", flat=True)
        .distinct()
    )


def cell_totals(
    campaign_id: int, period: Period, *, metrics: list[str] | None = None
) -> dict[str, dict]:
    """{dimension: {key: {metric: total}}} summed from the fine cells of the period, all four
    dimensions in one pass (GROUPING SETS)."""
    if metrics is None:  # every metric with cells has a headline counter
        metrics = _counted_metrics(campaign_id)
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
    table, where = Cell._meta.db_table, " AND ".join(conditions)
    result = _empty()
    by_day, by_state, by_district, by_source = (result[name] for name in DIMENSIONS)
    with connection.cursor() as cursor:
        # GROUPING(day, state, district) tells the sets apart: 3 (day, metric),
        # 5 (state, metric), 4 (state, district, metric), 7 (source, metric).
        cursor.execute(
            "SELECT GROUPING(day, state, district), day, state, district, source, "  # noqa: S608
            f"metric, SUM(value)::bigint FROM {table} WHERE {where} "
            "GROUP BY GROUPING SETS ((day, metric), (state, metric), "
            "(state, district, metric), (source, metric))",
            params,
        )
        for grouping, day, state, district, source, metric, total in cursor.fetchall():
            if grouping == 4:
                by_district[_key("district", None, state, district, "")][metric] += total
            elif grouping == 5:
                by_state[state][metric] += total
            elif grouping == 7:
                by_source[source][metric] += total
            else:
                by_day[day][metric] += total
    return result


def folded_state(campaign_id: int) -> FoldState:
    """How far the campaign is folded (a campaign never folded: nothing yet)."""
    return FoldState.objects.filter(campaign_id=campaign_id).first() or FoldState(
        campaign_id=campaign_id, folded_through=None
    )


def breakdowns(
    campaign_id: int, period: Period, *, today: dt.date, metrics: list[str] | None = None
) -> dict[str, dict]:
    """{dimension: {key: {metric: total}}} for day, state, district and source (only the
    given metrics, when some are given).

    The result may share its dictionaries with what is kept for the next call: read it,
    never change it.
    """
    state = folded_state(campaign_id)
    folded = state.folded_through
    parts = []
    if folded is not None and (period.start is None or period.start <= folded):
        wanted = ",".join(sorted(metrics)) if metrics else "*"
        key = (
            f"rollups:{campaign_id}:{state.version.hex}:{folded}:{period.start}:"
            f"{min(period.end or folded, folded)}:"
            + hashlib.sha256(wanted.encode()).hexdigest()[:16]
        )
        parts.append(
            _folded_sums.get_or_set(
                key, lambda: _shared_folded(key, campaign_id, period, folded, metrics)
            )
        )
    after_folded = folded + dt.timedelta(days=1) if folded is not None else dt.date.min
    recent_start = max(period.start or dt.date.min, after_folded)
    recent_end = period.end or max(today, recent_start)
    if recent_start <= recent_end:
        start = None if recent_start == dt.date.min else recent_start
        parts.append(cell_totals(campaign_id, Period(start, recent_end), metrics=metrics))
    return _merged(parts)


def _shared_folded(key, campaign_id, period, folded, metrics) -> dict[str, dict]:
    part = cache.get(key)
    if part is None:
        part = _from_rollups(campaign_id, period, folded, metrics=metrics)
        cache.set(key, part, KEEP_SECONDS)
    return part


def _merged(parts: list[dict[str, dict]]) -> dict[str, dict]:
    """The parts added together in new dictionaries; the parts themselves are not changed
    (the first may be a kept folded part)."""
    if not parts:
        return _as_dicts(_empty())
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


def day_sums(campaign_id: int, period: Period) -> dict[str, int]:
    """{metric: total} over the days of the period: folded days from their rollup rows
    (summed by the database), later days from the cells."""
    folded = folded_state(campaign_id).folded_through
    sums: dict[str, int] = defaultdict(int)
    if folded is not None:
        rows = Rollup.objects.filter(campaign_id=campaign_id, dimension="day", day__lte=folded)
        rows = rows.exclude(day=ALL_TIME)
        if period.start is not None:
            rows = rows.filter(day__gte=period.start)
        if period.end is not None:
            rows = rows.filter(day__lte=period.end)
        for metric, total in rows.values_list("metric").annotate(total=Sum("value")).order_by():
            sums[metric] += total
    after_folded = folded + dt.timedelta(days=1) if folded is not None else None
    starts = [day for day in (period.start, after_folded) if day is not None]
    later = Period(max(starts) if starts else None, period.end)
    if later.end is None or later.start is None or later.start <= later.end:
        for totals in cell_totals(campaign_id, later)["day"].values():
            for metric, value in totals.items():
                sums[metric] += value
    return dict(sums)


def key_text(key) -> str:
    """A breakdown key as text: days as YYYY-MM-DD, districts as NY-18 (NY-00 at-large)."""
    if isinstance(key, dt.date):
        return key.isoformat()
    if isinstance(key, tuple | list) and len(key) == 2:
        state, number = key
        return f"{state}-{int(number or 0):02d}"
    return "" if key is None else str(key)


def seat_of(key) -> tuple[str, int] | None:
    """A district breakdown key as (state, district); None when the district is unknown."""
    if isinstance(key, tuple | list) and len(key) == 2 and key[0]:
        return key[0], int(key[1] or 0)
    if isinstance(key, str) and "-" in key:
        state, _sep, number = key.partition("-")
        return (state, int(number)) if number.isdigit() else (state, 0)
    return None
