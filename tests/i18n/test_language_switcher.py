"""The language switcher: the same page in the other language, remembered by the URL alone."""

import re

import pytest
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from actioncenter.languages import UNPREFIXED_PATHS, path_in
from tests.support.html import parse_page

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


def switcher_links(html: str) -> dict[str, dict]:
    """The switcher's links by language: {"es": {"href": ..., "aria-current": ...}}."""
    nav = SWITCHER.search(html)
    assert nav, "no language switcher"
    links = [item for item in parse_page(nav.group(0)).focusable if item["tag"] == "a"]
    return {link["hreflang"]: link for link in links}


def test_the_switcher_links_to_the_same_page_and_query_in_spanish(client, campaign):
    page = f"/c/{campaign.slug}/?source=flyer&lang=x"
    html = client.get(page).content.decode()
    links = switcher_links(html)
    assert links["es"]["href"] == f"/es/c/{campaign.slug}/?source=flyer&lang=x"
    assert links["es"]["lang"] == "es"
    assert links["en"]["href"] == page
    assert links["en"].get("aria-current") == "true"
    assert "aria-current" not in links["es"]
    assert 'aria-labelledby="language-switcher-label"' in html
    assert "Language:" in html


def test_the_spanish_page_switches_back_to_english_and_says_it_is_spanish(client, campaign):
    spanish = f"/es/c/{campaign.slug}/?source=flyer"
    response = client.get(spanish)
    html = response.content.decode()
    assert parse_page(html).html_lang == "es"
    assert response["Content-Language"] == "es"
    links = switcher_links(html)
    assert links["en"]["href"] == f"/c/{campaign.slug}/?source=flyer"
    assert links["es"]["href"] == spanish
    assert links["es"].get("aria-current") == "true"
    assert "Idioma:" in html and "Salida rápida" in html


def test_every_page_names_its_translations_for_search_engines(client, campaign):
    for path in (f"/c/{campaign.slug}/", f"/es/c/{campaign.slug}/"):
        alternates = dict(ALTERNATE.findall(client.get(path).content.decode()))
        assert alternates == {
            "en": f"http://testserver/c/{campaign.slug}/",
            "es": f"http://testserver/es/c/{campaign.slug}/",
            "x-default": f"http://testserver/c/{campaign.slug}/",
        }


def test_links_of_a_spanish_page_stay_in_spanish(client, campaign):
    html = client.get(f"/es/c/{campaign.slug}/").content.decode()
    page = parse_page(html)
    internal = [href for href in page.links if href.startswith("/") and not href.startswith("//")]
    assert f"/es/c/{campaign.slug}/updates/" in internal
    assert "/es/safety/" in internal and "/es/privacy/" in internal and "/es/" in internal
    english = [href for href in internal if not href.startswith(("/es/", "/api/", "/static/"))]
    assert english == [f"/c/{campaign.slug}/"]  # the switcher's own link to English
    thanks = client.post(
        f"/es/c/{campaign.slug}/sign/",
        {
            "first_name": "Ana",
            "last_name": "López",
            "email": "ana@example.org",
            "zip_code": "22150",
        },
    )
    assert thanks.status_code == 302
    assert thanks.url == f"/es/c/{campaign.slug}/thanks/"


def test_switching_and_browsing_leave_no_lasting_cookie(client, campaign):
    """The choice lives in the URL: no language cookie, and whatever cookie an anonymous
    visitor gets (CSRF, session) ends with the browser session."""
    slug = campaign.slug
    visits = [
        client.get(f"/c/{slug}/"),
        client.get(f"/es/c/{slug}/"),
        client.get(f"/es/c/{slug}/updates/"),
        client.post(f"/es/c/{slug}/updates/", {"email": "ana@example.org"}),
        client.get(f"/es/c/{slug}/sign/"),
        client.post(f"/es/c/{slug}/sign/", {"email": "not-an-email"}),
        client.get("/es/safety/"),
        client.get("/safety/"),
    ]
    for response in visits:
        assert response.status_code in {200, 302, 400, 405}, response.wsgi_request.path
        for name, morsel in response.cookies.items():
            assert name != "django_language"
            assert not morsel["expires"], (name, morsel.OutputString())
            assert not morsel["max-age"], (name, morsel.OutputString())
        assert "django_language" not in response.get("Set-Cookie", "")


def test_a_browser_asking_for_spanish_is_offered_it_on_the_english_page(client, campaign):
    html = client.get(f"/c/{campaign.slug}/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert parse_page(html).html_lang == "en"  # the address says English
    assert switcher_links(html)["es"]["href"] == f"/es/c/{campaign.slug}/"


def test_the_api_and_staff_have_no_language_prefix_and_follow_the_browser(client, campaign):
    assert client.get("/es/api/v1/campaigns/").status_code == 404
    assert client.get("/es/staff/").status_code == 404
    assert client.get("/es/healthz").status_code == 404
    response = client.post(
        f"/api/v1/campaigns/{campaign.slug}/signatures",
        {},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Algunos de los datos enviados no son válidos."
    english = client.post(
        f"/api/v1/campaigns/{campaign.slug}/signatures", {}, content_type="application/json"
    )
    assert english.json()["detail"] == "Some of the data sent is not valid."
    login = client.get("/staff/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert parse_page(login).html_lang == "es"
    assert 'class="language-switcher"' not in login


def test_the_unprefixed_paths_are_exactly_the_routes_outside_the_language_patterns():
    outside, inside = [], []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            inside.extend(str(child.pattern) for child in pattern.url_patterns)
        else:
            outside.append("/" + str(pattern.pattern).lstrip("^"))
    assert all(route.startswith(UNPREFIXED_PATHS) for route in outside), outside
    assert not any(("/" + route).startswith(UNPREFIXED_PATHS) for route in inside if route)


@pytest.mark.parametrize(
    ("language", "path", "expected"),
    [
        ("es", "/c/asylum/", "/es/c/asylum/"),
        ("es", "/es/c/asylum/", "/es/c/asylum/"),
        ("en", "/es/c/asylum/", "/c/asylum/"),
        ("en", "/es/", "/"),
        ("en", "/es", "/"),
        ("es", "/", "/es/"),
    ],
)
def test_path_in_a_language(language, path, expected):
    assert path_in(language, path) == expected
