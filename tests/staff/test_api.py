import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token

from staff.roles import REPORTER
from tests.staff.factories import UserFactory, letter_campaign, petition_campaign, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def test_totals_by_state_match_the_signatures(api):
    campaign = petition_campaign()
    for number in range(3):
        sign(campaign, email=f"s{number}@example.org", zip_code="10001")
    body = api.get(
        reverse("staff-totals"), {"campaign": campaign.slug, "dimension": "state"}
    ).json()
    assert body["totals"]["signatures"] == 3
    assert body["breakdown"] == [
        {"key": "NY", "totals": {"signatures": 3, "supporters": 3, "supporters_new": 3}}
    ]


def test_totals_by_district_name_the_district(api):
    campaign = petition_campaign()
    sign(campaign, email="a@example.org", zip_code="10001")
    body = api.get(
        reverse("staff-totals"), {"campaign": campaign.slug, "dimension": "district"}
    ).json()
    assert body["breakdown"][0]["key"] == "NY-12"


def test_totals_need_a_known_campaign_and_a_known_dimension(api):
    assert api.get(reverse("staff-totals")).status_code == 400
    assert api.get(reverse("staff-totals"), {"campaign": "nope"}).status_code == 404
    campaign = petition_campaign()
    response = api.get(reverse("staff-totals"), {"campaign": campaign.slug, "dimension": "x"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_signatures_are_paginated_and_filtered_by_campaign_and_date(api):
    campaign, other = petition_campaign(), petition_campaign()
    for number in range(3):
        sign(campaign, email=f"s{number}@example.org")
    sign(other, email="other@example.org")
    body = api.get(reverse("staff-signatures"), {"campaign": campaign.slug}).json()
    assert body["count"] == 3
    assert {row["email"] for row in body["results"]} == {f"s{n}@example.org" for n in range(3)}
    old = api.get(reverse("staff-signatures"), {"campaign": campaign.slug, "date_to": "2001-01-01"})
    assert old.json()["count"] == 0


@pytest.mark.parametrize("name", ["staff-signatures", "staff-supporters"])
def test_list_endpoints_run_a_fixed_number_of_queries(api, name):
    campaign = petition_campaign()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(reverse(name), {"campaign": campaign.slug}).status_code == 200
        return len(captured)

    sign(campaign, email="first@example.org")
    few = queries()
    for number in range(10):
        sign(campaign, email=f"more{number}@example.org")
    assert queries() == few


def test_letter_and_delivery_lists_carry_metadata_but_never_letter_text(api):
    campaign, delivery = letter_campaign()
    letters = api.get(reverse("staff-letters"), {"campaign": campaign.slug}).json()
    deliveries = api.get(reverse("staff-deliveries"), {"campaign": campaign.slug}).json()
    assert letters["count"] == 1 and deliveries["count"] == 1
    assert "body" not in deliveries["results"][0]
    assert not {"personal_note", "edited_template", "body"} & set(letters["results"][0])
    assert deliveries["results"][0]["office_code"] == delivery.office_code
    queued = api.get(reverse("staff-deliveries"), {"status": "sent"}).json()
    assert queued["count"] == 0


def test_supporters_of_a_campaign_are_those_who_acted_in_it(api):
    campaign, other = petition_campaign(), petition_campaign()
    sign(campaign, email="mine@example.org")
    sign(other, email="theirs@example.org")
    body = api.get(reverse("staff-supporters"), {"campaign": campaign.slug}).json()
    assert [row["email"] for row in body["results"]] == ["mine@example.org"]
