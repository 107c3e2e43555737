"""Exact per-campaign counters, written in the same transaction as the action they count.

Each event adds to one shard of a headline counter (campaign, metric, shard) and to one
shard of a cell (campaign, metric, day, state, district, source, shard). A writer keeps the
row it added to locked until its transaction commits, flush to disk included, so writers
that share a row queue on it. Every action of a campaign meets at its headline counter,
hence SHARDS of them, picked at random. A cell is shared by the actions of one district
and source on one day: on PostgreSQL an action takes the first of CELL_SHARDS shards that
no open transaction is writing (an advisory lock per shard, tried without waiting; see
migration 0007), so a cell splits only while writers meet on it and quiet ones stay one
row, which keeps today's cells, the part reports sum afresh, as few as the keys.
Headline reads sum a handful of rows, so they cost the same whatever the number of
actions; breakdowns are read through `campaigns.rollups`, which folds ended days. Metric
names are free strings.
"""

import random
from datetime import date

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from campaigns.models import BreakdownCounter, Counter
from campaigns.models.totals import NO_DISTRICT
from campaigns.sql import execute_prepared

SHARDS = 16
CELL_SHARDS = 8  # the limit in campaigns_free_cell_shard (migration 0007)


def random_shard() -> int:
    """The headline shard one action adds to."""
    return random.randrange(SHARDS)  # noqa: S311 - spreading writes, not security


def adding_upsert_sql(
    table: str, columns: list[str], rows: int = 1, *, when: str = "", select: str = ""
) -> str:
    """INSERT of `rows` rows whose last column, `value`, is added to the row already there
    (every other column is the key). With `when`, the name of an earlier common table
    expression, the rows are added only if that expression returned a row. With `select`,
    the columns inserted are that list, computed from the given rows (named `added`)."""
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * rows)
    source = f"VALUES {placeholders}"
    if when or select:  # PostgreSQL only (a column list on a derived table's alias)
        named = f"({source}) AS added ({', '.join(columns)})"
        only_if = f" WHERE EXISTS (SELECT 1 FROM {when})" if when else ""  # noqa: S608
        source = f"SELECT {select or '*'} FROM {named}{only_if}"  # noqa: S608
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) {source} "  # noqa: S608
        f"ON CONFLICT ({', '.join(columns[:-1])}) "
        f"DO UPDATE SET value = {table}.value + excluded.value"
    )


HEADLINE_COLUMNS = ["campaign_id", "metric", "shard", "value"]
CELL_COLUMNS = ["campaign_id", "metric", "day", "state", "district", "source", "shard", "value"]


def free_cell_shard_sql(*key: str) -> str:
    """PostgreSQL: the SQL for the shard, no open transaction writing it, of the cell whose
    key (campaign, metric, day, state, district, source) these expressions give (function of
    migration 0007)."""
    campaign, metric, day, state, district, source = key
    return (
        f"campaigns_free_cell_shard({campaign}::bigint, {metric}::text, {day}::date, "
        f"{state}::text, {district}::integer, {source}::text)"
    )


# PostgreSQL: the cell columns, with a free shard, computed from the rows given.
FREE_SHARD_CELL_COLUMNS = (
    "campaign_id, metric, day, state, district, source, "
    + free_cell_shard_sql("campaign_id", "metric", "day", "state", "district", "source")
    + ", value"
)


def _counter_upserts(headline: list[list], cells: list[list], *, when: str = ""):
    """The headline and cell upserts adding these rows, and the parameters of both."""
    headline_sql = adding_upsert_sql(
        Counter._meta.db_table, HEADLINE_COLUMNS, len(headline), when=when
    )
    free_shard = FREE_SHARD_CELL_COLUMNS if connection.vendor == "postgresql" else ""
    cell_sql = adding_upsert_sql(
        BreakdownCounter._meta.db_table, CELL_COLUMNS, len(cells), when=when, select=free_shard
    )
    headline_params = [value for row in headline for value in row]
    cell_params = [value for row in cells for value in row]
    return headline_sql, headline_params, cell_sql, cell_params


def _add_to_counters(headline: list[list], cells: list[list]) -> None:
    """Both upserts; on PostgreSQL in one statement (one round trip on every action)."""
    headline_sql, headline_params, cell_sql, cell_params = _counter_upserts(headline, cells)
    if connection.vendor == "postgresql":  # one statement: atomic by itself
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH headline AS ({headline_sql}) {cell_sql}",
                headline_params + cell_params,
            )
        return
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(headline_sql, headline_params)
        cursor.execute(cell_sql, cell_params)


def record_event(
    *,
    campaign_id: int,
    metric: str,
    amount: int = 1,
    state: str = "",
    district: int | None = None,
    source: str = "",
    day: date | None = None,
) -> None:
    """Add `amount` to a campaign's metric and to its day/state/district/source cell.

    Call it inside the transaction that writes the counted row, so both commit or neither.
    """
    record_deltas(
        campaign_id=campaign_id,
        deltas={metric: amount},
        state=state,
        district=district,
        source=source,
        day=day,
    )


def record_events(
    *,
    campaign_id: int,
    metrics: list[str],
    amount: int = 1,
    state: str = "",
    district: int | None = None,
    source: str = "",
    day: date | None = None,
) -> None:
    """record_event for several metrics of one action, in one round trip."""
    record_deltas(
        campaign_id=campaign_id,
        deltas=dict.fromkeys(metrics, amount),
        state=state,
        district=district,
        source=source,
        day=day,
    )


def record_deltas(
    *,
    campaign_id: int,
    deltas: dict[str, int],
    state: str = "",
    district: int | None = None,
    source: str = "",
    day: date | None = None,
) -> None:
    """Add a different amount to each metric (e.g. one delivery leaving "queued" for
    "sent": {"deliveries_queued": -1, "deliveries_sent": 1}), in one round trip."""
    rows = _counter_rows(campaign_id, deltas, state, district, source, day)
    if rows:
        _add_to_counters(*rows)


def update_and_record_deltas(
    update_sql: str,
    update_params: list,
    *,
    campaign_id: int,
    deltas: dict[str, int],
    state: str = "",
    district: int | None = None,
    source: str = "",
    day: date | None = None,
) -> int:
    """PostgreSQL only: run an UPDATE and, if it changed a row, `record_deltas` — in one
    statement, so one round trip and atomic by itself (no transaction needed around it).
    Returns the number of rows the UPDATE changed."""
    parts = [f"updated AS ({update_sql} RETURNING 1)"]
    params = list(update_params)
    rows = _counter_rows(campaign_id, deltas, state, district, source, day)
    if rows:
        headline_sql, headline_params, cell_sql, cell_params = _counter_upserts(
            *rows, when="updated"
        )
        parts += [f"headline AS ({headline_sql})", f"cells AS ({cell_sql})"]
        params += headline_params + cell_params
    sql = f"WITH {', '.join(parts)} SELECT COUNT(*) FROM updated"  # noqa: S608
    [(changed,)] = execute_prepared(sql, params)
    return changed


def _counter_rows(campaign_id, deltas, state, district, source, day) -> tuple[list, list] | None:
    """The headline and cell rows that add `deltas`; None when every delta is zero."""
    deltas = {metric: amount for metric, amount in deltas.items() if amount}
    if not deltas:
        return None
    day = day or timezone.localdate()
    shard = random_shard()
    district_value = NO_DISTRICT if district is None else district
    cell = [day, state[:2], district_value, source[:64], 0]  # PostgreSQL: a free shard
    metrics = sorted(deltas)  # one lock order for every writer: no deadlocks
    return (
        [[campaign_id, metric, shard, deltas[metric]] for metric in metrics],
        [[campaign_id, metric, *cell, deltas[metric]] for metric in metrics],
    )


def campaign_totals(campaign_id: int) -> dict[str, int]:
    """{metric: total} for one campaign (metrics never recorded are absent)."""
    rows = (
        Counter.objects.filter(campaign_id=campaign_id)
        .values("metric")
        .annotate(total=Sum("value"))
        .values_list("metric", "total")
    )
    return {metric: int(total) for metric, total in rows}


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
