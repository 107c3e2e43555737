"""The partner sites that may frame the embeddable forms, read from EMBED_PARTNERS.

EMBED_PARTNERS maps each origin (scheme, host and port, as a browser names a page's origin)
to the source code of the partner that owns it; a partner with several sites lists each.
Only well-formed origins are ever used: `embeds.checks` reports the others at start-up.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from campaigns.views import clean_source

LOOPBACK_HOSTS = {"localhost"}


@dataclass(frozen=True)
class EmbedPartner:
    source: str  # the source code every action taken in its frames counts under
    origins: tuple[str, ...]


def origin_of(url: str) -> str:
    """The origin ("https://host[:port]") of a URL, or "" if it has none."""
    try:
        parts = urlsplit(url or "")
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    default_port = 443 if parts.scheme == "https" else 80
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    suffix = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{host}{suffix}"


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin_problem(origin: str, source: str) -> str:
    """Why an EMBED_PARTNERS entry cannot be used, or "" if it can."""
    if origin_of(origin) != origin:
        return (
            "is not an origin: write the scheme, the host in lower case and the port if it "
            "is not the default one, with no path (https://partner.example.org)"
        )
    scheme = origin.split("://", 1)[0]
    if scheme != "https" and not settings.DEBUG and not is_loopback(urlsplit(origin).hostname):
        return "must use https: a partner's page served over http cannot keep a supporter safe"
    if not source or clean_source(source) != source:
        return "needs a source code of letters, digits, '-', '_' and '.' only (at most 64)"
    return ""


def embed_partners() -> dict[str, EmbedPartner]:
    """The usable partners by source code."""
    origins: dict[str, list[str]] = {}
    for origin, source in (settings.EMBED_PARTNERS or {}).items():
        if not origin_problem(origin, source):
            origins.setdefault(source, []).append(origin)
    return {source: EmbedPartner(source, tuple(found)) for source, found in origins.items()}


def partner_named(source: str) -> EmbedPartner | None:
    return embed_partners().get(source or "")


def partner_at(origin: str) -> EmbedPartner | None:
    """The partner whose site `origin` is, if any."""
    for partner in embed_partners().values():
        if origin and origin in partner.origins:
            return partner
    return None


def allowed_origins() -> list[str]:
    """Every partner origin, in the order of the setting."""
    return [origin for partner in embed_partners().values() for origin in partner.origins]
