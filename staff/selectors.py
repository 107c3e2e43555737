"""Reads for the staff dashboard: every number comes from the maintained totals.

`metrics` keeps exact per-campaign counters in the same transaction as each action and
folds ended days by day, state, district and source, so a page costs a handful of indexed
reads however many actions a campaign has.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count

from legislators.models import Legislator
from legislators.offices import office_code_for
from legislators.selectors import constituent_filter
from letters.models import Delivery
from metrics import registry
from metrics.breakdowns import breakdowns
from metrics.periods import Period, within
from metrics.totals import campaign_totals, period_totals
from petitions.selectors import signature_list_for_campaign


def action_metrics() -> list[tuple[str, str]]:
    """Kinds of action shown in the daily chart: (metric, label)."""
    return [(metric.name, metric.label) for metric in registry.charted()]


def breakdown_metrics() -> list[str]:
    """The columns of the breakdown tables: actions first, then the others (supporters)."""
    metrics = sorted(registry.broken_down(), key=lambda metric: not metric.charted)
    return [metric.name for metric in metrics]


def report_totals(campaign_id: int, period: Period, *, today: date) -> dict[str, int]:
    """Headline totals of the whole campaign (every metric it has counted), or of a period."""
    all_time = campaign_totals(campaign_id)
    if not period.is_set:
        return all_time
    return period_totals(campaign_id, period, today=today, all_time=all_time)


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


def _group(totals: dict[str, int], group: str) -> list[tuple[str, int]]:
    """(label, total) of the group's metrics the campaign has, in declaration order: a
    delivery status as staff read it everywhere ("Needs you to send it"), else the
    metric's own label."""
    prefix = f"{group}_"
    statuses = dict(Delivery.Status.choices) if group == "deliveries" else {}
    return [
        (str(statuses.get(metric.name.removeprefix(prefix), metric.label)), totals[metric.name])
        for metric in registry.in_group(group)
        if metric.name in totals
    ]


def headline(totals: dict[str, int]) -> Headline:
    """Split the totals into the fixed headline numbers and the per-status/outcome lists."""
    return Headline(
        totals=totals,
        deliveries=_group(totals, "deliveries"),
        calls=_group(totals, "calls"),
    )


def day_span(days: list[date], period: Period, *, today: date) -> list[date]:
    """Every day from the first activity (or the range start) to the range end or today."""
    start = period.start or (min(days) if days else today)
    end = period.end or max([today, *days])
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


def daily_series(by_day: dict, period: Period, *, today: date) -> DailySeries:
    days = day_span([day for day in by_day if day], period, today=today)
    per_metric = {
        metric: [by_day.get(day, {}).get(metric, 0) for day in days]
        for metric, _label in action_metrics()
    }
    return DailySeries(days=days, per_metric=per_metric)


def breakdown_rows(by_key: dict) -> list[dict]:
    """Rows for a breakdown table: the dimension value plus the main metrics, largest first."""
    columns, actions = breakdown_metrics(), [metric for metric, _label in action_metrics()]
    rows = []
    for key, metrics in by_key.items():
        row = {"key": key, **{metric: metrics.get(metric, 0) for metric in columns}}
        row["actions"] = sum(metrics.get(metric, 0) for metric in actions)
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


def campaign_report(campaign_id: int, period: Period, *, today: date) -> CampaignReport:
    """The campaign's numbers for a period, recomputed only after the counters moved."""
    all_time = campaign_totals(campaign_id)
    fingerprint = hashlib.sha256(repr(sorted(all_time.items())).encode()).hexdigest()[:20]
    key = f"staff:report:{campaign_id}:{period.start}:{period.end}:{today}:{fingerprint}"
    report = cache.get(key)
    if report is None:
        report = _campaign_report(campaign_id, period, today=today, all_time=all_time)
        report.version = hashlib.sha256(key.encode()).hexdigest()[:20]
        cache.set(key, report, REPORT_CACHE_SECONDS)
    return report


def _campaign_report(campaign_id, period, *, today, all_time) -> CampaignReport:
    # The charts and tables read only the metrics they show, from the rollups and the
    # recent cells; the headline totals come from the counters.
    shown = {metric for metric, _label in action_metrics()} | set(breakdown_metrics())
    by = breakdowns(campaign_id, period, today=today, metrics=sorted(shown.intersection(all_time)))
    totals = dict(all_time)
    if period.is_set:
        totals = period_totals(campaign_id, period, today=today, all_time=all_time)
    return CampaignReport(
        totals=totals,
        version="",
        series=daily_series(by["day"], period, today=today),
        by_state=breakdown_rows(by["state"]),
        by_district=breakdown_rows(by["district"]),
        by_source=breakdown_rows(by["source"]),
    )


@dataclass
class OfficeReport:
    office_code: str
    letters: int
    from_constituents: int
    by_status: list[tuple[str, int]]
    signatures_from_constituents: int


def office_report(*, campaign, legislator: Legislator, period: Period) -> OfficeReport:
    """One office's letters (by delivery status), how many from constituents, and signatures.

    These counts read only this office's rows through the office index.
    """
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
