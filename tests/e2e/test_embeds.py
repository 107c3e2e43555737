"""A partner's page framing the petition, in a real browser: the page is served from a
second loopback origin (127.0.0.1, while the site is served at localhost: another site, so
the browser sends the frame none of this site's SameSite=Lax cookies), the supporter signs
inside the frame, and the quick exit leaves the partner's page, not only the frame."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Error as PlaywrightError

from metrics.totals import campaign_totals
from petitions.models import Signature
from tests.petitions.factories import petition_campaign

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class PartnerSite:
    """A partner's own small web site, with pages that frame the site's embeds."""

    def __init__(self):
        self.pages: dict[str, str] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                body = site.pages.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def page(self, path: str, title: str, body: str) -> str:
        self.pages[path] = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><main><h1>{title}</h1>{body}</main></body></html>"
        )
        return self.origin + path


@pytest.fixture
def partner_site():
    site = PartnerSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def partner_page(browser, live_server):
    """A tab that enforces every Content-Security-Policy (frame-ancestors included)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def setup(settings, partner_site, live_server):
    settings.EMBED_PARTNERS = {
        partner_site.origin: "partner-e2e",
        "https://elsewhere.example.org": "elsewhere",
    }
    settings.QUICK_EXIT_URL = partner_site.page("/neutral", "Weather today", "<p>Sunny.</p>")
    campaign = petition_campaign(title="Protect asylum seekers")
    embed = f"{live_server.url}/embed/c/{campaign.slug}/sign/?source=partner-e2e"
    frame = (
        f'<iframe src="{embed}" title="Sign the petition" width="100%" height="1100" '
        'loading="lazy"></iframe>'
    )
    url = partner_site.page("/take-action", "Our coalition", f"<p>Please sign.</p>{frame}")
    return campaign, url


def fill(frame) -> None:
    frame.locator("#id_first_name").fill("Amara")
    frame.locator("#id_last_name").fill("Okafor")
    frame.locator("#id_email").fill("amara@example.org")
    frame.locator("#id_zip_code").fill("22201")


def test_partner_page_frames_the_petition_and_the_signature_counts_for_it(
    partner_page, setup, check
):
    campaign, url = setup
    partner_page.goto(url)
    frame = partner_page.frame_locator("iframe[title='Sign the petition']")
    frame.locator("#quick-exit").wait_for()
    assert frame.locator("text=We never sell or share your details.").count() == 1
    check(partner_page, "partner-page", axe=False)
    # Sent empty: the errors are shown inside the frame, on the partner's page.
    frame.locator("button[type=submit]").click()
    frame.locator("[data-error-summary]").wait_for()
    assert partner_page.url == url
    fill(frame)
    frame.locator("button[type=submit]").click()
    frame.locator("h1", has_text="Thank you for signing!").wait_for()
    assert partner_page.url == url
    check(partner_page, "thanks-in-frame", axe=False)
    signature = Signature.objects.get()
    assert signature.source == "partner-e2e"
    assert campaign_totals(campaign.pk)["signatures"] == 1
    # The quick exit in the frame leaves the partner's page, not only the frame.
    frame.locator("#quick-exit").click()
    partner_page.wait_for_url("**/neutral")
    check(partner_page, "left", axe=False)


def test_escape_twice_inside_the_frame_leaves_the_partner_page(partner_page, setup):
    _campaign, url = setup
    partner_page.goto(url)
    frame = partner_page.frame_locator("iframe[title='Sign the petition']")
    # The supporter is typing in the frame: keys pressed one by one, as a person does (a
    # browser lets a frame move the page around it only once the visitor has used it).
    frame.locator("#id_first_name").press_sequentially("Amara")
    # Then clicks the frame's heading, as a person looks up: the browser's own list of
    # suggestions for the field closes (open, it would take an Esc for itself, unseen by
    # the page), and the frame has just been used, which is what lets it move the page
    # around it (Esc itself counts for nothing there).
    frame.locator("h1").first.click()
    for _press in range(2):
        partner_page.keyboard.press("Escape")
    partner_page.wait_for_url("**/neutral")
    # in place of the partner's page in the tab's history: Back does not return to it
    back(partner_page)
    assert "/take-action" not in partner_page.url


def back(page) -> None:
    """The browser's Back. A page left from inside a frame of another origin may still be
    moving to a renderer process of its own just after its new address shows, and
    Playwright then finds no page to drive for a moment: it is tried again."""
    page.wait_for_load_state("load")
    for attempt in range(5):
        try:
            page.go_back()
            return
        except PlaywrightError as error:
            if "Not attached to an active page" not in str(error) or attempt == 4:
                raise
            page.wait_for_timeout(200)


def test_a_site_not_allowed_to_frame_the_embed_shows_nothing_of_it(
    partner_page, partner_site, setup, live_server
):
    campaign, _url = setup
    embed = f"{live_server.url}/embed/c/{campaign.slug}/sign/?source=elsewhere"
    url = partner_site.page(
        "/copied", "Copied", f'<iframe src="{embed}" title="Sign" width="100%"></iframe>'
    )
    partner_page.goto(url)  # waits for the frame to load too
    framed = [frame for frame in partner_page.frames if frame != partner_page.main_frame]
    assert len(framed) == 1
    assert not framed[0].url.startswith(live_server.url)  # the browser's error page
    assert partner_page.frame_locator("iframe[title='Sign']").locator("form").count() == 0


@pytest.mark.parametrize("form", ["sign", "join", "updates"])
def test_embed_pages_pass_axe(page, db, form, prefix, check, settings):
    settings.EMBED_PARTNERS = {"https://partner.example.org": "partner-org"}
    campaign = petition_campaign()
    page.goto(f"{prefix}/embed/c/{campaign.slug}/{form}/?source=partner-org")
    check(page, form)
    page.locator("main button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    check(page, f"{form}-errors")
