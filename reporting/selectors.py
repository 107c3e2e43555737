"""Reads for the staff dashboard: every number comes from the maintained counters.

`campaigns.totals` keeps exact per-campaign counters in the same transaction as
each action, and `campaigns.rollups` sums ended days by day, state, district and
source, so a page costs a handful of indexed reads however many actions a campaign
has.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.rollups import DIMENSIONS, Period, rollup_totals
from campaigns.rollups import period_totals as rollup_period_totals
from campaigns.totals import campaign_totals
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


@dataclass(frozen=True)
class DateRange:
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_set(self) -> bool:
        return bool(self.date_from or self.date_to)


def totals_by(campaign_id: int, dimension: str, *, period: DateRange | None = None) -> dict:
    """{dimension value: {metric: total}} for one dimension, from the daily rollups.

    Districts are keyed (state, number): a congressional district is only meaningful
    with its state. Actions that could not be placed in one district are keyed None.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension {dimension!r}; use one of {DIMENSIONS}")
    period = period or DateRange()
    by = rollup_totals(campaign_id, _days(period), today=timezone.localdate())
    return by[dimension]


def _days(period: DateRange) -> Period:
    return Period(period.date_from, period.date_to)


def period_totals(campaign_id: int, period: DateRange) -> dict[str, int]:
    """Headline totals, of the whole campaign or within a date range."""
    all_time = campaign_totals(campaign_id)
    if not period.is_set:
        return dict(all_time)
    return rollup_period_totals(
        campaign_id, _days(period), today=timezone.localdate(), all_time=all_time
    )


@dataclass
class Headline:
    """The numbers at the top of a campaign's page."""

    totals: dict[str, int]
    deliveries: list[tuple[str, int]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)

    def get(self, metric: str) -> int:
        return self.totals.get(metric, 0)

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


# A report is kept until the next counted event (any event changes the headline counters,
# which are part of the cache key) and at most this long.
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


# What the charts and breakdown tables show, the only metrics summed from the rollups and
# today's cells; the headline totals come from the counters (see rollup_period_totals).
CHART_METRICS = frozenset({metric for metric, _label in ACTION_METRICS} | set(BREAKDOWN_METRICS))


def _campaign_report(campaign_id, period, *, today, all_time) -> CampaignReport:
    days = _days(period)
    metrics = sorted(CHART_METRICS.intersection(all_time))
    by = rollup_totals(campaign_id, days, today=today, metrics=metrics)
    totals = dict(all_time)
    if period.is_set:
        totals = rollup_period_totals(campaign_id, days, today=today, all_time=all_time)
    return CampaignReport(
        totals=totals,
        version="",
        series=daily_series(by["day"], period, today=today),
        by_state=breakdown_rows(by["state"]),
        by_district=breakdown_rows(by["district"]),
        by_source=breakdown_rows(by["source"]),
    )


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
