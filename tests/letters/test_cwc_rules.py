"""What CWC would refuse is refused at the form and the API, and what XML cannot carry is
never stored: a letter the site accepts is one CWC accepts."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from lxml import etree

from letters.channels.base import Constituent
from letters.channels.cwc import message_xml
from letters.models import Letter
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import API_BODY as BODY
from tests.letters.helpers import api_post
from tests.letters.test_cwc_xml import AGENT, HOUSE, letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(settings):
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"  # no geocoder: ZIP answers
    members_of()
    return LetterActionFactory()


def post(client, action, **changes):
    return api_post(client, action, {**BODY, **changes})


def test_a_two_letter_city_is_refused_with_a_clear_message(client, action):
    response = post(client, action, city="DC")
    assert response.status_code == 400
    assert response.json()["errors"]["city"] == ["Ensure this field has at least 3 characters."]
    assert Letter.objects.count() == 0
    assert post(client, action, city="Ada").status_code == 201


@pytest.mark.parametrize("email", ["a@localhost", "alex@.example.org"])
def test_an_email_django_accepts_but_cwc_does_not_is_refused(client, action, email):
    response = post(client, action, email=email)
    assert response.status_code == 400
    assert "errors" in response.json() and "email" in response.json()["errors"]


def test_the_letter_form_refuses_them_too(client, action):
    from django.urls import reverse

    slug = action.campaign.slug
    client.post(reverse("letters:start", args=[slug]), {"zip_code": "22201"})
    client.post(reverse("letters:write", args=[slug]), {"personal_note": ""})
    details = {key: value for key, value in BODY.items() if key != "personal_note"}
    page = client.post(
        reverse("letters:send", args=[slug]), {**details, "city": "DC", "email": "a@localhost"}
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "at least 3 characters" in html
    assert "an email address Congress can reply to" in html


def test_characters_xml_cannot_carry_are_dropped_before_the_letter_is_saved(
    client, action, django_capture_on_commit_callbacks
):
    pasted = "Dear\x0b friends\x1b, I\ufffe care \ud800deeply. 🏳️‍🌈 & < > ]]> ✊🏽"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, action, personal_note=pasted, first_name="Al\x0bex")
    assert response.status_code == 201, response.content
    saved = Letter.objects.get()
    assert saved.first_name == "Alex"
    assert "\x0b" not in saved.personal_note and "\x1b" not in saved.personal_note
    assert "\ufffe" not in saved.personal_note and "\ud800" not in saved.personal_note
    assert "& < > ]]> ✊🏽" in saved.personal_note  # what XML can carry is kept as typed
    assert "🏳" in saved.personal_note
    document = etree.fromstring(
        message_xml(letter(HOUSE, constituent_message=saved.personal_note), AGENT)
    )
    assert "]]> ✊🏽" in document.findtext("Message/ConstituentMessage")


def test_a_row_stored_before_still_builds_a_document():
    old = letter(HOUSE, constituent_message="Pasted \x0b from \x1b a word processor \ufffe")
    document = etree.fromstring(message_xml(old, AGENT))
    assert document.findtext("Message/ConstituentMessage") == "Pasted  from  a word processor "


def test_a_short_apartment_line_is_kept_on_the_first_address_line():
    constituent = Constituent(
        prefix="Mx.", first_name="Alex", last_name="Rivera", address1="1100 Main Street",
        address2="4B", city="Arlington", state="VA", zip_code="22201", email="alex@example.org",
    )  # fmt: skip
    document = etree.fromstring(message_xml(letter(HOUSE, constituent=constituent), AGENT))
    assert document.findtext("Constituent/Address1") == "1100 Main Street, 4B"
    assert document.find("Constituent/Address2") is None


def test_a_letter_too_long_once_names_are_filled_in_is_refused_before_it_is_stored(client, action):
    action.editable = True
    action.save()
    edited = "{{ supporter.first_name }} " * 300  # 8,100 characters as written
    response = post(client, action, letter=edited, first_name="A" * 60)
    assert response.status_code == 400
    assert response.json()["code"] == "too_long"
    assert "too long for Congress" in response.json()["detail"]
    assert Letter.objects.count() == 0


def agent(settings, *, ack_email, contact_name, phone, organization):
    """CWC on for the House, with these delivery-agent settings."""
    settings.CWC_HOUSE_BASE_URL, settings.CWC_HOUSE_API_KEY = "https://cwc.example.org", "key"
    settings.CWC_DELIVERY_AGENT_ACK_EMAIL = ack_email
    settings.CWC_DELIVERY_AGENT_CONTACT_EMAIL = "desk@example.org"
    settings.CWC_DELIVERY_AGENT_CONTACT_NAME = contact_name
    settings.CWC_DELIVERY_AGENT_CONTACT_PHONE = phone
    settings.CWC_ORGANIZATION = organization


def test_check_reports_delivery_agent_settings_cwc_would_refuse(settings):
    agent(
        settings, ack_email="a@localhost", contact_name="Desk", phone="555-0100",
        organization="MGAJ",
    )  # fmt: skip
    with pytest.raises(SystemCheckError) as caught:
        call_command("check")
    report = str(caught.value)
    assert "letters.E002" in report and "CWC_DELIVERY_AGENT_ACK_EMAIL" in report
    assert "letters.E005" in report and "letters.E006" in report
    assert "letters.E003" not in report


def test_check_is_quiet_when_the_settings_are_right_or_cwc_is_off(settings):
    settings.CWC_HOUSE_BASE_URL, settings.CWC_HOUSE_API_KEY = "", ""
    settings.CWC_DELIVERY_AGENT_ACK_EMAIL = "a@localhost"
    call_command("check")  # CWC off: nothing is built for it
    agent(
        settings, ack_email="delivery@example.org", contact_name="Delivery Desk",
        phone="(202) 555-0100", organization="Movement for Gender Asylum Justice",
    )  # fmt: skip
    call_command("check")
