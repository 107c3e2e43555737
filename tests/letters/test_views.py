"""The letter flow in the browser without JavaScript, and the receipt."""

import pytest
from django.urls import reverse

from letters.models import Delivery, Letter
from letters.services.receipts import receipt_url
from tests.calls.factories import CallActionFactory
from tests.legislators.factories import ZipDistrictFactory, members_of
from tests.letters.factories import LetterActionFactory

pytestmark = pytest.mark.django_db

DETAILS = {
    "prefix": "Mx.",
    "first_name": "Alex",
    "last_name": "Rivera",
    "address1": "1100 Main Street",
    "city": "Arlington",
    "state": "VA",
    "zip_code": "22201",
    "email": "alex@example.org",
    "phone": "",
}


@pytest.fixture
def action():
    members_of()
    return LetterActionFactory()


def urls(action):
    slug = action.campaign.slug
    return (
        reverse("letters:start", args=[slug]),
        reverse("letters:write", args=[slug]),
        reverse("letters:send", args=[slug]),
    )


@pytest.fixture
def write_letter(client, django_capture_on_commit_callbacks):
    def write(action, note="It matters to me."):
        start, write, send = urls(action)
        assert client.post(start, {"zip_code": "22201"}).url == write
        draft = {"personal_note": note, "edited_template": action.template}
        assert client.post(write, draft).url == send
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(send, DETAILS)

    return write


def test_zip_in_one_district_leads_to_the_three_recipients_with_why(client, action):
    start, write, _ = urls(action)
    client.post(start, {"zip_code": "22201"})
    page = client.get(write).content.decode()
    assert "Representative Hana Doe" in page
    assert "Senator Sam Senior" in page and "Senator Jo Junior" in page
    assert "Your member of the House for VA-8" in page


def test_zip_spanning_districts_asks_for_the_street_address(client, action):
    ZipDistrictFactory(zcta="22202", state="VA", district=8)
    ZipDistrictFactory(zcta="22202", state="VA", district=11)
    start, _, _ = urls(action)
    response = client.post(start, {"zip_code": "22202"})
    assert response.status_code == 200
    assert "street address" in response.content.decode()


def test_preview_shows_each_office_its_own_letter(client, action):
    start, write, send = urls(action)
    client.post(start, {"zip_code": "22201"})
    client.post(write, {"personal_note": "My story."})
    page = client.get(send).content.decode()
    assert "Dear Representative Doe," in page
    assert "Dear Senator Junior," in page
    assert "My story." in page
    assert 'value="Mx."' in page  # the prefix list includes Mx.


def test_braces_typed_into_the_letter_are_refused_in_plain_words(client, action):
    start, write, _ = urls(action)
    client.post(start, {"zip_code": "22201"})
    response = client.post(write, {"letter_body": "Hi {{ legislator.nickname }}"})
    page = response.content.decode()
    assert "Please remove the curly braces" in page
    assert 'aria-describedby="id_letter_body_helptext id_letter_body_error"' in page


def test_submit_ends_on_the_receipt_with_manual_instructions(
    client, action, write_letter, mailoutbox
):
    response = write_letter(action)
    letter = Letter.objects.get()
    assert response.url == receipt_url(letter)
    page = client.get(response.url).content.decode()
    assert page.count("Needs you to send it") == 3
    assert "Copy the letter" in page
    assert "I sent it" in page
    assert len(mailoutbox) == 1
    assert receipt_url(letter, absolute=True) in mailoutbox[0].body
    assert "Representative Hana Doe" in mailoutbox[0].body


def test_submitting_twice_in_the_same_browser_shows_the_same_receipt(action, write_letter):
    first = write_letter(action)
    second = write_letter(action)
    assert first.url == second.url
    assert Letter.objects.count() == 1
    assert Delivery.objects.count() == 3


def test_another_browser_with_the_same_email_is_not_shown_the_receipt(
    action, write_letter, mailoutbox, django_capture_on_commit_callbacks
):
    from django.test import Client

    first = write_letter(action, note="Something only I know.")
    mailoutbox.clear()
    stranger = Client()
    start, write, send = urls(action)
    stranger.post(start, {"zip_code": "22201"})
    stranger.post(write, {"personal_note": "Let me see it."})
    with django_capture_on_commit_callbacks(execute=True):
        response = stranger.post(send, {**DETAILS, "first_name": "Mallory"})
    assert response.status_code == 200
    page = response.content.decode()
    assert first.url not in page and "Something only I know." not in page and "Alex" not in page
    assert stranger.get(first.url.replace("/receipt/", "/receipt/x")).status_code == 404
    assert Letter.objects.get().first_name == "Alex"
    assert [message.to for message in mailoutbox] == [["alex@example.org"]]
    assert first.url in mailoutbox[0].body


def test_supporter_marks_a_manual_letter_as_sent(client, action, write_letter):
    response = write_letter(action)
    delivery = Delivery.objects.get(office_code="HVA08")
    client.post(response.url, {"delivery": str(delivery.pk)})
    delivery.refresh_from_db()
    assert delivery.status == "self_reported"
    assert "Sent by you (not confirmed by the office)" in client.get(response.url).content.decode()


def test_receipt_link_cannot_be_guessed_or_forged(client, action, write_letter):
    response = write_letter(action)
    letter = Letter.objects.get()
    assert client.get(reverse("letters:receipt", args=[letter.receipt_key])).status_code == 404
    forged = response.url.rstrip("/")[:-3] + "abc/"
    assert client.get(forged).status_code == 404


def test_receipt_status_feed_for_the_page_script(client, action, write_letter):
    response = write_letter(action)
    feed = client.get(response.url + "status").json()
    assert {item["status"] for item in feed["deliveries"]} == {"needs_manual"}


def test_an_overlong_email_is_refused_on_the_form_and_nothing_is_lost(client, action):
    start, write, send = urls(action)
    client.post(start, {"zip_code": "22201"})
    client.post(write, {"personal_note": "My own words.", "edited_template": action.template})
    long_email = "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "org"
    response = client.post(send, {**DETAILS, "email": long_email})
    assert response.status_code == 400
    assert "at most 254 characters" in response.content.decode()
    assert Letter.objects.count() == 0
    retry = client.post(send, DETAILS)  # the draft is still there
    assert retry.status_code == 302
    assert Letter.objects.get().personal_note == "My own words."


def test_a_supporter_can_ask_for_a_reply(client, action):
    start, write, send = urls(action)
    client.post(start, {"zip_code": "22201"})
    client.post(write, {"personal_note": ""})
    assert "I would like a reply from my members of Congress" in client.get(send).content.decode()
    client.post(send, {**DETAILS, "response_requested": "on"})
    assert Letter.objects.get().response_requested is True


def test_flow_pages_need_a_live_letter_action(client):
    assert client.get("/c/no-such-campaign/letter/").status_code == 404


def test_every_flow_page_keeps_the_site_shell_rules(client, action, write_letter):
    from tests.support.html import parse_page

    call_action = CallActionFactory()
    start, write, send = urls(action)
    pages = [client.get(start)]
    client.post(start, {"zip_code": "22201"})
    pages += [client.get(write), client.get(send)]
    pages.append(client.get(write_letter(action).url))
    pages.append(
        client.get(reverse("calls:call", args=[call_action.campaign.slug]), {"zip": "22201"})
    )
    for response in pages:
        assert response.status_code == 200
        page = parse_page(response.content.decode())
        assert page.focusable[0].get("id") == "quick-exit"
        assert page.inline_scripts == 0
        assert page.inline_handlers == []
        assert page.style_attributes == 0


def test_receipt_page_costs_a_fixed_number_of_queries(
    client, action, write_letter, django_assert_max_num_queries
):
    url = write_letter(action).url
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200


def test_hostile_words_are_shown_as_text_on_preview_and_receipt(client, action, write_letter):
    hostile = '<script>alert("x")</script> {{ legislator.first_name }}'
    start, write, send = urls(action)
    client.post(start, {"zip_code": "22201"})
    client.post(write, {"personal_note": hostile})
    for page in (client.get(send), client.get(write_letter(action, note=hostile).url)):
        html = page.content.decode()
        assert '<script>alert("x")' not in html
        escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        assert f"{escaped} {{{{ legislator.first_name }}}}" in html


def test_campaign_page_offers_the_letter_and_the_call(client, action):
    CallActionFactory(campaign=action.campaign)
    page = client.get(action.campaign.get_absolute_url()).content.decode()
    assert reverse("letters:start", args=[action.campaign.slug]) in page
    assert reverse("calls:call", args=[action.campaign.slug]) in page
