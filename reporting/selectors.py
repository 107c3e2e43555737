"""Reads for the staff dashboard: every number comes from the maintained counters.

`campaigns.totals` keeps exact per-campaign counters (and rollups by day,
state, district and source) in the same transaction as each action, so a page
costs a handful of indexed reads however many actions a campaign has.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.totals import campaign_totals, campaign_totals_by
from legislators.models import Legislator

# Kinds of action shown in the daily chart: (metric, label).
ACTION_METRICS = (
    ("signatures", _("Signatures")),
    ("letters", _("Letters")),
    ("calls", _("Calls")),
    ("signups", _("Sign-ups")),
    ("organizations", _("Organizations")),
)
DELIVERY_PREFIX = "deliveries_"
CALL_PREFIX = "calls_"
BREAKDOWN_METRICS = ("signatures", "letters", "calls", "signups", "supporters")
DIMENSIONS = ("day", "state", "district", "source")


@dataclass(frozen=True)
class DateRange:
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_set(self) -> bool:
        return bool(self.date_from or self.date_to)


def _integer(value) -> int:
    return int(value or 0)


def totals_by(campaign_id: int, dimension: str, *, period: DateRange | None = None) -> dict:
    """{dimension value: {metric: total}} from the counters' rollup for one dimension.

    Districts are keyed (state, number): a congressional district is only meaningful
    with its state, so they are read from the rollup cells with both columns.
    """
    period = period or DateRange()
    if dimension == "district":
        return _district_totals(campaign_id, period)
    rows = campaign_totals_by(
        campaign_id, dimension, date_from=period.date_from, date_to=period.date_to
    )
    result: dict = defaultdict(lambda: defaultdict(int))
    for row in rows:
        result[row[dimension]][row["metric"]] += _integer(row["total"])
    return result


def _district_totals(campaign_id: int, period: DateRange) -> dict:
    from campaigns.models import BreakdownCounter
    from campaigns.models.totals import NO_DISTRICT

    cells = BreakdownCounter.objects.filter(campaign_id=campaign_id)
    if period.date_from:
        cells = cells.filter(day__gte=period.date_from)
    if period.date_to:
        cells = cells.filter(day__lte=period.date_to)
    rows = cells.values_list("state", "district", "metric").annotate(total=Sum("value"))
    result: dict = defaultdict(lambda: defaultdict(int))
    for state, district, metric, total in rows.order_by():
        key = (state, district) if state and district != NO_DISTRICT else None
        result[key][metric] += _integer(total)
    return result


def period_totals(campaign_id: int, period: DateRange) -> dict[str, int]:
    """Headline totals; within a date range they are the sum of the daily rollup."""
    if not period.is_set:
        return dict(campaign_totals(campaign_id))
    summed: dict[str, int] = defaultdict(int)
    for metrics in totals_by(campaign_id, "day", period=period).values():
        for name, value in metrics.items():
            summed[name] += value
    return dict(summed)


@dataclass
class Headline:
    """The numbers at the top of a campaign's page."""

    totals: dict[str, int]
    deliveries: list[tuple[str, int]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)

    def get(self, metric: str) -> int:
        return self.totals.get(metric, 0)

    @property
    def has_new_supporters(self) -> bool:
        """Shown once the "supporters_new" counter (first action ever) is recorded."""
        return "supporters_new" in self.totals

    @property
    def personalized_percent(self) -> float | None:
        letters = self.get("letters")
        return round(100 * self.get("letters_personalized") / letters, 1) if letters else None


def headline(totals: dict[str, int]) -> Headline:
    """Split counters into the fixed headline numbers and the per-status/outcome lists."""
    deliveries = sorted(
        (name.removeprefix(DELIVERY_PREFIX), value)
        for name, value in totals.items()
        if name.startswith(DELIVERY_PREFIX)
    )
    calls = sorted(
        (name.removeprefix(CALL_PREFIX), value)
        for name, value in totals.items()
        if name.startswith(CALL_PREFIX)
    )
    return Headline(totals=totals, deliveries=deliveries, calls=calls)


def day_span(days: list[date], period: DateRange, *, today: date) -> list[date]:
    """Every day from the first activity (or the range start) to the range end or today."""
    start = period.date_from or (min(days) if days else today)
    end = period.date_to or max([today, *days])
    if (end - start).days > 366 * 2:  # keep charts readable: the last two years at most
        start = end - timedelta(days=366 * 2)
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


@dataclass
class DailySeries:
    days: list[date]
    per_metric: dict[str, list[int]]

    def rows(self) -> list[tuple[date, list[int]]]:
        metrics = list(self.per_metric)
        return [
            (day, [self.per_metric[name][index] for name in metrics])
            for index, day in enumerate(self.days)
        ]


def daily_series(by_day: dict, period: DateRange, *, today: date) -> DailySeries:
    days = day_span([day for day in by_day if day], period, today=today)
    per_metric = {
        metric: [by_day.get(day, {}).get(metric, 0) for day in days]
        for metric, _label in ACTION_METRICS
    }
    return DailySeries(days=days, per_metric=per_metric)


def breakdown_rows(by_key: dict) -> list[dict]:
    """Rows for a breakdown table: the dimension value plus the main metrics, largest first."""
    rows = []
    for key, metrics in by_key.items():
        row = {"key": key, **{metric: metrics.get(metric, 0) for metric in BREAKDOWN_METRICS}}
        row["actions"] = sum(metrics.get(metric, 0) for metric, _label in ACTION_METRICS)
        rows.append(row)
    return sorted(rows, key=lambda row: (-row["actions"], str(row["key"])))


@dataclass
class CampaignReport:
    """Everything the campaign page shows, for one period (plain data, cacheable)."""

    totals: dict[str, int]
    version: str
    series: DailySeries
    by_state: list[dict]
    by_district: list[dict]
    by_source: list[dict]


# Breakdowns sum every rollup cell of a campaign; they are kept until the next counted
# event (any event changes the headline counters, which are part of the cache key) and at
# most this long.
REPORT_CACHE_SECONDS = 60


def campaign_report(campaign_id: int, period: DateRange, *, today: date) -> CampaignReport:
    """The campaign's numbers for a period, recomputed only after the counters moved."""
    all_time = campaign_totals(campaign_id)
    fingerprint = hashlib.sha256(repr(sorted(all_time.items())).encode()).hexdigest()[:20]
    key = (
        f"reporting:report:{campaign_id}:{period.date_from}:{period.date_to}:{today}:{fingerprint}"
    )
    report = cache.get(key)
    if report is None:
        report = _campaign_report(campaign_id, period, today=today, all_time=all_time)
        report.version = hashlib.sha256(key.encode()).hexdigest()[:20]
        cache.set(key, report, REPORT_CACHE_SECONDS)
    return report


def _campaign_report(campaign_id, period, *, today, all_time) -> CampaignReport:
    by = rollups_split(campaign_id, period, today=today, metrics=sorted(all_time))
    totals = dict(all_time)
    if period.is_set:
        totals = defaultdict(int)
        for metrics in by["day"].values():
            for name, value in metrics.items():
                totals[name] += value
    return CampaignReport(
        totals=dict(totals),
        version="",
        series=daily_series(by["day"], period, today=today),
        by_state=breakdown_rows(by["state"]),
        by_district=breakdown_rows(by["district"]),
        by_source=breakdown_rows(by["source"]),
    )


# The services count every event on the day it happens, so the rollup cells of past days
# no longer change; only backfills (seed_activity) write to them, and they call
# `history_forget`. Past days are summed once and kept; today is summed on each refresh.
HISTORY_CACHE_SECONDS = 26 * 3600


def history_forget(campaign_id: int) -> None:
    """Drop the kept sums of past days (after writing counters for past days)."""
    cache.set(f"reporting:history-generation:{campaign_id}", uuid.uuid4().hex, None)


def rollups_split(
    campaign_id: int, period: DateRange, *, today: date, metrics: list[str]
) -> dict[str, dict]:
    """`rollups` for the period, with past days from the cache and today summed afresh."""
    yesterday = today - timedelta(days=1)
    history_end = min(period.date_to or yesterday, yesterday)
    parts = []
    if period.date_from is None or period.date_from <= history_end:
        generation = cache.get(f"reporting:history-generation:{campaign_id}", "0")
        key = f"reporting:history:{campaign_id}:{period.date_from}:{history_end}:{generation}"
        history = cache.get(key)
        if history is None:
            history = _plain(rollups(campaign_id, DateRange(period.date_from, history_end)))
            cache.set(key, history, HISTORY_CACHE_SECONDS)
        parts.append(history)
    includes_today = (period.date_from or today) <= today <= (period.date_to or today)
    if includes_today and metrics:
        parts.append(rollups(campaign_id, DateRange(today, today), metrics=metrics))
    merged: dict[str, dict] = {name: defaultdict(lambda: defaultdict(int)) for name in DIMENSIONS}
    for part in parts:
        for dimension, values in part.items():
            for key, totals in values.items():
                for metric, value in totals.items():
                    merged[dimension][key][metric] += value
    return merged


def _plain(by: dict[str, dict]) -> dict[str, dict]:
    return {
        dimension: {key: dict(totals) for key, totals in values.items()}
        for dimension, values in by.items()
    }


def rollups(
    campaign_id: int, period: DateRange, *, metrics: list[str] | None = None
) -> dict[str, dict]:
    """{dimension: {value: {metric: total}}} for day, state, district and source.

    On PostgreSQL one pass over the campaign's rollup cells (GROUPING SETS) answers all
    four; elsewhere one query per dimension.
    """
    if connection.vendor != "postgresql":
        return {
            dimension: totals_by(campaign_id, dimension, period=period) for dimension in DIMENSIONS
        }
    from campaigns.models import BreakdownCounter
    from campaigns.models.totals import NO_DISTRICT

    conditions, params = ["campaign_id = %s"], [campaign_id]
    if metrics:  # lets the (campaign, metric, day, ...) index find one day's cells
        conditions.append("metric = ANY(%s)")
        params.append(list(metrics))
    if period.date_from:
        conditions.append("day >= %s")
        params.append(period.date_from)
    if period.date_to:
        conditions.append("day <= %s")
        params.append(period.date_to)
    table, where = BreakdownCounter._meta.db_table, " AND ".join(conditions)
    # The table name comes from the model; values are passed as parameters.
    sql = (
        "SELECT GROUPING(day), GROUPING(state), GROUPING(district), day, state, district, "  # noqa: S608
        f"source, metric, SUM(value) FROM {table} WHERE {where} "
        "GROUP BY GROUPING SETS ((day, metric), (state, metric), (state, district, metric), "
        "(source, metric))"
    )
    result: dict[str, dict] = {name: defaultdict(lambda: defaultdict(int)) for name in DIMENSIONS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for no_day, no_state, no_district, day, state, district, source, metric, total in cursor:
            if not no_day:
                result["day"][day][metric] += int(total)
            elif not no_district:
                key = (state, district) if state and district != NO_DISTRICT else None
                result["district"][key][metric] += int(total)
            elif not no_state:
                result["state"][state][metric] += int(total)
            else:
                result["source"][source][metric] += int(total)
    return result


def period_bounds(period: DateRange) -> tuple[datetime | None, datetime | None]:
    """[start, end) datetimes in the site's time zone covering the whole days of the range."""
    zone = timezone.get_current_timezone()
    start = end = None
    if period.date_from:
        start = datetime.combine(period.date_from, time.min, tzinfo=zone)
    if period.date_to:
        end = datetime.combine(period.date_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def within(queryset, field_name: str, period: DateRange):
    start, end = period_bounds(period)
    if start:
        queryset = queryset.filter(**{f"{field_name}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field_name}__lt": end})
    return queryset


@dataclass
class OfficeReport:
    office_code: str
    letters: int
    from_constituents: int
    by_status: list[tuple[str, int]]
    signatures_from_constituents: int


def constituent_filter(legislator: Legislator, *, prefix: str = "") -> Q:
    """Rows whose (state, district) is represented by this legislator."""
    condition = Q(**{f"{prefix}state": legislator.state})
    if legislator.chamber != Legislator.Chamber.SENATE:
        condition &= Q(**{f"{prefix}district": legislator.district or 0})
    return condition


def office_report(*, campaign, legislator: Legislator, period: DateRange) -> OfficeReport:
    """One office's letters (by delivery status), how many from constituents, and signatures.

    These counts read only this office's rows through the (office, status) index.
    """
    from campaigns.outreach.models import Delivery
    from campaigns.outreach.offices import office_code_for

    code = office_code_for(legislator)
    deliveries = within(
        Delivery.objects.filter(campaign=campaign, office_code=code), "created_at", period
    )
    labels = dict(Delivery.Status.choices)
    by_status = [
        (labels.get(row["status"], row["status"]), row["count"])
        for row in deliveries.values("status").annotate(count=Count("pk")).order_by("status")
    ]
    counts = deliveries.aggregate(
        letters=Count("pk"),
        constituents=Count("pk", filter=constituent_filter(legislator, prefix="letter__")),
    )
    signatures = within(
        signature_list_for_campaign(campaign).filter(constituent_filter(legislator)),
        "created_at",
        period,
    ).count()
    return OfficeReport(
        office_code=code,
        letters=counts["letters"],
        from_constituents=counts["constituents"],
        by_status=by_status,
        signatures_from_constituents=signatures,
    )


def key_text(key) -> str:
    """A rollup key as text: days as YYYY-MM-DD, districts as NY-18 (NY-00 at-large)."""
    if isinstance(key, date):
        return key.isoformat()
    if isinstance(key, tuple | list) and len(key) == 2:
        state, number = key
        return f"{state}-{int(number or 0):02d}"
    return "" if key is None else str(key)


def seat_of(key) -> tuple[str, int] | None:
    """A district rollup key as (state, district); None when the district is unknown."""
    if isinstance(key, tuple | list) and len(key) == 2 and key[0]:
        return key[0], int(key[1] or 0)
    if isinstance(key, str) and "-" in key:
        state, _sep, number = key.partition("-")
        return (state, int(number)) if number.isdigit() else (state, 0)
    return None


def signature_list_for_campaign(campaign):
    from campaigns.models import Signature

    return Signature.objects.filter(campaign=campaign)
