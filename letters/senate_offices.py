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

import requests
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.caching import MISSING, ProcessCache
from actioncenter.exceptions import ApplicationError
from letters.models import SenateCwcOffice

SENATE_OFFICE = re.compile(r"S[A-Z]{2}0[1-3]")
HTTP_TIMEOUT = 20
# Workers read the list once a minute at most; it changes a few times a year.
_offices = ProcessCache("letters.senate-cwc-offices", size=1, ttl=60)


def senate_cwc_offices() -> frozenset[str] | None:
    """The codes of the Senate offices taking CWC, or None when no list is loaded."""
    codes = _offices.get("all")
    if codes is MISSING:
        loaded = frozenset(SenateCwcOffice.objects.values_list("office_code", flat=True))
        codes = loaded or None
        _offices.set("all", codes)
    return codes


def _read(source: str) -> str:
    if source.startswith(("http://", "https://")):
        try:
            response = requests.get(source, timeout=HTTP_TIMEOUT)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ApplicationError(
                _("Could not reach %(source)s (%(reason)s).")
                % {"source": source, "reason": type(exc).__name__},
                code="source_unreachable",
            ) from exc
        if response.status_code >= 400:
            raise ApplicationError(
                _("%(source)s answered HTTP %(status)s.")
                % {"source": source, "status": response.status_code},
                code="source_unreachable",
            )
        return response.text
    path = Path(source)
    if not path.is_file():
        raise ApplicationError(_("%(source)s: file is missing.") % {"source": source})
    return path.read_text(encoding="utf-8-sig")


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
