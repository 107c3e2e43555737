"""The Senate offices that take letters through CWC, from the Senate's own list.

The Senate publishes which of its offices accept CWC messages (`active_offices.json`:
`[{"name": "…", "office_code": "SWY02"}, …]`). With CWC_SENATE_OFFICES_SOURCE naming that
file (a path or a URL), `manage.py load_senate_offices` loads it and beat refreshes it
weekly with the legislator data; a Senate office not on it goes down the channel ladder
(email, then the supporter) instead of being posted and failing. With no list loaded,
every Senate office is taken to accept CWC.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.caching import ProcessCache
from actioncenter.exceptions import ApplicationError
from legislators.services.import_sources import FolderSource, UrlSource
from letters.models import SenateCwcOffice

SENATE_OFFICE = re.compile(r"S[A-Z]{2}0[1-3]")
# Workers read the list once a minute at most; it changes a few times a year.
_offices = ProcessCache("letters.senate-cwc-offices", size=1, ttl=60)


def senate_cwc_offices() -> frozenset[str] | None:
    """The codes of the Senate offices taking CWC, or None when no list is loaded."""
    return _offices.get_or_set(
        "all",
        lambda: frozenset(SenateCwcOffice.objects.values_list("office_code", flat=True)) or None,
    )


def _read(source: str) -> str:
    """The list's text, read like the legislator data: from a file or an http(s) URL."""
    folder, _slash, name = source.rstrip("/").rpartition("/")
    if source.startswith(("http://", "https://")):
        return UrlSource(folder).read(name)
    return FolderSource(Path(folder or ".")).read(name)


def _offices_in(text: str, source: str) -> dict[str, str]:
    """{office code: name} of the list; ApplicationError naming what is wrong."""
    try:
        items = json.loads(text)
    except ValueError as exc:
        raise ApplicationError(
            _("%(source)s is not JSON: %(error)s") % {"source": source, "error": exc},
            code="source_malformed",
        ) from exc
    if not isinstance(items, list) or not items:
        raise ApplicationError(
            _("%(source)s should be a non-empty list of offices.") % {"source": source},
            code="source_malformed",
        )
    offices = {}
    for item in items:
        code = item.get("office_code") if isinstance(item, dict) else None
        if not isinstance(code, str) or not SENATE_OFFICE.fullmatch(code):
            raise ApplicationError(
                _("%(source)s: %(item)s is not a Senate office (like SWY02).")
                % {"source": source, "item": json.dumps(item)[:80]},
                code="source_malformed",
            )
        offices[code] = str(item.get("name") or "")[:200]
    return offices


def senate_offices_load(source: str | None = None) -> int | None:
    """Replace the list with the one at `source` (default: the setting), in one
    transaction; how many offices it holds, or None when no source is configured."""
    source = settings.CWC_SENATE_OFFICES_SOURCE if source is None else source
    if not source:
        return None
    offices = _offices_in(_read(source), source)
    with transaction.atomic():
        SenateCwcOffice.objects.all().delete()
        SenateCwcOffice.objects.bulk_create(
            SenateCwcOffice(office_code=code, name=name) for code, name in sorted(offices.items())
        )
    _offices.clear()
    return len(offices)
