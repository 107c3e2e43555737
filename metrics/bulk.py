"""Recording many events at once (imports, demo data, benchmarks), exactly as `record` would.

A `Tally` sums events per (metric, day, state, district, source) and writes each sum once,
through the same adding upsert as `metrics.record`, many rows per round trip. Writing
cells of days already folded must be followed by `metrics.fold.fold_reset`.
"""

from __future__ import annotations

from collections import Counter as Sums
from datetime import date

from django.db import connection

from metrics.models import NO_DISTRICT, Cell, Counter
from metrics.record import Place, adding_upsert_sql


class Tally:
    def __init__(self, campaign_id: int):
        self.campaign_id = campaign_id
        self.pending: Sums = Sums()

    def add(
        self, metric: str, *, day: date, place: Place, source: str = "", amount: int = 1
    ) -> None:
        self.pending[(metric, day, place.state, place.district, source)] += amount

    def flush(self) -> None:
        """Add the summed events to the counters and cells, then start afresh."""
        headline: Sums = Sums()
        cells = []
        for (metric, day, state, district, source), amount in self.pending.items():
            if not amount:
                continue
            headline[metric] += amount
            district_value = NO_DISTRICT if district is None else district
            cells.append(
                (self.campaign_id, metric, day, state[:2], district_value, source[:64], 0, amount)
            )
        headline_rows = [(self.campaign_id, metric, 0, value) for metric, value in headline.items()]
        with connection.cursor() as cursor:
            cursor.executemany(adding_upsert_sql(Counter), headline_rows)
            cursor.executemany(adding_upsert_sql(Cell), cells)
        self.pending.clear()
