"""Recording: exact per-campaign counters, written in the same transaction as what they count.

Each event adds to one shard of a headline counter (campaign, metric, shard) and to one
shard of a cell (campaign, metric, day, state, district, source, shard). A writer keeps the
row it added to locked until its transaction commits, flush to disk included, so writers
that share a row queue on it. Every action of a campaign meets at its headline counter,
hence SHARDS of them, picked at random. A cell is shared by the actions of one district
and source on one day: an action takes the first of CELL_SHARDS shards that no open
transaction is writing (an advisory lock per shard, tried without waiting, in the SQL
function below), so a cell splits only while writers meet on it and quiet ones stay one
row, which keeps today's cells, the part reports sum afresh, as few as the keys.

`record` writes one action's amounts. `counter_upserts` gives the same two upserts as SQL
for a statement that does more in the same round trip (signing, a delivery's outcome), and
`metrics.bulk` adds many events at once through the same upsert.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cache

from django.db import connection
from django.utils import timezone

from metrics.models import NO_DISTRICT, Cell, Counter

SHARDS = 16
CELL_SHARDS = 8

# Installed by migration metrics 0001. Held until the transaction ends, like the row lock
# the upsert takes; two cells with the same hash only make each other move on a shard.
FREE_CELL_SHARD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION metrics_free_cell_shard(
    campaign bigint, metric text, day date, state text, district integer, source text
) RETURNS smallint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    cell integer := hashtext(concat_ws('|', campaign, metric, day, state, district, source));
BEGIN
    FOR shard IN 0..{CELL_SHARDS - 1} LOOP
        IF pg_try_advisory_xact_lock(cell, shard) THEN
            RETURN shard;
        END IF;
    END LOOP;
    RETURN floor(random() * {CELL_SHARDS})::smallint;
END $$;
"""


def random_shard() -> int:
    """The headline shard one action adds to."""
    return random.randrange(SHARDS)  # noqa: S311 - spreading writes, not security


def columns_of(model) -> list[str]:
    """A counter table's columns, key first and `value` last, from the model."""
    return [field.column for field in model._meta.concrete_fields if not field.primary_key]


def adding_upsert_sql(
    model, rows: int = 1, *, when: str = "", select: str = "", source: str = ""
) -> str:
    """INSERT of `rows` rows whose last column, `value`, is added to the row already there
    (every other column is the key). With `when`, the name of an earlier common table
    expression, the rows are added only if that expression returned a row. With `select`,
    the columns inserted are that list, computed from the given rows (named `added`). With
    `source`, the rows come from that SQL (a SELECT of the columns in order) instead."""
    table, columns = model._meta.db_table, columns_of(model)
    if not source:
        placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * rows)
        source = f"VALUES {placeholders}"
        if when or select:
            named = f"({source}) AS added ({', '.join(columns)})"
            only_if = f" WHERE EXISTS (SELECT 1 FROM {when})" if when else ""  # noqa: S608
            source = f"SELECT {select or '*'} FROM {named}{only_if}"  # noqa: S608
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) {source} "  # noqa: S608
        f"ON CONFLICT ({', '.join(columns[:-1])}) "
        f"DO UPDATE SET value = {table}.value + excluded.value"
    )


def free_cell_shard_sql(*key: str) -> str:
    """The SQL for the shard no open transaction is writing, of the cell whose key
    (campaign, metric, day, state, district, source) these expressions give."""
    campaign, metric, day, state, district, source = key
    return (
        f"metrics_free_cell_shard({campaign}::bigint, {metric}::text, {day}::date, "
        f"{state}::text, {district}::integer, {source}::text)"
    )


@cache
def _free_shard_cell_columns() -> str:
    """The cell columns, with a free shard, computed from rows named by their columns."""
    columns = columns_of(Cell)
    key = columns[: columns.index("shard")]
    return ", ".join([*key, free_cell_shard_sql(*key), "value"])


@dataclass(frozen=True)
class Place:
    """Where an event counts: the supporter's state and district (None: not one district)."""

    state: str = ""
    district: int | None = None


def _rows(campaign_id, deltas, place: Place, source, day) -> tuple[list, list] | None:
    """The headline and cell rows that add `deltas`; None when every delta is zero."""
    deltas = {metric: amount for metric, amount in deltas.items() if amount}
    if not deltas:
        return None
    day = day or timezone.localdate()
    shard = random_shard()
    district = NO_DISTRICT if place.district is None else place.district
    cell = [day, place.state[:2], district, source[:64], 0]  # the shard: a free one, in SQL
    metrics = sorted(deltas)  # one lock order for every writer: no deadlocks
    return (
        [[campaign_id, metric, shard, deltas[metric]] for metric in metrics],
        [[campaign_id, metric, *cell, deltas[metric]] for metric in metrics],
    )


def counter_upserts(
    *,
    campaign_id: int,
    deltas: dict[str, int],
    place: Place = Place(),  # noqa: B008 - frozen
    source: str = "",
    day: date | None = None,
    when: str = "",
) -> tuple[list[str], list]:
    """The two upserts that add `deltas` (headline, then cell), as SQL for common table
    expressions of a larger statement, and their parameters; ([], []) when nothing is
    added. With `when`, they add only if that earlier expression returned a row."""
    rows = _rows(campaign_id, deltas, place, source, day)
    if rows is None:
        return [], []
    headline, cells = rows
    statements = [
        adding_upsert_sql(Counter, len(headline), when=when),
        adding_upsert_sql(Cell, len(cells), when=when, select=_free_shard_cell_columns()),
    ]
    params = [value for row in headline for value in row] + [v for row in cells for v in row]
    return statements, params


def record(
    *,
    campaign_id: int,
    deltas: dict[str, int],
    place: Place = Place(),  # noqa: B008 - frozen
    source: str = "",
    day: date | None = None,
) -> None:
    """Add each metric's amount (e.g. one delivery leaving "queued" for "sent":
    {"deliveries_queued": -1, "deliveries_sent": 1}) to the campaign's counters and to the
    cell of the day, state, district and source, in one statement.

    Call it inside the transaction that writes what it counts, so both commit or neither.
    """
    statements, params = counter_upserts(
        campaign_id=campaign_id, deltas=deltas, place=place, source=source, day=day
    )
    if not statements:
        return
    headline, cell = statements
    with connection.cursor() as cursor:
        cursor.execute(f"WITH headline AS ({headline}) {cell}", params)
