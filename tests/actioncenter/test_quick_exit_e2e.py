"""The quick exit in a real browser: Escape twice and click leave, and Back does not return;
one Escape, as people press while typing, leaves nothing behind."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def neutral_url(settings, live_server):
    # A page of the test server stands in for the neutral site (no internet here).
    settings.QUICK_EXIT_URL = f"{live_server.url}/healthz"
    return settings.QUICK_EXIT_URL


def test_escape_twice_leaves_and_back_does_not_return(page, neutral_url):
    page.goto("/")
    page.goto("/safety/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_url)
    page.go_back()
    assert not page.url.endswith("/safety/")


def test_one_escape_while_typing_stays_on_the_page(page, neutral_url):
    page.goto("/safety/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<label>Note <textarea id=note></textarea></label>')"
    )
    page.fill("#note", "half a letter")
    page.focus("#note")
    page.keyboard.press("Escape")
    page.keyboard.type(" and more")
    page.keyboard.press("Escape")  # apart from the first by a key: not a double press
    page.wait_for_timeout(300)
    assert page.url.endswith("/safety/")
    assert page.input_value("#note") == "half a letter and more"


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
