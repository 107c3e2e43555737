"""Every supporter journey, in English and in Spanish, in a real browser: each step is
photographed and has no WCAG 2.1 A/AA violation that axe-core finds."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from calls.models import CallLog
from letters.models import Delivery, Letter
from metrics.totals import campaign_totals
from petitions.models import Signature
from signups.models import OrganizationSignOn, UpdatesSubscription
from tests.e2e.conftest import ONE_DISTRICT_ZIP, SPLIT_ZIP, submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PETITION_FORM = "form[action*='/sign/']"


def assert_language(page, language: str) -> None:
    assert page.evaluate("document.documentElement.lang") == language


def fill_petition(page) -> None:
    form = page.locator(PETITION_FORM)
    form.locator("#id_first_name").fill("Amara")
    form.locator("#id_last_name").fill("Okafor")
    form.locator("#id_email").fill("amara@example.org")
    form.locator("#id_zip_code").fill(ONE_DISTRICT_ZIP)


def test_petition(page, demo, prefix, language, check, live_server):
    page.goto(f"{prefix}{demo.get_absolute_url()}")
    assert_language(page, language)
    check(page, "campaign")
    # Sent empty: the error summary is announced and takes focus; each field names its error.
    submit(page, PETITION_FORM)
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    described = page.locator("#id_email").get_attribute("aria-describedby")
    assert "id_email_error" in described.split()
    assert page.locator("#id_email_error").is_visible()
    check(page, "errors")
    fill_petition(page)
    page.locator("#id_show_publicly").check()
    submit(page, PETITION_FORM)
    page.wait_for_url("**/thanks/")
    assert_language(page, language)
    check(page, "thanks")
    share = page.locator("#share-url")
    if share.count():  # the share box names the site as served
        assert share.input_value().startswith(live_server.url)
    assert Signature.objects.count() == 1
    assert campaign_totals(demo.pk)["signatures"] == 1


def test_petition_on_a_phone(phone_page, demo, check):
    page = phone_page
    page.goto(demo.get_absolute_url())
    check(page, "campaign-390")
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(PETITION_FORM).locator("#id_show_publicly").bounding_box()
    label = page.locator("label[for=id_show_publicly]").bounding_box()
    assert abs(box["y"] - label["y"]) < 12 and label["x"] > box["x"]  # the label beside its box
    fill_petition(page)
    page.locator(PETITION_FORM).locator("button[type=submit]").tap()
    page.wait_for_url("**/thanks/")
    check(page, "thanks-390")
    assert Signature.objects.count() == 1


def test_letter_steps_on_a_phone(phone_page, demo, congress, check):
    page = phone_page
    page.goto(f"/es/c/{demo.slug}/letter/")
    page.locator("#id_zip_code").fill(ONE_DISTRICT_ZIP)
    submit(page)
    page.wait_for_url("**/letter/write/")
    check(page, "your-letter-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The four steps side by side, each inside the screen, in order, none over another.
    steps = page.locator("ol.outreach-steps > li")
    boxes = [steps.nth(index).bounding_box() for index in range(steps.count())]
    assert len(boxes) == 4
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes)
    assert all(a["x"] + a["width"] <= b["x"] + 1 for a, b in zip(boxes, boxes[1:], strict=False))
    # No label cut in the middle of a word: a word too long for its step would overflow it.
    overflowing = page.evaluate(
        "[...document.querySelectorAll('ol.outreach-steps > li')]"
        ".filter((li) => li.scrollWidth > li.clientWidth).length"
    )
    assert overflowing == 0


def test_petition_without_javascript(page_without_javascript, demo, check):
    page = page_without_javascript
    page.goto(f"/es{demo.get_absolute_url()}")
    fill_petition(page)
    submit(page, PETITION_FORM)
    page.wait_for_url("**/thanks/")
    check(page, "thanks-no-js", axe=False)  # axe itself needs JavaScript
    assert Signature.objects.count() == 1


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_petition_with_the_keyboard_only(page, demo, check):
    page.goto(demo.get_absolute_url())
    for field, value in [
        ("#id_first_name", "Amara"),
        ("#id_last_name", "Okafor"),
        ("#id_email", "amara@example.org"),
        ("#id_zip_code", ONE_DISTRICT_ZIP),
    ]:
        tab_to(page, f"{PETITION_FORM} {field}")
        page.keyboard.type(value)
    tab_to(page, f"{PETITION_FORM} #id_show_publicly")
    page.keyboard.press("Space")
    tab_to(page, f"{PETITION_FORM} button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
    check(page, "thanks")
    assert Signature.objects.get().show_publicly


def write_letter_details(page, *, keyboard: bool = False) -> None:
    details = [
        ("#id_first_name", "Alex"),
        ("#id_last_name", "Rivera"),
        ("#id_address1", "1100 Main Street"),
        ("#id_city", "Arlington"),
        ("#id_email", "alex@example.org"),
    ]
    for field, value in details:
        if keyboard:
            tab_to(page, field)
            page.keyboard.type(value)
        else:
            page.locator(field).fill(value)
    page.locator("#id_prefix").select_option("Mx.")
    page.locator("#id_state").select_option("VA")


def test_letter_by_zip(page, demo, congress, prefix, language, check, live_server):
    page.goto(f"{prefix}/c/{demo.slug}/letter/")
    assert_language(page, language)
    check(page, "where-you-live")
    page.locator("#id_zip_code").fill(ONE_DISTRICT_ZIP)
    submit(page)
    page.wait_for_url("**/letter/write/")
    check(page, "your-letter")
    html = page.content()
    assert "{{" not in html and "curly" not in html and "llaves" not in html
    # Each office's copy is shown with its own greeting; the supporter edits plain text.
    previews = page.locator(".outreach-preview summary")
    assert previews.count() == 3
    body = page.locator("#id_letter_body")
    text = body.input_value()
    assert "{{" not in text and "Dear" not in text.split("\n")[0]
    body.fill(text.replace("I am writing", "I write", 1) + "\n\nThank you for listening.")
    page.locator("#id_personal_note").fill("My cousin was turned away.")
    submit(page)
    page.wait_for_url("**/letter/send/")
    check(page, "check-and-send")
    write_letter_details(page)
    submit(page)
    page.wait_for_url("**/letters/receipt/**")
    check(page, "receipt")
    letter = Letter.objects.get()
    bodies = {d.office_code: d.body for d in Delivery.objects.filter(letter=letter)}
    assert set(bodies) == {"HVA08", "SVA01", "SVA02"}
    assert "Thank you for listening." in bodies["HVA08"]
    assert "Doe" in bodies["HVA08"].split("\n")[0]
    assert "Junior" in bodies["SVA02"].split("\n")[0]  # each office's own greeting
    assert all("{{" not in body and "[your" not in body for body in bodies.values())
    # The receipt email links to this very site, absolute.
    [email] = [m for m in mail.outbox if "alex@example.org" in m.to]
    link = re.search(r"https?://\S+/letters/receipt/\S+", email.body).group(0)
    assert link.startswith(f"{live_server.url}{prefix}/letters/receipt/")


def test_letter_with_the_keyboard_only(page, demo, congress, check):
    page.goto(f"/c/{demo.slug}/letter/")
    tab_to(page, "#id_zip_code")
    page.keyboard.type(ONE_DISTRICT_ZIP)
    page.keyboard.press("Enter")
    page.wait_for_url("**/letter/write/")
    tab_to(page, "#id_personal_note")
    page.keyboard.type("It matters to me.")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/letter/send/")
    tab_to(page, "#id_prefix")
    page.keyboard.press("ArrowDown")
    write_letter_details(page, keyboard=True)
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/letters/receipt/**")
    check(page, "receipt")
    assert Delivery.objects.count() == 3


def test_letter_by_split_zip_with_the_geocoder_down(page, demo, congress, prefix, check):
    page.goto(f"{prefix}/c/{demo.slug}/letter/")
    page.locator("#id_zip_code").fill(SPLIT_ZIP)
    page.locator("#id_street").fill("2300 Hollow Oak Ct")
    page.locator("#id_city").fill("Falls Church")
    page.locator("#id_state").select_option("VA")
    submit(page)
    # The address service is down: the page offers the districts, each described.
    page.wait_for_selector("#district-choice")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    check(page, "choose-district")
    about = page.locator("#district-VA-11-about").inner_text()
    assert "Lee Oak" in about and "Fairfax" in about
    assert "Alexandria" in page.locator("#district-VA-8-about").inner_text()
    page.locator("#district-VA-11").check()
    submit(page)
    page.wait_for_url("**/letter/write/")
    check(page, "your-letter")
    assert page.locator(".outreach-preview summary").count() == 3
    submit(page)
    page.wait_for_url("**/letter/send/")
    write_letter_details(page)
    submit(page)
    page.wait_for_url("**/letters/receipt/**")
    check(page, "receipt")
    assert set(Delivery.objects.values_list("office_code", flat=True)) == {
        "HVA11",
        "SVA01",
        "SVA02",
    }
    assert Letter.objects.get().district == 11


def test_letter_to_the_senators_now_and_the_house_member_later(page, demo, congress, check):
    page.goto(f"/c/{demo.slug}/letter/")
    page.locator("#id_zip_code").fill(SPLIT_ZIP)
    page.locator("#id_street").fill("2300 Hollow Oak Ct")
    submit(page)
    page.wait_for_selector("#district-choice")
    page.locator("#district-senators").check()
    submit(page)
    page.wait_for_url("**/letter/write/")
    assert page.locator(".outreach-preview summary").count() == 2
    submit(page)
    page.wait_for_url("**/letter/send/")
    write_letter_details(page)
    submit(page)
    page.wait_for_url("**/letters/receipt/**")
    check(page, "receipt-senators")
    assert Delivery.objects.count() == 2
    # Later, on the receipt: the district chosen, the House member gets the letter too.
    page.locator("#house-member #district-VA-8").check()
    submit(page, "#house-member form")
    page.wait_for_selector("#office-HVA08")
    check(page, "receipt-with-house")
    assert page.locator("#house-member").count() == 0
    assert Delivery.objects.filter(office_code="HVA08").count() == 1
    assert Letter.objects.get().district == 8


def test_call(page, demo, congress, prefix, language, check):
    page.goto(f"{prefix}/c/{demo.slug}/call/")
    assert_language(page, language)
    check(page, "call")
    page.locator("#id_zip").fill(SPLIT_ZIP)
    submit(page, "form.outreach-zip")
    page.wait_for_selector(".outreach-call")
    check(page, "senators-and-districts")
    # The ZIP spans two districts: the senators now, the House member once chosen.
    assert page.locator(".outreach-call").count() == 2
    assert "street address" not in page.locator("[role=status]").inner_text()
    page.locator("#district-VA-8").check()
    submit(page, "form.outreach-district")
    page.wait_for_selector(f"#call-{congress['va8'].bioguide_id}")
    check(page, "whom-to-call")
    assert page.locator(".outreach-call").count() == 3
    page.locator(f"#call-{congress['va8'].bioguide_id} button[name=outcome]").first.click()
    page.wait_for_selector(".message--success")
    check(page, "thanks")
    call = CallLog.objects.get()
    assert (call.office_code, call.district) == ("HVA08", 8)


def test_join(page, demo, prefix, language, check):
    page.goto(f"{prefix}/c/{demo.slug}/join/")
    assert_language(page, language)
    check(page, "join")
    page.locator("#id_first_name").fill("Rosa")
    page.locator("#id_last_name").fill("Diaz")
    page.locator("#id_email").fill("rosa@example.org")
    page.locator("#id_zip_code").fill(ONE_DISTRICT_ZIP)
    submit(page)
    page.wait_for_load_state()
    check(page, "joined")
    assert campaign_totals(demo.pk).get("signups", 0) == 1


def staff_sign_in(page, user, check) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.staff.factories import PASSWORD

    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    page.goto("/staff/login/")
    check(page, "staff-login")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    submit(page)
    page.wait_for_selector("input[name=code]")
    check(page, "staff-code")
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.locator("input[name=code]").fill(f"{code:0{device.digits}d}")
    submit(page)
    page.wait_for_url("**/staff/**")


def test_organization_sign_on_then_staff_approval(page, demo, prefix, language, check, live_server):
    from tests.staff.factories import UserFactory

    page.goto(f"{prefix}/c/{demo.slug}/join/organization/")
    assert_language(page, language)
    check(page, "sign-on")
    page.locator("#id_name").fill("Refugio Legal")
    page.locator("#id_contact_name").fill("Marta Ruiz")
    page.locator("#id_contact_email").fill("marta@example.org")
    submit(page)
    page.wait_for_load_state()
    check(page, "signed-on")
    signon = OrganizationSignOn.objects.get()
    assert signon.status == OrganizationSignOn.Status.PENDING

    admin = UserFactory(is_superuser=True)
    staff_sign_in(page, admin, check)
    page.goto("/staff/")
    check(page, "staff-dashboard")
    page.goto(f"/staff/campaigns/{demo.slug}/")
    check(page, "staff-campaign-report")
    page.goto("/admin/signups/organizationsignon/")
    page.locator(f"input[name=_selected_action][value='{signon.pk}']").check()
    page.locator("select[name=action]").select_option("approve")
    page.locator("button[name=index]").click()
    page.wait_for_load_state()
    signon.refresh_from_db()
    assert signon.status == OrganizationSignOn.Status.APPROVED
    page.goto(f"{prefix}{demo.get_absolute_url()}")
    assert "Refugio Legal" in page.content()
    approved = [m for m in mail.outbox if "marta@example.org" in m.to]
    links = [link for m in approved for link in re.findall(r"https?://\S+", m.body)]
    assert links and all(link.startswith(live_server.url) for link in links)


def test_updates_with_confirmation_and_unsubscribe(
    page, demo, prefix, language, check, live_server
):
    page.goto(f"{prefix}/c/{demo.slug}/updates/")
    assert_language(page, language)
    check(page, "updates")
    page.locator("#id_email").fill("sam@example.org")
    submit(page)
    page.wait_for_load_state()
    check(page, "check-your-email")
    [email] = [m for m in mail.outbox if "sam@example.org" in m.to]
    confirm = re.search(r"https?://\S+/updates/confirm/\S+", email.body).group(0)
    unsubscribe = re.search(r"https?://\S+/updates/unsubscribe/\S+", email.body).group(0)
    # Links in the email point at the site as served, in the supporter's language.
    assert confirm.startswith(f"{live_server.url}{prefix}/updates/confirm/")
    page.goto(confirm)
    check(page, "confirm")
    submit(page)
    page.wait_for_load_state()
    check(page, "subscribed")
    assert UpdatesSubscription.objects.get().status == UpdatesSubscription.Status.CONFIRMED
    page.goto(unsubscribe)
    check(page, "unsubscribed")
    assert UpdatesSubscription.objects.get().status == UpdatesSubscription.Status.UNSUBSCRIBED


@pytest.fixture
def neutral_url(settings, live_server):
    settings.QUICK_EXIT_URL = f"{live_server.url}/healthz"
    return settings.QUICK_EXIT_URL


def test_quick_exit_by_button_and_by_escape_twice(page, demo, prefix, neutral_url, check):
    page.goto(f"{prefix}{demo.get_absolute_url()}")
    check(page, "before-exit")
    page.locator("#quick-exit").click()
    page.wait_for_url(neutral_url)
    page.goto(f"{prefix}/safety/")
    check(page, "safety")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_url)
    page.go_back()
    assert not page.url.endswith("/safety/")
