"""Single-statement upserts shared by the action services (PostgreSQL and SQLite).

Each helper is one round trip to the database; they keep the hot path of an action (sign,
join, write) short while the database's unique constraints keep it exact.
"""

import weakref
from collections.abc import Iterable
from functools import cache

from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    models,
)


def _columns(model: type[models.Model], values: dict) -> tuple[list[str], list]:
    columns, params = [], []
    for name, value in values.items():
        field = model._meta.get_field(name)
        columns.append(connection.ops.quote_name(field.column))
        params.append(field.get_db_prep_save(value, connection))
    return columns, params


def insert_ignore(model: type[models.Model], values: dict, conflict: Iterable[str]) -> int | None:
    """Insert one row unless it would break the unique `conflict` fields; the new pk or None."""
    columns, params = _columns(model, values)
    target = ", ".join(model._meta.get_field(name).column for name in conflict)
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(params))}) "
        f"ON CONFLICT ({target}) DO NOTHING RETURNING {model._meta.pk.column}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def upsert_returning(
    model: type[models.Model],
    values: dict,
    *,
    conflict: Iterable[str],
    keep_when_blank: Iterable[str] = (),
    overwrite: Iterable[str] = (),
) -> models.Model:
    """Insert a row, or update the existing one, and return it as a model instance.

    On conflict, `keep_when_blank` fields take the new value only when it is not blank and
    `overwrite` fields always take it; every other column keeps its stored value.
    """
    table = model._meta.db_table
    columns, params = _columns(model, values)
    sets = []
    for name in keep_when_blank:
        column = connection.ops.quote_name(model._meta.get_field(name).column)
        sets.append(
            f"{column} = CASE WHEN excluded.{column} <> '' THEN excluded.{column} "
            f"ELSE {table}.{column} END"
        )
    for name in overwrite:
        column = connection.ops.quote_name(model._meta.get_field(name).column)
        sets.append(f"{column} = excluded.{column}")
    target = ", ".join(model._meta.get_field(name).column for name in conflict)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(params))}) "
        f"ON CONFLICT ({target}) DO UPDATE SET {', '.join(sets)} RETURNING {returning(model)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return instance_from_row(model, row)


def execute_prepared(sql: str, params, *, safe_to_repeat: bool = False) -> list[tuple]:
    """PostgreSQL: run `sql` as a server-side prepared statement and return its rows.

    Planning a statement of several common table expressions can cost as much as
    running it. Django's cursors bind parameters on the client, which plans every
    execution; a server-binding psycopg cursor with prepare=True plans once per
    connection and reuses the plan.

    `safe_to_repeat` is for a statement that commits on its own and whose second run
    changes nothing (signing: the unique constraints make a repeat "already signed").
    Outside a transaction it replaces Django's per-request health check, a `SELECT 1`
    round trip before the first query, with a repeat on a new connection when the one
    at hand turns out to be dead.
    """
    if safe_to_repeat and connection.connection is not None and connection.get_autocommit():
        connection.health_check_done = True  # checked by the statement itself, below
        try:
            return _run_prepared(sql, params)
        except (OperationalError, InterfaceError):
            if not _connection_lost():
                raise
            connection.close()
            return _run_prepared(sql, params)
    connection.close_if_health_check_failed()  # as connection.cursor() does (CONN_HEALTH_CHECKS)
    return _run_prepared(sql, params)


def _run_prepared(sql: str, params) -> list[tuple]:
    connection.ensure_connection()
    cursor = _prepared_cursor(connection.connection)
    with connection.wrap_database_errors:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchall()


# One server-binding cursor per psycopg connection, kept on Django's connection object
# while that psycopg connection lives: a cursor learns how to send each parameter type the
# first time it meets it, and a new one per statement would learn that every time.
def _prepared_cursor(raw):
    kept = getattr(connection, "_actioncenter_prepared_cursor", None)
    if kept is not None and kept.connection is raw and not kept.closed:
        return kept
    import psycopg  # PostgreSQL only

    cursor = connection._actioncenter_prepared_cursor = psycopg.Cursor(raw)
    return cursor


def _connection_lost() -> bool:
    """After an error: the server closed the connection (restart, idle timeout, admin)."""
    raw = connection.connection
    return raw is None or raw.closed or raw.broken


def returning(model: type[models.Model], *, qualified: bool = False) -> str:
    """Every column of the model, for a RETURNING or SELECT list read by `instance_from_row`."""
    return _column_list(model, qualified, connection.vendor)


@cache
def _column_list(model: type[models.Model], qualified: bool, vendor: str) -> str:
    quote = connection.ops.quote_name
    prefix = f"{quote(model._meta.db_table)}." if qualified else ""
    return ", ".join(prefix + quote(field.column) for field in model._meta.concrete_fields)


def update_where(model: type[models.Model], values: dict, where: dict) -> int:
    """UPDATE … SET values WHERE every `where` field equals its value; the rows changed.

    The ORM's `filter().update()` in one statement without compiling a query (hot paths).
    """
    sql, params = update_where_sql(model, values, where)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def update_where_sql(model: type[models.Model], values: dict, where: dict) -> tuple[str, list]:
    """The statement `update_where` runs, for embedding in a larger one."""
    sets, set_params = _columns(model, values)
    conditions, where_params = _columns(model, where)
    sql = (
        f"UPDATE {model._meta.db_table} SET "  # noqa: S608
        + ", ".join(f"{column} = %s" for column in sets)
        + " WHERE "
        + " AND ".join(f"{column} = %s" for column in conditions)
    )
    return sql, set_params + where_params


def db_value(model: type[models.Model], name: str, value):
    """A Python value as the database stores it in `model.name` (UUIDs, datetimes…)."""
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def field_count(model: type[models.Model]) -> int:
    return len(model._meta.concrete_fields)


def instance_from_row(model: type[models.Model], row) -> models.Model:
    """A model instance from a row of `returning(model)` columns, as the ORM would build it."""
    db = connections[DEFAULT_DB_ALIAS]  # one lookup: the proxy costs one per attribute
    attnames, converters = _row_reader(db, model)
    values = list(row)
    for index, column, functions in converters:
        value = values[index]
        for function in functions:
            value = function(value, column, db)
        values[index] = value
    return model.from_db(db.alias, attnames, values)


# Per connection (converters are bound to it) and model: the attribute names and the
# columns that need converting, worked out once instead of on every row.
_readers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _row_reader(db, model: type[models.Model]) -> tuple[list[str], list[tuple]]:
    by_model = _readers.setdefault(db, {})
    reader = by_model.get(model)
    if reader is None:
        table = model._meta.db_table
        fields = model._meta.concrete_fields
        converters = []
        for index, field in enumerate(fields):
            column = field.get_col(table)
            functions = db.ops.get_db_converters(column) + field.get_db_converters(db)
            if functions:
                converters.append((index, column, functions))
        reader = by_model[model] = ([field.attname for field in fields], converters)
    return reader
