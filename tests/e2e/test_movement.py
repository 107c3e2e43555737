"""The movement's own site in a browser, in both languages: complete with the demo, whole
when empty, usable without JavaScript, with no WCAG 2.1 A/AA violation axe-core finds."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def movement(demo):
    from devdata.movement import movement_demo_create

    movement_demo_create(demo)
    return demo


def test_the_movement_site(page, movement, prefix, language, check):
    for step, path in [
        ("home", "/"),
        ("latest", "/latest/"),
        ("news-post", "/latest/survivors-meet-congress/"),
        ("library", "/research/"),
        ("library-legal", "/research/?category=legal"),
        ("donate", "/donate/"),
    ]:
        page.goto(f"{prefix}{path}")
        assert page.evaluate("document.documentElement.lang") == language
        check(page, step)
    page.goto(f"{prefix}/")
    name = {"en": "Movement for Gender Asylum Justice", "es": "Movimiento por la Justicia"}
    assert name[language] in page.locator(".site-header").inner_text()
    brand = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert brand == "rgb(91, 42, 134)"  # the identity's colour, from /identity.css


def test_the_library_filters_without_javascript(page_without_javascript, movement):
    page = page_without_javascript
    page.goto("/research/")
    page.get_by_role("link", name="Legal analysis").click()
    assert page.url.endswith("/research/?category=legal")
    assert "Precedent decisions on asylum" in page.locator("main").inner_text()
    assert "Testimony before Congress" not in page.locator("main").inner_text()


def test_an_empty_movement_site_still_reads_whole(page, db, prefix, check):
    page.goto(f"{prefix}/")
    check(page, "empty-home")
    assert page.locator("main h1").count() == 1
    assert page.locator("main h2").count() == 0
