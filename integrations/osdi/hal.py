"""HAL+JSON building blocks shaped like the OSDI specification's examples.

Every resource: `identifiers` ("system:id"), `origin_system`, `created_date`,
`modified_date` (ISO 8601, UTC, with Z) and `_links` with `self` plus
`osdi:<rel>` links. Every collection: `total_pages`, `per_page`, `page`,
`total_records`, `_links` (self, next/prev, `osdi:<rel>` list, curies) and
the full resources in `_embedded["osdi:<rel>"]`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request

from movement.identity import site_identity

IDENTIFIER_SYSTEM = "actioncenter"
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


class HalJSONRenderer(JSONRenderer):
    media_type = "application/hal+json"
    format = "hal"


def osdi_date(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identifiers(pk, foreign: Sequence[str] = ()) -> list[str]:
    return [f"{IDENTIFIER_SYSTEM}:{pk}", *foreign]


def resource(
    *,
    pk,
    created: datetime | None,
    modified: datetime | None,
    links: dict[str, str],
    fields: dict,
    foreign_identifiers: Sequence[str] = (),
    origin_system: str = "",
) -> dict:
    """One OSDI resource; `links` maps rel ("self", "osdi:person", ...) to an absolute URL.

    `foreign_identifiers` and `origin_system` are what a partner's system sent when it
    recorded the resource here: a resource it created says it came from there."""
    return {
        "identifiers": identifiers(pk, foreign_identifiers),
        "origin_system": origin_system or site_identity("en").name,
        "created_date": osdi_date(created),
        "modified_date": osdi_date(modified or created),
        **fields,
        "_links": {rel: {"href": href} for rel, href in links.items()},
    }


def page_number(request: Request) -> tuple[int, int]:
    """(page, per_page) from the query string: whole numbers from 1 (a larger per_page
    is cut to the maximum); anything else is a 400, not a silent first page."""

    def integer(name: str, default: int) -> int:
        raw = request.query_params.get(name)
        if raw is None or raw == "":  # an empty parameter is an absent one, as everywhere
            return default
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value < 1:
            raise ValidationError({name: [_("A whole number from 1.")]})
        return value

    return integer("page", 1), min(integer("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)


def collection(
    request: Request,
    *,
    rel: str,
    queryset,
    to_resource: Callable[[object], dict],
    curies: list[dict],
) -> dict:
    """One page of a collection as OSDI wants it (`rel` like "petitions"); its links keep
    the request's `filter`, so following `next` continues the same incremental sync."""
    page, per_page = page_number(request)
    paginator = Paginator(queryset, per_page)
    total = paginator.count
    try:
        items: Sequence = paginator.page(page).object_list if total else []
    except EmptyPage:
        items = []
    embedded = [to_resource(item) for item in items]
    base = request.build_absolute_uri(request.path)

    kept = {"filter": request.query_params["filter"]} if request.query_params.get("filter") else {}

    def href(number: int) -> str:
        return f"{base}?{urlencode({**kept, 'page': number, 'per_page': per_page})}"

    links: dict = {"self": {"href": href(page)}}
    if page < paginator.num_pages and total:
        links["next"] = {"href": href(page + 1)}
    if page > 1:
        links["prev"] = {"href": href(page - 1)}
    links[f"osdi:{rel}"] = [{"href": item["_links"]["self"]["href"]} for item in embedded]
    links["curies"] = curies
    return {
        "total_pages": paginator.num_pages if total else 0,
        "per_page": per_page,
        "page": page,
        "total_records": total,
        "_links": links,
        "_embedded": {f"osdi:{rel}": embedded},
    }
