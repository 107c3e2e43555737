"""OSDI responses carry the fields and links of the specification's examples.

The documents in tests/fixtures/osdi are written in the shape of the OSDI
spec's examples (same fields and links, our own values).
"""

import json

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from campaigns.models import Campaign
from integrations.osdi.resources import ocd_division
from letters.models import Delivery
from staff.roles import REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, letter_campaign, petition_campaign, sign

pytestmark = pytest.mark.django_db

COMMON = {"identifiers", "origin_system", "created_date", "modified_date", "_links"}
# Links in the samples that point at things we do not have (tags, creators as people,
# sponsors, canvasses, donations, ...). Every other link of the sample must be present.
NOT_OURS = {
    "osdi:creator",
    "osdi:sponsor",
    "osdi:taggings",
    "osdi:modified_by",
    "osdi:answers",
    "osdi:attendance",
    "osdi:submissions",
    "osdi:donations",
    "osdi:items",
    "osdi:record_canvass_helper",
}


@pytest.fixture
def api(client):
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    client.defaults["HTTP_OSDI_API_TOKEN"] = token.key
    return client


def _sample(fixtures_dir, name):
    return json.loads((fixtures_dir / "osdi" / name).read_text())


def _assert_shaped_like(resource: dict, sample: dict, fields: set[str]):
    assert resource.keys() >= COMMON
    assert fields <= sample.keys(), "the test names a field the sample does not have"
    assert fields <= resource.keys()
    assert all(":" in identifier for identifier in resource["identifiers"])
    assert resource["created_date"].endswith("Z")
    expected_links = set(sample["_links"]) - NOT_OURS
    assert expected_links <= set(resource["_links"])
    for link in resource["_links"].values():
        assert link["href"].startswith("http://testserver/api/osdi/v1/")


def test_petition_is_shaped_like_the_osdi_example(api, fixtures_dir):
    campaign = petition_campaign()
    sign(campaign, email="a@example.org")
    response = api.get(reverse("osdi:petition", args=[campaign.pk]))
    assert response["Content-Type"].startswith("application/hal+json")
    body = response.json()
    _assert_shaped_like(
        body,
        _sample(fixtures_dir, "petition.json"),
        {
            "name",
            "title",
            "description",
            "summary",
            "petition_text",
            "browser_url",
            "total_signatures",
            "target",
        },
    )
    assert body["total_signatures"] == 1


def test_signature_is_shaped_like_the_osdi_example(api, fixtures_dir):
    campaign = petition_campaign()
    signature = sign(campaign, email="a@example.org", comment="Yes!")
    body = api.get(reverse("osdi:signature", args=[campaign.pk, signature.pk])).json()
    _assert_shaped_like(
        body,
        _sample(fixtures_dir, "signature.json"),
        {"action_date", "comments", "referrer_data"},
    )
    assert body["comments"] == "Yes!"
    assert body["_links"]["osdi:person"]["href"].endswith(f"/people/{signature.supporter_id}")


def test_person_is_shaped_like_the_osdi_example(api, fixtures_dir):
    campaign = petition_campaign()
    signature = sign(campaign, email="pat@example.org", first_name="Pat")
    body = api.get(reverse("osdi:person", args=[signature.supporter_id])).json()
    _assert_shaped_like(
        body,
        _sample(fixtures_dir, "person.json"),
        {"given_name", "family_name", "email_addresses", "postal_addresses"},
    )
    assert body["email_addresses"][0]["address"] == "pat@example.org"


def test_advocacy_campaign_and_outreach_are_shaped_like_the_osdi_examples(api, fixtures_dir):
    campaign, delivery = letter_campaign()
    body = api.get(reverse("osdi:advocacy-campaign", args=[campaign.pk])).json()
    _assert_shaped_like(
        body,
        _sample(fixtures_dir, "advocacy_campaign.json"),
        {"name", "title", "description", "summary", "targets", "type", "total_outreaches"},
    )
    outreach = api.get(reverse("osdi:outreach", args=[campaign.pk, delivery.letter_id])).json()
    _assert_shaped_like(
        outreach,
        _sample(fixtures_dir, "outreach.json"),
        {"action_date", "type", "subject", "message", "targets", "referrer_data"},
    )
    assert outreach["targets"][0]["ocdid"] == ocd_division(
        delivery.office_state, delivery.office_district if delivery.chamber == "house" else None
    )


def test_the_message_is_shown_only_for_a_campaign_answered_not_sensitive(api):
    campaign, delivery = letter_campaign()
    url = reverse("osdi:outreach", args=[campaign.pk, delivery.letter_id])
    assert "message" in api.get(url).json()
    for answer in (None, True):  # not answered yet, or sensitive
        Campaign.objects.filter(pk=campaign.pk).update(sensitive=answer)
        assert "message" not in api.get(url).json()


def test_an_outreach_is_one_letter_with_every_office_it_went_to_as_targets(api):
    campaign, house = letter_campaign()
    senate = LegislatorFactory(senator=True, state="NY")
    Delivery.objects.create(
        letter=house.letter, campaign=campaign, supporter=house.supporter, legislator=senate,
        office_code="SNY1", office_name=senate.official_full_name, chamber="senate",
        office_state="NY", subject=house.subject, body="Dear Senator",
    )  # fmt: skip
    body = api.get(reverse("osdi:advocacy-campaign-outreaches", args=[campaign.pk])).json()
    assert body["total_records"] == 1
    [outreach] = body["_embedded"]["osdi:outreaches"]
    assert [target["ocdid"] for target in outreach["targets"]] == [
        "ocd-division/country:us/state:ny/cd:12",
        "ocd-division/country:us/state:ny",
    ]
    assert {target["organization"] for target in outreach["targets"]} == {
        "U.S. House of Representatives",
        "U.S. Senate",
    }
    assert outreach["targets"][1]["family_name"] == senate.last_name
    assert all(target["delivery_status"] == "queued" for target in outreach["targets"])


def test_collections_are_paginated_with_embedded_resources_and_curies(api):
    campaign = petition_campaign()
    for number in range(3):
        sign(campaign, email=f"s{number}@example.org")
    url = reverse("osdi:petition-signatures", args=[campaign.pk])
    body = api.get(url, {"per_page": 2}).json()
    assert body["total_records"] == 3
    assert body["total_pages"] == 2
    assert body["per_page"] == 2
    assert body["page"] == 1
    assert len(body["_embedded"]["osdi:signatures"]) == 2
    assert len(body["_links"]["osdi:signatures"]) == 2
    assert "next" in body["_links"]
    assert body["_links"]["curies"][0]["name"] == "osdi"
    second = api.get(url, {"per_page": 2, "page": 2}).json()
    assert len(second["_embedded"]["osdi:signatures"]) == 1
    assert "next" not in second["_links"]


def test_record_signature_helper_signs_the_petition_like_the_public_form(api, fixtures_dir):
    campaign = petition_campaign()
    request = _sample(fixtures_dir, "record_signature_helper_request.json")
    url = reverse("osdi:record-signature-helper", args=[campaign.pk])
    response = api.post(url, request, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    _assert_shaped_like(
        body,
        _sample(fixtures_dir, "record_signature_helper_response.json"),
        {"action_date", "comments", "referrer_data"},
    )
    assert body["comments"] == request["comments"]
    again = api.post(url, request, content_type="application/json")
    assert again.status_code == 200  # the same person signing twice is not counted twice
    petition = api.get(reverse("osdi:petition", args=[campaign.pk])).json()
    assert petition["total_signatures"] == 1


@pytest.mark.parametrize(
    "body",
    [
        [],
        "a string",
        {"person": []},
        {"person": {"email_addresses": "x@example.org"}},
        {"person": {"email_addresses": [{"address": "not an email"}]}},
        {"person": {"email_addresses": [{"address": "a" * 250 + "@example.org"}]}},
        {"person": {"email_addresses": [{"address": "a@example.org"}], "postal_addresses": [
            {"postal_code": "ABCDE"}]}},
    ],
)  # fmt: skip
def test_record_signature_helper_refuses_what_the_public_form_refuses(api, body):
    campaign = petition_campaign()
    url = reverse("osdi:record-signature-helper", args=[campaign.pk])
    assert api.post(url, body, content_type="application/json").status_code == 400


@pytest.mark.parametrize(
    "part",
    [{"person": "x"}, {"referrer_data": "x"}, {"identifiers": "x:1"}, {"identifiers": ["no"]},
     {"action_date": "yesterday"}, {"action_date": "2999-01-01T00:00:00Z"}],
)  # fmt: skip
def test_record_signature_helper_refuses_parts_of_another_shape(api, part):
    campaign = petition_campaign()
    url = reverse("osdi:record-signature-helper", args=[campaign.pk])
    body = {"person": {"email_addresses": [{"address": "a@example.org"}]}, **part}
    response = api.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["osdi:error"]["response_code"] == 400


def test_record_signature_helper_without_an_email_is_refused(api):
    campaign = petition_campaign()
    url = reverse("osdi:record-signature-helper", args=[campaign.pk])
    response = api.post(url, {"person": {"given_name": "X"}}, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("state", "district", "expected"),
    [
        ("NY", 18, "ocd-division/country:us/state:ny/cd:18"),
        ("NY", None, "ocd-division/country:us/state:ny"),
        ("WY", 0, "ocd-division/country:us/state:wy"),
        ("DC", 0, "ocd-division/country:us/district:dc"),
        ("PR", 0, "ocd-division/country:us/territory:pr"),
    ],
)
def test_targets_are_identified_by_ocd_division(state, district, expected):
    assert ocd_division(state, district) == expected


def test_errors_come_in_osdis_own_format_as_hal_json(api):
    campaign = petition_campaign()
    url = reverse("osdi:record-signature-helper", args=[campaign.pk])
    response = api.post(url, {"person": "x"}, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/hal+json")
    error = response.json()["osdi:error"]
    assert (error["request_type"], error["response_code"]) == ("atomic", 400)
    [status] = error["resource_status"]
    assert status["resource"] == "osdi:signature" and status["response_code"] == 400
    assert status["error_descriptions"][0]["description"]

    bad_email = {"person": {"email_addresses": [{"address": "not an email"}]}}
    refused = api.post(url, bad_email, content_type="application/json").json()["osdi:error"]
    assert refused["resource_status"][0]["error_descriptions"][0]["properties"] == ["email"]


@pytest.mark.parametrize("path", ["petitions/999999", "no-such-collection"])
def test_unknown_osdi_resources_are_404s_in_osdis_format(api, path):
    response = api.get(f"/api/osdi/v1/{path}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/hal+json")
    assert response.json()["osdi:error"]["response_code"] == 404


def test_a_visitor_without_a_token_is_refused_in_osdis_format(client):
    response = client.get("/api/osdi/v1/petitions")
    assert response.status_code in (401, 403)
    assert response.json()["osdi:error"]["response_code"] == response.status_code
