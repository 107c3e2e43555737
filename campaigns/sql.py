"""Single-statement upserts shared by the action services (PostgreSQL and SQLite).

Each helper is one round trip to the database; they keep the hot path of an action (sign,
join, write) short while the database's unique constraints keep it exact.
"""

from collections.abc import Iterable

from django.db import connection, models


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
    fields = list(model._meta.concrete_fields)
    returning = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    target = ", ".join(model._meta.get_field(name).column for name in conflict)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(params))}) "
        f"ON CONFLICT ({target}) DO UPDATE SET {', '.join(sets)} RETURNING {returning}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    converted = []
    for field, value in zip(fields, row, strict=True):
        column = field.get_col(table)
        converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        for converter in converters:
            value = converter(value, column, connection)
        converted.append(value)
    return model.from_db(connection.alias, [field.attname for field in fields], converted)
