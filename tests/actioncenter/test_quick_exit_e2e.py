"""The quick exit in a real browser: Escape and click leave, and Back does not return."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def neutral_url(settings, live_server):
    # A page of the test server stands in for the neutral site (no internet here).
    settings.QUICK_EXIT_URL = f"{live_server.url}/healthz"
    return settings.QUICK_EXIT_URL


def test_escape_leaves_and_back_does_not_return(page, neutral_url):
    page.goto("/")
    page.goto("/safety/")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_url)
    page.go_back()
    assert not page.url.endswith("/safety/")


def test_quick_exit_is_the_first_tab_stop_and_leaves_on_enter(page, neutral_url):
    page.goto("/privacy/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "quick-exit"
    page.keyboard.press("Enter")
    page.wait_for_url(neutral_url)


def test_quick_exit_works_as_a_plain_link_without_javascript(page_without_javascript, neutral_url):
    page_without_javascript.goto("/safety/")
    page_without_javascript.click("#quick-exit")
    page_without_javascript.wait_for_url(neutral_url)
