"""Every page: quick exit first, nothing loaded from other origins, strict CSP."""

from collections import deque
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.support.html import is_same_origin, parse_page

# Pages not reachable by following links from the home page.
EXTRA_PAGES = ["/safety/", "/privacy/", "/this-page-does-not-exist/", "/api/docs/"]
SKIP_PREFIXES = ("/admin/", "/api/schema", "/static/", "/media/", "/staff/")


def crawl(client: Client, limit: int = 60) -> dict[str, object]:
    """GET every same-origin page linked from the home page (breadth first)."""
    seen: dict[str, object] = {}
    queue = deque(["/", *EXTRA_PAGES])
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in parse_page(response.content.decode()).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(SKIP_PREFIXES) or parts.path in seen:
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


@pytest.fixture
def pages(db, client):
    html_pages = {
        path: response
        for path, response in crawl(client).items()
        if "text/html" in response.get("Content-Type", "")
    }
    assert "/" in html_pages and "/safety/" in html_pages
    return html_pages


def test_every_page_starts_with_the_quick_exit_link(pages, settings):
    for path, response in pages.items():
        page = parse_page(response.content.decode())
        first = page.focusable[0]
        assert first.get("id") == "quick-exit", f"{path}: first focusable is {first}"
        assert first["href"] == settings.QUICK_EXIT_URL, path


def language_of(path: str) -> str:
    """Pages in Spanish live under /es/ (the language switcher links to them)."""
    return "es" if path.startswith("/es/") else "en"


def test_every_page_links_to_the_safety_page_next_to_the_quick_exit(pages):
    for path, response in pages.items():
        page = parse_page(response.content.decode())
        second = page.focusable[1]
        safety = "/es/safety/" if language_of(path) == "es" else "/safety/"
        assert second.get("href") == safety, f"{path}: second focusable is {second}"


def test_no_page_loads_anything_from_another_origin(pages):
    for path, response in pages.items():
        page = parse_page(response.content.decode())
        foreign = [url for url in page.resources if not is_same_origin(url)]
        assert not foreign, f"{path} loads {foreign}"


def test_no_page_has_inline_scripts_handlers_or_styles(pages):
    for path, response in pages.items():
        page = parse_page(response.content.decode())
        assert page.inline_scripts == 0, path
        assert page.inline_handlers == [], path
        assert page.style_attributes == 0, path


def test_every_page_declares_its_language_and_has_a_skip_link(pages):
    for path, response in pages.items():
        page = parse_page(response.content.decode())
        assert page.html_lang == language_of(path), path
        assert any(item.get("href") == "#main" for item in page.focusable[:4]), path


def test_content_security_policy_forbids_inline_scripts_and_other_origins(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "frame-ancestors" in directives


def test_pages_are_not_stored_by_the_browser_cache(client, db):
    assert client.get("/safety/")["Cache-Control"] == "no-store"


def test_unknown_page_answers_404_in_the_site_style(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b'id="quick-exit"' in response.content


def test_server_error_page_is_styled_and_answers_500(rf):
    from actioncenter.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b'id="quick-exit"' in response.content


def test_safety_page_gives_honest_advice_and_the_hotline(client, db):
    text = client.get("/safety/").content.decode()
    assert "1-800-799-7233" in text
    assert "private" in text.lower()
    assert "spyware" in text.lower()
    assert "cannot make a visit invisible" in text


def test_quick_exit_script_replaces_history_and_listens_for_escape():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    script = Path(finders.find("js/quick-exit.js")).read_text()
    assert "location.replace" in script
    assert "Escape" in script


def test_the_site_has_its_own_icon_and_no_404_for_favicon(client, db):
    from django.contrib.staticfiles import finders

    page = client.get("/safety/").content.decode()
    assert 'rel="icon"' in page and "img/icon.svg" in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/icon.svg")
    assert finders.find("img/icon.svg")
