"""Hand-written statements built from the models' `_meta`.

Column lists and conflict targets come from the models: an INSERT writes every column of
the model, taking the field's default for a value it is not given, so adding a field to a
model needs no SQL edit. The builders return `Statement`s (SQL and parameters) so that a
hot path can join several into one round trip as common table expressions, while the
database's unique constraints keep it exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from django.db import connection, models
from django.utils import timezone


@dataclass(frozen=True)
class Sql:
    """An SQL expression given for a column instead of a value (`Sql("sup.id")`)."""

    text: str


@dataclass(frozen=True)
class Statement:
    sql: str
    params: list

    def rows(self) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.fetchall() if cursor.description else []


@cache  # names come from the models: a few dozen, quoted the same way every time
def quote(name: str) -> str:
    return connection.ops.quote_name(name)


@cache
def written_fields(model: type[models.Model]) -> list[models.Field]:
    """The columns an INSERT writes: all but the primary key and generated columns."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field, "generated", False)
    ]


def _value(field: models.Field, values: Mapping):
    if field.name in values:
        return values[field.name]
    if field.attname in values:
        return values[field.attname]
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


# A str for a text column, an int for an integer one, a bool for a boolean one (or None for
# any) is its own database value: get_db_prep_save, most of a hot statement's cost, is
# skipped for those.
PLAIN = ((models.CharField, str), (models.TextField, str), (models.BooleanField, bool),
         (models.IntegerField, int))  # fmt: skip


@cache
def _plain_type(field: models.Field) -> type | None:
    target = field.target_field if field.is_relation else field
    return next((kind for cls, kind in PLAIN if isinstance(target, cls)), None)


def _db_value(field: models.Field, value):
    if value is None or type(value) is _plain_type(field):
        return value
    return field.get_db_prep_save(value, connection)


def _expressions(model, values: Mapping, fields) -> tuple[list[str], list[str], list]:
    """(columns, SQL expressions, parameters) of `fields`, from `values` or their defaults."""
    columns, expressions, params = [], [], []
    for field in fields:
        value = _value(field, values)
        columns.append(quote(field.column))
        if isinstance(value, Sql):
            expressions.append(value.text)
        else:
            expressions.append("%s")
            params.append(_db_value(field, value))
    return columns, expressions, params


def _target(model, conflict: Iterable[str]) -> str:
    return ", ".join(quote(model._meta.get_field(name).column) for name in conflict)


def insert(
    model: type[models.Model],
    values: Mapping,
    *,
    source: str = "",
    source_params: Iterable = (),
    conflict: Iterable[str] = (),
    returning: str = "",
) -> Statement:
    """INSERT one row of `model`: `values` by field name (plain values or `Sql`), defaults
    for the others. With `source` ("FROM a, b WHERE …") the row is selected from it, so
    it is inserted once per row `source` yields (none: nothing inserted); `source_params`
    are its parameters. With `conflict`, a row that would break that unique constraint is
    skipped."""
    columns, expressions, params = _expressions(model, values, written_fields(model))
    if source:
        rows = f"SELECT {', '.join(expressions)} {source}"
    else:
        rows = f"VALUES ({', '.join(expressions)})"
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(columns)}) {rows}"
    if conflict:
        sql += f" ON CONFLICT ({_target(model, conflict)}) DO NOTHING"
    if returning:
        sql += f" RETURNING {returning}"
    return Statement(sql, [*params, *source_params])


def upsert(
    model: type[models.Model],
    values: Mapping,
    *,
    conflict: Iterable[str],
    fill_when_blank: Iterable[str] = (),
    overwrite: Iterable[str] = (),
    returning: str = "",
) -> Statement:
    """INSERT one row, or update the one it conflicts with: `fill_when_blank` fields take the
    new value only where the stored one is blank, `overwrite` fields always take it, every
    other column keeps its stored value. `(xmax = 0)` in `returning` is true when it
    inserted."""
    table = quote(model._meta.db_table)
    columns, expressions, params = _expressions(model, values, written_fields(model))
    sets = []
    for name in fill_when_blank:
        column = quote(model._meta.get_field(name).column)
        sets.append(
            f"{column} = CASE WHEN {table}.{column} = '' THEN excluded.{column} "
            f"ELSE {table}.{column} END"
        )
    for name in overwrite:
        column = quote(model._meta.get_field(name).column)
        sets.append(f"{column} = excluded.{column}")
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(expressions)}) "  # noqa: S608
        f"ON CONFLICT ({_target(model, conflict)}) DO UPDATE SET {', '.join(sets)}"
    )
    if returning:
        sql += f" RETURNING {returning}"
    return Statement(sql, params)


def update(model: type[models.Model], values: Mapping, where: Mapping) -> Statement:
    """UPDATE … SET values WHERE every `where` field equals its value."""
    fields = model._meta
    sets, set_params = [], []
    for name, value in values.items():
        field = fields.get_field(name)
        sets.append(f"{quote(field.column)} = %s")
        set_params.append(field.get_db_prep_save(value, connection))
    conditions, where_params = [], []
    for name, value in where.items():
        field = fields.get_field(name)
        conditions.append(f"{quote(field.column)} = %s")
        where_params.append(field.get_db_prep_save(value, connection))
    sql = (
        f"UPDATE {quote(fields.db_table)} SET {', '.join(sets)} "  # noqa: S608
        f"WHERE {' AND '.join(conditions)}"
    )
    return Statement(sql, set_params + where_params)


_NO_FLUSH_WAIT_SQL = "SELECT set_config('synchronous_commit', 'off', true)"


def with_steps(
    steps: Iterable[tuple[str, Statement]], final: str, *, wait_for_flush: bool = True
) -> Statement:
    """One statement of named steps (common table expressions) and a final SELECT.

    With `wait_for_flush=False` the statement's own transaction commits without waiting
    for its WAL flush (PostgreSQL's synchronous_commit, for this transaction only): a
    first step sets it, and the final SELECT joins it, as an unreferenced SELECT step
    never runs.
    """
    steps = list(steps)
    if not wait_for_flush:
        steps.insert(0, ("no_flush_wait", Statement(_NO_FLUSH_WAIT_SQL, [])))
        final += " CROSS JOIN no_flush_wait"
    sql = "WITH " + ", ".join(f"{name} AS ({step.sql})" for name, step in steps) + " " + final
    return Statement(sql, [param for _name, step in steps for param in step.params])


@cache
def returning(model: type[models.Model], *, qualified: bool = False) -> str:
    """Every column of the model, for a RETURNING or SELECT list read by `instance_from_row`."""
    prefix = f"{quote(model._meta.db_table)}." if qualified else ""
    return ", ".join(prefix + quote(field.column) for field in model._meta.concrete_fields)


def db_value(model: type[models.Model], name: str, value):
    """A Python value as the database stores it in `model.name` (UUIDs, datetimes…)."""
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def field_count(model: type[models.Model]) -> int:
    return len(model._meta.concrete_fields)
