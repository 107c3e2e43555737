"""OSDI's `filter` query parameter, for incremental sync of any collection.

`filter=modified_date gt '2026-03-20T21:04:31Z'` (also `ge`, `lt`, `le`, `eq`; on
`created_date` too; clauses joined with `and`). A date without a time means midnight UTC.
A partner's system keeps the newest `modified_date` it saw and asks only for what changed
since; anything else in the parameter is refused with a 400 rather than ignored, so a sync
never silently receives the whole collection.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

FIELDS = ("created_date", "modified_date")
OPERATORS = {"gt": "gt", "ge": "gte", "lt": "lt", "le": "lte", "eq": "eq"}
CLAUSE_RE = re.compile(r"^\s*(\w+)\s+(\w+)\s+'([^']*)'\s*$")
AND_RE = re.compile(r"\s+and\s+", re.IGNORECASE)
ONE_SECOND = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class Clause:
    field: str  # "created_date" or "modified_date"
    operator: str  # "gt", "ge", "lt", "le" or "eq"
    value: dt.datetime  # aware, UTC


def _refuse(message: str):
    raise ValidationError({"filter": [message]})


def _moment(text: str) -> dt.datetime:
    text = text.strip()
    try:
        moment = parse_datetime(text.replace("z", "Z"))
        day = None if moment else parse_date(text)
    except ValueError:
        moment = day = None
    if moment is None and day is not None:
        moment = dt.datetime.combine(day, dt.time())
    if moment is None:
        _refuse(
            _("“%(value)s” is not a date (ISO 8601, e.g. 2026-03-20T21:04:31Z).") % {"value": text}
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def parse(text: str) -> list[Clause]:
    """The clauses of a `filter` parameter; a 400 for anything this API cannot honour."""
    clauses = []
    for part in AND_RE.split(text.strip()):
        match = CLAUSE_RE.match(part)
        if not match:
            _refuse(
                _(
                    "Filters look like: modified_date gt '2026-03-20T21:04:31Z' "
                    "(created_date or modified_date; gt, ge, lt, le or eq; joined with and)."
                )
            )
        field, operator, value = match.groups()
        if field not in FIELDS:
            _refuse(_("Only created_date and modified_date can be filtered on."))
        if operator.lower() not in OPERATORS:
            _refuse(_("The operators are gt, ge, lt, le and eq."))
        clauses.append(Clause(field, operator.lower(), _moment(value)))
    return clauses


def apply(queryset: QuerySet, text: str | None, columns: dict[str, str]) -> QuerySet:
    """`queryset` narrowed by the filter; `columns` names the column (or annotation) that
    holds each of the resource's dates, e.g. {"created_date": "created_at", ...}."""
    if not text or not text.strip():
        return queryset
    for clause in parse(text):
        column = columns[clause.field]
        if clause.operator == "eq":  # OSDI dates have whole seconds
            queryset = queryset.filter(
                **{f"{column}__gte": clause.value, f"{column}__lt": clause.value + ONE_SECOND}
            )
        else:
            queryset = queryset.filter(**{f"{column}__{OPERATORS[clause.operator]}": clause.value})
    return queryset
