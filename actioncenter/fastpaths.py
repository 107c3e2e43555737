"""Every place the site relies on Django, DRF or psycopg internals, for speed, in one module.

Each trick is measured (docs/performance.md gives the benchmark figure behind it and how to
remove it) and checked by tests/actioncenter/test_fastpaths.py, which fails loudly when an
upgrade changes what it relies on:

* prepared statements on one psycopg cursor kept per connection (`execute_prepared`);
* skipping Django's per-request `SELECT 1` health check where a statement can find a dead
  connection itself, and in Celery tasks (`connection.health_check_done`);
* model instances from rows without compiling a query (`instance_from_row`);
* DRF input serializers whose fields are built once per thread (`FieldsBuiltOncePerThread`);
* content negotiation and JSON parsing decided by string comparison for the usual request
  (`UsualRequestNegotiation`, `BodyJSONParser`);
* a DRF view answering its usual request before DRF's dispatch (`view_with_shortcut`).
"""

from __future__ import annotations

import threading
import weakref

from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    connections,
    models,
)
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.utils import json
from rest_framework.utils.serializer_helpers import BindingDict

# --- PostgreSQL: prepared statements and connection checks --------------------------------


def execute_prepared(sql: str, params, *, safe_to_repeat: bool = False) -> list[tuple]:
    """Run `sql` as a server-side prepared statement and return its rows.

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
    import psycopg

    cursor = connection._actioncenter_prepared_cursor = psycopg.Cursor(raw)
    return cursor


def _connection_lost() -> bool:
    """After an error: the server closed the connection (restart, idle timeout, admin)."""
    raw = connection.connection
    return raw is None or raw.closed or raw.broken


def skip_health_checks_until_next_task() -> None:
    """Celery: close connections that are too old or broken, and let the next task's
    first statement find a dead connection instead of a `SELECT 1` round trip first."""
    close_old_connections()
    for each in connections.all(initialized_only=True):
        each.health_check_done = True


# --- Model instances from rows -----------------------------------------------------------


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


# --- DRF: fields built once per thread, the usual request negotiated by string -------------


class FieldsBuiltOncePerThread:
    """An input serializer whose fields are built and bound once per thread, not per instance.

    DRF deep-copies every declared field for each serializer instance, which re-runs each
    field's __init__ and rebuilds its validators, then binds the copies to the instance; on
    the public signature endpoint that was about a third of validating a request. Here
    each thread keeps one set of fields, bound to a blank instance of the serializer (no
    data, no context, not partial), and every instance of that class in the thread
    validates with it.

    For input serializers (validation only) whose validation reads nothing from the
    serializer instance but what the blank one has, and whose fields keep nothing between
    calls, which is true of DRF's own field classes. Data and errors stay on each instance.
    """

    _bound = threading.local()

    @property
    def fields(self):
        by_class = self._bound.__dict__.setdefault("by_class", {})
        fields = by_class.get(type(self))
        if fields is None:
            blank = type(self)()
            fields = BindingDict(blank)
            for name, field in serializers.Serializer.get_fields(blank).items():
                fields[name] = field  # binds the field to the blank instance
            by_class[type(self)] = fields
        return fields


# Accept values a JSON-only API answers with its one renderer, as DRF's negotiation would.
ANY_OR_JSON = frozenset(("", "*/*", "application/json"))


class UsualRequestNegotiation(DefaultContentNegotiation):
    def select_parser(self, request, parsers):
        # An exact match with the first parser is the one DRF's media-type matching picks.
        if parsers and parsers[0].media_type == request.content_type:
            return parsers[0]
        return super().select_parser(request, parsers)

    def select_renderer(self, request, renderers, format_suffix=None):
        meta = request.META
        usual = (
            len(renderers) == 1
            and not format_suffix
            and not meta.get("QUERY_STRING")  # no ?format= override to honour
            and meta.get("HTTP_ACCEPT", "").strip() in ANY_OR_JSON
            and renderers[0].media_type == "application/json"
        )
        if usual:
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)


class BodyJSONParser(JSONParser):
    """DRF's JSONParser, decoding the body (already read and size-checked) in one call."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        parse_constant = json.strict_constant if self.strict else None
        try:
            return json.loads(stream.read().decode(encoding), parse_constant=parse_constant)
        except ValueError as exc:  # a UnicodeDecodeError is a ValueError too
            raise ParseError(f"JSON parse error - {exc}") from exc


def view_with_shortcut(view, shortcut):
    """An APIView's `as_view()` function that first lets `shortcut(request)` answer.

    DRF's dispatch (its Request, negotiation, authentication, permissions, throttles)
    costs as much as the rest of a request that needs none of it, such as a lookup
    answered with prepared bytes. `shortcut` returns a response, or None to go through
    the view. The attributes DRF puts on the view function (`cls`, `initkwargs`,
    `csrf_exempt`), which Django and drf-spectacular read, are kept.
    """

    def dispatch(request, *args, **kwargs):
        response = shortcut(request)
        return view(request, *args, **kwargs) if response is None else response

    dispatch.__dict__.update(view.__dict__)
    return dispatch
