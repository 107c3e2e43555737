"""The public pages outside the journeys, in both languages, with no WCAG 2.1 A/AA
violation that axe-core finds."""

import pytest

from tests.e2e.conftest import SPLIT_ZIP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_public_pages(page, demo, congress, prefix, language, check):
    member = congress["va8"]
    for step, path in [
        ("home", "/"),
        ("find", "/representatives/"),
        ("find-split-zip", f"/representatives/?zip={SPLIT_ZIP}"),
        ("directory", "/legislators/"),
        ("member", member.get_absolute_url()),
        ("safety", "/safety/"),
        ("privacy", "/privacy/"),
        ("donate", f"/c/{demo.slug}/donate/"),
        ("not-found", "/no-such-page/"),
    ]:
        page.goto(f"{prefix}{path}")
        assert page.evaluate("document.documentElement.lang") == language
        check(page, step)


def test_lookup_says_it_is_not_ready_before_the_data_is_loaded(page, db, prefix, language, check):
    page.goto(f"{prefix}/representatives/?zip=22201")
    check(page, "not-ready")
    text = page.locator("main").inner_text()
    assert {"en": "not ready yet", "es": "aún no está lista"}[language] in text
