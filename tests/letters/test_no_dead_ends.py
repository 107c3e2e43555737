"""A split ZIP, an address service that is down, data not loaded: the supporter can act."""

import pytest
from django.urls import reverse

from legislators.services.lookup import lookup_by_chosen_seat, lookup_by_zip
from letters import editing
from letters.models import Delivery, Letter
from letters.services.house_member import letter_house_member_add
from tests.calls.factories import CallActionFactory
from tests.legislators.factories import (
    DistrictOfficeFactory,
    LegislatorFactory,
    ZipDistrictFactory,
    members_of,
)
from tests.letters.factories import LetterActionFactory

pytestmark = pytest.mark.django_db

DETAILS = {
    "prefix": "Mx.",
    "first_name": "Alex",
    "last_name": "Rivera",
    "address1": "1100 Main Street",
    "city": "Arlington",
    "state": "VA",
    "zip_code": "22202",
    "email": "alex@example.org",
}


@pytest.fixture
def split(settings):
    """ZIP 22202 spans VA-8 and VA-11; the geocoder does not answer."""
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9/geocoder"
    settings.CENSUS_GEOCODER_TIMEOUT_SECONDS = 0.3
    house, *_senators = members_of()
    other = LegislatorFactory(representative=True, state="VA", district=11, last_name="Oak")
    DistrictOfficeFactory(legislator=other, city="Fairfax")
    ZipDistrictFactory(zcta="22202", state="VA", district=8)
    ZipDistrictFactory(zcta="22202", state="VA", district=11)
    return LetterActionFactory()


def test_a_split_zip_with_the_address_service_down_offers_each_district(client, split):
    start = reverse("letters:start", args=[split.campaign.slug])
    response = client.post(start, {"zip_code": "22202", "street": "1 Elm St"})
    page = response.content.decode()
    assert "not answering right now" in page
    assert 'value="VA-8"' in page and 'value="VA-11"' in page and 'value="senators"' in page
    assert "office in Fairfax" in page
    response = client.post(start, {"zip_code": "22202", "district": "VA-11"})
    assert response.url == reverse("letters:write", args=[split.campaign.slug])
    assert "Representative" in client.get(response.url).content.decode()


def test_a_district_that_is_not_the_zips_is_not_taken(split):
    assert lookup_by_chosen_seat("22202", state="VA", district=3) is None
    chosen = lookup_by_chosen_seat("22202", state="VA", district=11)
    assert chosen.certain and chosen.district == 11 and "You chose" in chosen.message


def test_senators_now_and_the_house_member_later_from_the_receipt(
    client, split, django_capture_on_commit_callbacks
):
    slug = split.campaign.slug
    client.post(
        reverse("letters:start", args=[slug]), {"zip_code": "22202", "district": "senators"}
    )
    client.post(reverse("letters:write", args=[slug]), {"personal_note": "Please act."})
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.post(reverse("letters:send", args=[slug]), DETAILS).url
    assert Delivery.objects.filter(chamber="house").count() == 0
    assert "Add your member of the House" in client.get(receipt).content.decode()
    letter = Letter.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(receipt + "house-member", {"district": "VA-8"})
    house = Delivery.objects.get(chamber="house")
    assert house.office_code == "HVA08" and house.body.startswith("Dear Representative Doe,")
    letter.refresh_from_db()
    assert letter.district == 8
    again = letter_house_member_add(letter=letter, lookup=lookup_by_chosen_seat(
        "22202", state="VA", district=11
    ))  # fmt: skip
    assert again is None and Delivery.objects.filter(chamber="house").count() == 1
    assert "Add your member of the House" not in client.get(receipt).content.decode()


def test_the_call_page_calls_the_senators_and_asks_only_for_the_district(client, split):
    action = CallActionFactory(campaign=split.campaign)
    url = reverse("calls:call", args=[action.campaign.slug])
    page = client.get(url, {"zip": "22202"}).content.decode()
    assert "street address" not in page.split('role="status"')[1].split("</p>")[0]
    assert page.count('class="card outreach-call"') == 2
    assert 'name="district"' in page
    page = client.get(url, {"zip": "22202", "district": "VA-11"}).content.decode()
    assert page.count('class="card outreach-call"') == 3


def test_before_the_data_is_loaded_the_lookup_says_it_is_not_ready(client):
    result = lookup_by_zip("22201")
    assert result.code == "not_ready" and "not ready yet" in result.message
    answer = client.get("/api/v1/representatives", {"zip": "22201"}).json()
    assert answer["code"] == "not_ready"


def test_the_staff_dashboard_says_the_data_is_not_loaded(client):
    from tests.staff.factories import UserFactory, sign_in

    sign_in(client, UserFactory(is_superuser=True))
    assert "The legislator data is not loaded" in client.get("/staff/").content.decode()
    members_of()
    assert "The legislator data is not loaded" not in client.get("/staff/").content.decode()


TEMPLATE = (
    "Dear {{ legislator.salutation }},\n\nAs your constituent in {{ supporter.city }}, I ask "
    "{{ legislator.formal_name }} to act.\n\nSincerely,\n{{ supporter.first_name }}"
)
VALUES = {
    "legislator.salutation": "Senator Junior",
    "legislator.formal_name": "Senator Jo Junior",
    "supporter.city": "[your city]",
    "supporter.first_name": "[your first name]",
}


def test_the_supporter_edits_the_body_as_plain_text():
    shown = editing.body_shown(TEMPLATE, VALUES)
    assert shown == "As your constituent in [your city], I ask Senator Jo Junior to act."
    assert editing.body_to_template(TEMPLATE, shown, VALUES) == ""  # unchanged
    edited = shown.replace("to act", "to act now")
    assert editing.body_to_template(TEMPLATE, edited, VALUES) == (
        "Dear {{ legislator.salutation }},\n\nAs your constituent in {{ supporter.city }}, I ask "
        "{{ legislator.formal_name }} to act now.\n\nSincerely,\n{{ supporter.first_name }}"
    )


def test_links_follow_the_served_address_when_site_url_is_not_set(client, settings):
    from actioncenter.siteurl import _request_origin, site_url

    settings.SITE_URL_FROM_REQUEST = True
    token = _request_origin.set("http://192.168.1.5:8080")
    try:
        assert site_url() == "http://192.168.1.5:8080"
    finally:
        _request_origin.reset(token)
    assert site_url() == settings.SITE_URL
