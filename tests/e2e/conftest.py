"""The supporter journeys in a real browser: Debian's Chromium driven by Playwright against
the live server of the test, each page checked with axe-core and photographed.

Screenshots go to var/screenshots/ (ignored by git), one per step, named by test and step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

from tests.legislators.factories import (
    DistrictOfficeFactory,
    LegislatorFactory,
    ZipDistrictFactory,
    members_of,
)

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = {"en": "", "es": "/es"}

# A ZIP in one district (22201, VA-8) and one split between two (22150, VA-8 and VA-11).
ONE_DISTRICT_ZIP = "22201"
SPLIT_ZIP = "22150"


@pytest.fixture(params=list(LANGUAGES))
def language(request) -> str:
    return request.param


@pytest.fixture
def prefix(language) -> str:
    """The path prefix of public pages in the test's language ("" or "/es")."""
    return LANGUAGES[language]


@pytest.fixture(autouse=True)
def _served_site(settings):
    """Links in emails follow the live server's address, as in development; the geocoder
    is down (nothing listens on port 9), so a split ZIP stays split."""
    settings.SITE_URL_FROM_REQUEST = True
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9/geocoder"
    settings.CENSUS_GEOCODER_TIMEOUT_SECONDS = 0.5
    yield
    # A Spanish journey must not leave its language active for the tests that follow.
    translation.activate(settings.LANGUAGE_CODE)


def _context(browser, live_server, **options):
    # axe-core is added as a script tag, which the site's Content-Security-Policy refuses
    # (it allows the site's own files only): the browser is told to let it through.
    return browser.new_context(base_url=live_server.url, bypass_csp=True, **options)


@pytest.fixture
def page(browser, live_server):
    context = _context(browser, live_server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 390×844 phone screen, touch and all."""
    context = _context(
        browser,
        live_server,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = _context(browser, live_server, java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def congress(db):
    """The members of the two ZIP codes, with district offices that tell districts apart."""
    house, _senior, _junior = members_of(zip_code=ONE_DISTRICT_ZIP, state="VA", district=8)
    other = LegislatorFactory(
        representative=True, state="VA", district=11, first_name="Lee", last_name="Oak",
        party="Republican",
    )  # fmt: skip
    ZipDistrictFactory(zcta=SPLIT_ZIP, state="VA", district=8)
    ZipDistrictFactory(zcta=SPLIT_ZIP, state="VA", district=11)
    DistrictOfficeFactory(legislator=house, city="Alexandria", zip_code="22314")
    DistrictOfficeFactory(legislator=other, city="Fairfax", zip_code="22030")
    return {"va8": house, "va11": other}


@pytest.fixture
def demo(congress):
    """The demo campaign (English and Spanish) with its letter and call-in."""
    from devdata.demo import load_demo
    from devdata.letters import demo_outreach_create

    campaign = load_demo()
    demo_outreach_create(campaign)
    return campaign


class Checker:
    """Photographs a page and runs axe-core's WCAG 2.1 A and AA rules on it."""

    def __init__(self, name: str):
        self.name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
        self.steps = 0
        self.pages_checked = 0

    def __call__(self, page, step: str, *, axe: bool = True) -> None:
        self.steps += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=SCREENSHOTS / f"{self.name}--{self.steps:02d}-{step}.png", full_page=True
        )
        if axe:
            self._axe(page, step)

    def _axe(self, page, step: str) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " +
                        n.failureSummary.replace(/\\s+/g, " ")),
                }));
            }""",
            WCAG_21_AA,
        )
        self.pages_checked += 1
        assert violations == [], f"{step} ({page.url}): " + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
            for v in violations
        )


@pytest.fixture
def check(request) -> Checker:
    """check(page, "step") photographs the page and asserts axe finds no violation."""
    return Checker(request.node.name)


def submit(page, form: str = "main form") -> None:
    """Press the submit button of the page's (first) form in the main content."""
    page.locator(f"{form} button[type=submit]").last.click()
