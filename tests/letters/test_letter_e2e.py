"""A newcomer writes to their three members in a real browser and sees the receipt."""

import pytest

from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_newcomer_writes_to_three_members_and_gets_a_receipt_with_manual_fallback(page):
    members_of()
    action = LetterActionFactory()
    page.goto(f"/c/{action.campaign.slug}/letter/")
    page.get_by_label("ZIP code").fill("22201")
    page.get_by_role("button", name="Find my members of Congress").click()

    assert page.get_by_text("Representative Hana Doe", exact=True).is_visible()
    page.get_by_label("In your own words (optional)").fill("My cousin was turned away.")
    page.get_by_role("button", name="Preview my letter").click()

    page.get_by_label("Prefix").select_option("Mx.")
    page.get_by_label("First name").fill("Alex")
    page.get_by_label("Last name").fill("Rivera")
    page.get_by_label("Street address").fill("1100 Main Street")
    page.get_by_label("City").fill("Arlington")
    page.get_by_label("State").select_option("VA")
    page.get_by_label("Email").fill("alex@example.org")
    page.get_by_role("button", name="Send my letter to 3 offices").click()

    page.wait_for_url("**/letters/receipt/**")
    assert page.get_by_role("heading", name="Your letter receipt").is_visible()
    assert page.locator(".outreach-status--needs_manual").count() == 3
    # With JavaScript, the copy buttons appear next to each letter.
    assert page.get_by_role("button", name="Copy the letter").first.is_visible()
    page.get_by_role("button", name="I sent it").first.click()
    assert page.locator(".outreach-status--self_reported").count() == 1  # their word, shown so
