"""Reading: a campaign's headline totals, all time or within a period.

Headline reads sum a handful of counter shards per metric, so they cost the same whatever
the number of actions.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum

from metrics.breakdowns import breakdowns, day_sums
from metrics.fold import DIMENSIONS
from metrics.models import Counter
from metrics.periods import Period


def campaign_totals(campaign_id: int) -> dict[str, int]:
    """{metric: total} for one campaign (metrics never recorded are absent)."""
    return campaign_totals_for([campaign_id])[campaign_id]


def campaign_totals_for(campaign_ids) -> dict[int, dict[str, int]]:
    """campaign_totals of several campaigns in one query (lists of campaigns)."""
    totals: dict[int, dict[str, int]] = {campaign_id: {} for campaign_id in campaign_ids}
    rows = (
        Counter.objects.filter(campaign_id__in=list(totals))
        .values("campaign_id", "metric")
        .annotate(total=Sum("value"))
        .values_list("campaign_id", "metric", "total")
        .order_by()
    )
    for campaign_id, metric, total in rows:
        totals[campaign_id][metric] = int(total)
    return totals


def period_totals(
    campaign_id: int, period: Period, *, today: dt.date, all_time: dict[str, int] | None = None
) -> dict[str, int]:
    """Every metric's total within the period (`all_time`: the headline totals, if read).

    A period that runs to today is the headline total less the days before it, so no
    cells of today are read for it; an earlier period is the sum of its days.
    """
    all_time = campaign_totals(campaign_id) if all_time is None else all_time
    if period.start is None and (period.end is None or period.end >= today):
        return {metric: value for metric, value in all_time.items() if value}
    if period.end is None or period.end >= today:
        before = day_sums(campaign_id, Period(None, period.start - dt.timedelta(days=1)))
        totals = {metric: all_time.get(metric, 0) - before.get(metric, 0) for metric in all_time}
    else:
        totals = day_sums(campaign_id, period)
    return {metric: value for metric, value in totals.items() if value}


def totals_by(campaign_id: int, dimension: str, *, period: Period, today: dt.date) -> dict:
    """{key: {metric: total}} for one dimension (day, state, district or source).

    Districts are keyed (state, number): a congressional district is only meaningful with
    its state. Actions that could not be placed in one district are keyed None.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension {dimension!r}; use one of {DIMENSIONS}")
    return breakdowns(campaign_id, period, today=today)[dimension]
