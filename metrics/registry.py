"""Every metric the site counts, declared once by the app that records it.

A metric is a name the counters are kept under ("signatures", "deliveries_sent"). Its
declaration says how people read it: its label, whether it counts an action supporters
take (charted per day in the staff reports) and is a column of the breakdown tables, and
the group it is listed under (a letter's deliveries by status, calls by outcome).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    charted: bool = False  # an action, drawn in the daily chart
    broken_down: bool = False  # a column of the by-state, by-district and by-source tables
    group: str = ""  # listed with the others of its group ("deliveries", "calls")


_declared: dict[str, Metric] = {}


def declare(*metrics: Metric) -> tuple[Metric, ...]:
    """Add metrics (declaring one again replaces it, so a reload is harmless)."""
    for metric in metrics:
        _declared[metric.name] = metric
    return metrics


def declared() -> list[Metric]:
    """Every declared metric, in declaration order (apps in INSTALLED_APPS order)."""
    return list(_declared.values())


def charted() -> list[Metric]:
    return [metric for metric in _declared.values() if metric.charted]


def broken_down() -> list[Metric]:
    return [metric for metric in _declared.values() if metric.broken_down]


def in_group(group: str) -> list[Metric]:
    return [metric for metric in _declared.values() if metric.group == group]


def metric_label(name: str) -> str:
    metric = _declared.get(name)
    return str(metric.label) if metric else name
