"""A supporter signs the demo petition in a real browser."""

import pytest

from devdata.demo import load_demo
from metrics.totals import campaign_totals
from petitions.models import Signature

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_supporter_signs_the_petition_and_sees_the_thank_you_page(page):
    campaign = load_demo()
    page.goto(campaign.get_absolute_url() + "?source=e2e")
    page.get_by_role("textbox", name="First name", exact=True).fill("Amara")
    page.get_by_role("textbox", name="Last name").fill("Okafor")
    page.get_by_role("textbox", name="Email", exact=True).fill("amara@example.org")
    page.get_by_role("textbox", name="ZIP code").fill("22150")
    page.get_by_label("Show my first name and state").check()
    page.get_by_role("button", name="Sign the petition").click()
    page.wait_for_url("**/thanks/")
    assert page.get_by_role("heading", name="Thank you for signing!").is_visible()
    assert page.get_by_role("link", name="Share by Email").is_visible()
    signature = Signature.objects.get()
    assert signature.source == "e2e"
    assert campaign_totals(campaign.pk)["signatures"] == 1
    page.goto(campaign.get_absolute_url())
    assert "1 signature" in page.locator(".campaign__progress").inner_text()
    assert "Amara" in page.locator(".recent-signers").inner_text()
