"""The movement's identity as pages and emails show it: the admin's one row over the settings.

Each process keeps it for IDENTITY_TTL seconds; saving the row (movement.services) forgets
it at once in the saving process, and the others follow within that time.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from actioncenter.caching import MISSING, ProcessCache
from movement.colours import darker

logger = logging.getLogger(__name__)
IDENTITY_TTL = 30.0
_cache = ProcessCache("movement.identity", size=1, ttl=IDENTITY_TTL)


@dataclass(frozen=True)
class IdentityText:
    """The identity in one reader's language. `*_lang` says which language each text is in."""

    name: str
    name_lang: str
    tagline: str
    tagline_lang: str
    logo: Any  # the uploaded logo (a FieldFile), or None
    logo_alt: str
    logo_alt_lang: str
    contact_email: str
    donation_url: str
    join_campaign_id: int | None
    stylesheet_url: str
    from_email: str  # DEFAULT_FROM_EMAIL's address under the movement's name


@dataclass(frozen=True)
class Identity:
    texts: dict  # {field: {language: text}}, a text empty where that language has none
    logo: Any
    primary: str
    accent: str
    contact_email: str
    donation_url: str
    join_campaign_id: int | None
    version: str  # changes whenever the stylesheet does

    def _text(self, field: str, language: str) -> tuple[str, str]:
        versions = self.texts[field]
        if versions.get(language):
            return versions[language], language
        return versions.get(settings.LANGUAGE_CODE, ""), settings.LANGUAGE_CODE

    def in_language(self, language: str) -> IdentityText:
        name, name_lang = self._text("name", language)
        tagline, tagline_lang = self._text("tagline", language)
        logo_alt, logo_alt_lang = self._text("logo_alt", language)
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
        return IdentityText(
            name=name,
            name_lang=name_lang,
            tagline=tagline,
            tagline_lang=tagline_lang,
            logo=self.logo,
            logo_alt=logo_alt,
            logo_alt_lang=logo_alt_lang,
            contact_email=self.contact_email,
            donation_url=self.donation_url,
            join_campaign_id=self.join_campaign_id,
            stylesheet_url=reverse("movement-stylesheet") + f"?v={self.version}",
            from_email=formataddr((name, address)),
        )

    @property
    def stylesheet(self) -> str:
        """The colours as CSS custom properties, read by static/css/site.css."""
        return (
            ":root {\n"
            f"  --brand: {self.primary};\n"
            f"  --brand-dark: {darker(self.primary)};\n"
            f"  --accent: {self.accent};\n"
            "}\n"
        )


def _build(row) -> Identity:
    """The identity of `row` (a SiteIdentity, saved or not) over the settings."""

    def versions(field: str, default: str, default_es: str = "") -> dict:
        # A name of the row's own has no Spanish from the settings: they name the default.
        own = getattr(row, field).strip()
        if not own:
            return {settings.LANGUAGE_CODE: default, "es": default_es}
        return {settings.LANGUAGE_CODE: own, "es": getattr(row, f"{field}_es").strip()}

    primary = row.primary_colour or settings.SITE_PRIMARY_COLOUR
    accent = row.accent_colour or settings.SITE_ACCENT_COLOUR
    return Identity(
        texts={
            "name": versions("name", settings.SITE_NAME, settings.SITE_NAME_ES),
            "tagline": versions("tagline", settings.SITE_TAGLINE, settings.SITE_TAGLINE_ES),
            "logo_alt": versions("logo_alt", ""),
        },
        logo=row.logo or None,
        primary=primary,
        accent=accent,
        contact_email=row.contact_email or settings.SITE_CONTACT_EMAIL,
        donation_url=row.donation_url or settings.SITE_DONATION_URL,
        join_campaign_id=row.join_campaign_id,
        version=hashlib.sha256(f"{primary}{accent}".encode()).hexdigest()[:12],
    )


def identity_get() -> Identity:
    """The identity (kept for IDENTITY_TTL). When the database cannot answer, the settings'
    alone, kept for a second: the page saying something went wrong must render even then."""
    from movement.models import SiteIdentity

    identity = _cache.get("identity")
    if identity is not MISSING:
        return identity
    try:
        identity, ttl = _build(SiteIdentity.objects.first() or SiteIdentity()), None
    except Exception:  # any failure, not only the database's: pages must still render
        logger.warning("The site identity could not be read; the settings' are shown.")
        identity, ttl = _build(SiteIdentity()), 1.0
    _cache.set("identity", identity, ttl=ttl)
    return identity


def site_identity(language: str | None = None) -> IdentityText:
    """The identity in `language` (default: the active one, the page's or the email's)."""
    return identity_get().in_language(language or translation.get_language() or "")


def identity_forget() -> None:
    _cache.clear()
