"""An organizer, starting from no campaign, builds a letter campaign in the builder (the
letter with a merge field, its preview for a real member, publishing through the
confirmation), and a supporter then finds it from the home page and writes on it.

Each step is photographed into the folder E2E_SCREENSHOTS names, when it is set:
    E2E_SCREENSHOTS=var/screenshots/builder pytest tests/e2e/test_campaign_builder.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from campaigns.models import Campaign
from letters.models import Delivery, Letter
from tests.e2e.conftest import ONE_DISTRICT_ZIP, Checker, submit
from tests.e2e.test_journeys import staff_sign_in, write_letter_details

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Letters for survivors"
SUBJECT = "Protect survivors of gender-based violence seeking asylum"
LETTER = (
    "I am writing as your constituent: please protect people who flee gender-based "
    "violence and seek asylum here.\n\nSincerely,\n{{ supporter.first_name }}"
)
BUILD_PAGE = re.compile(r"/staff/campaigns/[\w-]+/build/")


class Steps:
    """Runs axe-core on each step and, when E2E_SCREENSHOTS names a folder, saves its
    screenshot there (and nowhere otherwise)."""

    def __init__(self, name: str):
        folder = os.environ.get("E2E_SCREENSHOTS", "")
        self.folder = Path(folder) if folder else None
        self.axe = Checker(name)
        self.count = 0

    def __call__(self, page, step: str, *, axe: bool = True) -> None:
        self.count += 1
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"{self.axe.name}--{self.count:02d}-{step}.png"
            page.screenshot(path=self.folder / name, full_page=True)
        if axe:
            self.axe._axe(page, step)


@pytest.fixture
def steps(request) -> Steps:
    return Steps(request.node.name)


@pytest.fixture
def organizer(db):
    from django.apps import apps

    from staff.roles import ORGANIZER, roles_sync
    from tests.staff.factories import UserFactory

    roles_sync(apps)  # the roles' groups (a transactional test starts from empty tables)
    return UserFactory(role=ORGANIZER)


def build_the_campaign(page, steps) -> None:
    page.goto("/staff/")
    steps(page, "dashboard-without-campaigns")
    page.get_by_role("link", name="Create a campaign").click()
    page.wait_for_url("**/staff/campaigns/new/")
    steps(page, "empty-builder")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Asylum for people who flee gender-based violence.")
    page.locator("#id_sensitive").select_option("False")
    page.locator("#offer-letter").check()
    page.locator("#id_letter-subject").fill(SUBJECT)
    body = page.locator("#id_letter-template")
    body.fill(LETTER)
    # The greeting's merge field, inserted from the list at the start of the letter.
    body.evaluate("(field) => { field.focus(); field.setSelectionRange(0, 0); }")
    page.locator("[data-insert-field='legislator.salutation']").click()
    page.keyboard.type(",\n\n")  # the cursor stays after the inserted field
    body.evaluate("(field) => field.setSelectionRange(0, 0)")
    page.keyboard.type("Dear ")
    assert body.input_value().startswith("Dear {{ legislator.salutation }},\n\nI am writing")
    # The live preview follows the typing: a real member, a sample constituent.
    page.wait_for_function(
        "document.querySelector('#letter-panel').textContent.includes('Dear Representative Doe,')"
    )
    steps(page, "letter-with-live-preview")
    submit(page, "#builder-form")
    page.wait_for_url(BUILD_PAGE)


def check_and_publish(page, steps) -> Campaign:
    campaign = Campaign.objects.get()
    assert campaign.status == Campaign.Status.DRAFT
    panel = page.locator("#letter-panel").inner_text()
    assert "Dear Representative Doe," in panel and "Alex Rivera" in panel
    assert SUBJECT in panel
    assert "Done: Sensitive-data choice" in page.locator("#lifecycle").inner_text()
    steps(page, "saved-draft-with-checklist-and-preview")
    page.get_by_role("link", name="Publish…").click()
    page.wait_for_url("**/status/live/")
    text = page.locator("main").inner_text()
    assert "What changes for supporters" in text and "Checklist" in text
    steps(page, "publish-confirmation")
    page.get_by_role("button", name="Yes: Publish").click()
    page.wait_for_url(BUILD_PAGE)
    assert "Published: the campaign is live" in page.locator("main").inner_text() or (
        "Published: the campaign is live" in page.content()
    )
    steps(page, "published")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE
    return campaign


def write_as_a_supporter(page, steps, campaign) -> None:
    page.locator("form[action$='/staff/logout/'] button").click()
    page.goto("/")
    steps(page, "home-page")
    cta = page.get_by_role("link", name="Write to your members of Congress")
    if not cta.count():  # a home page that lists campaigns: open ours first
        page.get_by_role("link", name=re.compile(TITLE)).first.click()
        cta = page.get_by_role("link", name="Write to your members of Congress")
    cta.first.click()
    page.wait_for_url(f"**/c/{campaign.slug}/letter/")
    steps(page, "letter-start")
    page.locator("#id_zip_code").fill(ONE_DISTRICT_ZIP)
    submit(page)
    page.wait_for_url("**/letter/write/")
    steps(page, "letter-write")
    submit(page)
    page.wait_for_url("**/letter/send/")
    write_letter_details(page)
    steps(page, "letter-send")
    submit(page)
    page.wait_for_url("**/letters/receipt/**")
    steps(page, "receipt")


def test_an_organizer_builds_a_letter_campaign_and_a_supporter_writes_on_it(
    page, congress, organizer, steps
):
    assert not Campaign.objects.exists()
    staff_sign_in(page, organizer, lambda page, step: steps(page, step))
    build_the_campaign(page, steps)
    campaign = check_and_publish(page, steps)
    write_as_a_supporter(page, steps, campaign)
    receipt = page.locator("main").inner_text()
    offices = {"HVA08", "SVA01", "SVA02"}
    assert set(Delivery.objects.values_list("office_code", flat=True)) == offices
    for delivery in Delivery.objects.all():
        assert delivery.office_name in receipt
    body = Delivery.objects.get(office_code="HVA08").body
    assert body.startswith("Dear Representative Doe,") and body.endswith("Alex")
    assert Letter.objects.get().campaign == campaign
