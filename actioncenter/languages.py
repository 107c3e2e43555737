"""Which language a request is in, and the same page's address in every language.

Public pages carry their language in the URL: English at the plain path (`/c/asylum/`),
Spanish under its prefix (`/es/c/asylum/`), as `actioncenter.urls` declares with
`i18n_patterns`. Switching language is a plain link to the same page in the other
language, so the choice lasts as long as the visitor follows the site's links, with no
cookie at all. The API, the back office and the site's technical addresses have no
prefix: they follow the browser's `Accept-Language`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.middleware import locale
from django.utils import translation

# Paths outside i18n_patterns in actioncenter.urls (tests/i18n checks the two agree).
UNPREFIXED_PATHS = (
    "/api/",
    "/staff/",
    "/admin/",
    "/healthz",
    "/favicon.ico",
    "/identity.css",
    "/quick-exit/",
    "/static/",
    "/media/",
)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "English", "Español"
    path: str  # the same page in this language, query string included
    url: str  # the same, absolute (for <link rel="alternate">)
    current: bool
    is_default: bool  # also the page for any other language (hreflang="x-default")


def email_language(*candidates: str | None) -> str:
    """The first of `candidates` the site is translated into (the language the supporter
    used, then the campaign's), else the default: what an email to a supporter is in."""
    supported = {code for code, _name in settings.LANGUAGES}
    return next((code for code in candidates if code in supported), settings.LANGUAGE_CODE)


def has_language_prefix(path: str) -> bool:
    """True for the public pages, whose address carries their language."""
    return not path.startswith(UNPREFIXED_PATHS)


def path_in(language: str, path: str) -> str:
    """`path` (with or without a language prefix) as the same page in `language`."""
    prefix = translation.get_language_from_path(path)
    if prefix:
        path = path[len(prefix) + 1 :] or "/"
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """The page in each of settings.LANGUAGES; none for pages without a language prefix."""
    if not has_language_prefix(request.path_info):
        return []
    query = request.META.get("QUERY_STRING", "")
    script_prefix = request.path[: len(request.path) - len(request.path_info)]
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        path = script_prefix + path_in(code, request.path_info) + (f"?{query}" if query else "")
        name = translation.get_language_info(code)["name_local"]
        links.append(
            LanguageLink(
                code=code,
                name=name[:1].upper() + name[1:],
                path=path,
                url=request.build_absolute_uri(path),
                current=code == current,
                is_default=code == settings.LANGUAGE_CODE,
            )
        )
    return links


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware for the public pages (language from the URL prefix); the
    browser's Accept-Language for the API and the back office, which have no prefix."""

    def process_request(self, request):
        if has_language_prefix(request.path_info):
            return super().process_request(request)
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None


# A language's name inside a sentence ("In English", "written in English"): Spanish writes
# it in lower case there ("en inglés"), so it is a message of its own, not the switcher's.
NAMES_IN_A_SENTENCE = {
    "en": translation.pgettext_lazy("a language's name inside a sentence", "English"),
    "es": translation.pgettext_lazy("a language's name inside a sentence", "Spanish"),
}


def language_in_a_sentence(code: str) -> str:
    """The name of the language `code` as the current language writes it mid-sentence."""
    name = NAMES_IN_A_SENTENCE.get(code)
    return str(name) if name else translation.get_language_info(code)["name_translated"]
