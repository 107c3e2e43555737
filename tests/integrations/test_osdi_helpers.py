"""A partner's system records actions here with OSDI's helpers, as the specification shows.

The request bodies are the specification's own examples (tests/fixtures/osdi): what they
carry is kept, and what this site does not do is named in the answer, never dropped
silently.
"""

import copy
import json

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from integrations.osdi.models import ForeignAction
from letters.models import Delivery, Letter
from metrics.totals import campaign_totals
from staff.roles import REPORTER
from tests.staff.factories import UserFactory, live_campaign, petition_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    client.defaults["HTTP_OSDI_API_TOKEN"] = token.key
    return client


@pytest.fixture
def outreach_request(fixtures_dir):
    return json.loads((fixtures_dir / "osdi" / "record_outreach_helper_request.json").read_text())


@pytest.fixture
def outreach_response(fixtures_dir):
    return json.loads((fixtures_dir / "osdi" / "record_outreach_helper_response.json").read_text())


@pytest.fixture
def signature_request(fixtures_dir):
    return json.loads((fixtures_dir / "osdi" / "record_signature_helper_request.json").read_text())


def letter_campaign_without_letters():
    from devdata.letters import demo_outreach_create

    campaign = live_campaign()
    demo_outreach_create(campaign)
    return campaign


def _post(api, name, campaign, body):
    return api.post(
        reverse(f"osdi:{name}", args=[campaign.pk]), body, content_type="application/json"
    )


def _not_applied(body) -> set[str]:
    return {name for group in body.get("osdi:not_applied", []) for name in group["properties"]}


def test_the_specifications_sample_outreach_is_recorded_with_its_targets(
    api, outreach_request, outreach_response
):
    campaign = letter_campaign_without_letters()
    response = _post(api, "record-outreach-helper", campaign, outreach_request)
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/hal+json")
    body = response.json()
    for name in ("action_date", "origin_system", "type", "duration", "referrer_data", "targets"):
        assert body[name] == outreach_response[name], name
    assert "foreign_system:9001" in body["identifiers"]
    assert set(outreach_response["_links"]) <= set(body["_links"])
    # One letter of the campaign, with no delivery from this site.
    letter = Letter.objects.get(campaign=campaign)
    assert not Delivery.objects.filter(letter=letter).exists()
    assert campaign_totals(campaign.pk)["letters"] == 1
    # The outreach reads back the same, one per supporter action, with its two targets.
    listed = api.get(reverse("osdi:advocacy-campaign-outreaches", args=[campaign.pk])).json()
    assert listed["total_records"] == 1
    [outreach] = listed["_embedded"]["osdi:outreaches"]
    assert outreach["targets"] == outreach_request["targets"]
    assert outreach["action_date"] == "2026-03-18T11:02:15Z"
    assert outreach["origin_system"] == "Example CRM"
    advocacy = api.get(reverse("osdi:advocacy-campaign", args=[campaign.pk])).json()
    assert advocacy["total_outreaches"] == 1
    assert "osdi:record_outreach_helper" in advocacy["_links"]


def test_what_the_sample_asks_for_and_this_site_does_not_do_is_named_in_the_answer(
    api, outreach_request
):
    campaign = letter_campaign_without_letters()
    body = _post(api, "record-outreach-helper", campaign, outreach_request).json()
    assert {
        "triggers",
        "add_tags",
        "add_tags_uri",
        "add_lists",
        "add_lists_uri",
        "add_questions_responses_uri",
        "person.gender",
        "person.additional_name",
    } <= _not_applied(body)
    assert not {"targets", "referrer_data", "person.email_addresses"} & _not_applied(body)


def test_a_request_with_only_what_this_site_keeps_names_nothing_as_not_applied(api):
    campaign = letter_campaign_without_letters()
    body = {
        "person": {"email_addresses": [{"address": "kim@example.org"}], "given_name": "Kim"},
        "targets": [{"ocdid": "ocd-division/country:us/state:vt"}],
    }
    answer = _post(api, "record-outreach-helper", campaign, body).json()
    assert "osdi:not_applied" not in answer
    assert answer["type"] == "email"


def test_the_person_of_a_recorded_outreach_keeps_their_identifiers_town_and_phone(
    api, outreach_request
):
    campaign = letter_campaign_without_letters()
    _post(api, "record-outreach-helper", campaign, outreach_request)
    person_url = _post(api, "record-outreach-helper", campaign, outreach_request).json()["_links"][
        "osdi:person"
    ]["href"]
    person = api.get(person_url).json()
    assert "foreign_system:77" in person["identifiers"]
    assert person["given_name"] == "Dana"
    assert person["phone_numbers"] == [{"primary": True, "number": "18025550147"}]
    [address] = person["postal_addresses"]
    assert (address["locality"], address["region"], address["postal_code"]) == (
        "Burlington",
        "VT",
        "05401",
    )
    assert "address_lines" not in address  # never the street address


def test_a_repeated_outreach_returns_the_first_unchanged(api, outreach_request):
    campaign = letter_campaign_without_letters()
    first = _post(api, "record-outreach-helper", campaign, outreach_request)
    again = copy.deepcopy(outreach_request)
    again["targets"] = [{"name": "Someone Else"}]
    again["action_date"] = "2020-01-01T00:00:00Z"
    second = _post(api, "record-outreach-helper", campaign, again)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["targets"] == outreach_request["targets"]
    assert second.json()["action_date"] == "2026-03-18T11:02:15Z"
    assert Letter.objects.filter(campaign=campaign).count() == 1
    assert campaign_totals(campaign.pk)["letters"] == 1


@pytest.mark.parametrize(
    "change",
    [
        {"person": "x"},
        {"targets": []},
        {"targets": "Senator Smith"},
        {"targets": [{"title": "Senator"}]},
        {"targets": [{"ocdid": "ocd-division/country:ca/province:on"}]},
        {"action_date": "2999-01-01T00:00:00Z"},
        {"action_date": "not a date"},
        {"duration": -5},
        {"duration": "long"},
        {"identifiers": ["no-system-prefix"]},
        {"referrer_data": ["facebook"]},
        {"message": "x" * 10_001},
    ],
)
def test_a_malformed_outreach_is_a_400_in_osdis_format(api, outreach_request, change):
    campaign = letter_campaign_without_letters()
    response = _post(api, "record-outreach-helper", campaign, {**outreach_request, **change})
    assert response.status_code == 400
    error = response.json()["osdi:error"]
    assert error["response_code"] == 400
    assert error["resource_status"][0]["resource"] == "osdi:outreach"
    assert not Letter.objects.exists()


@pytest.mark.parametrize("email", ["not an email", "a@" + "b" * 260 + ".org", ""])
def test_an_outreach_without_a_valid_email_is_refused(api, outreach_request, email):
    campaign = letter_campaign_without_letters()
    body = copy.deepcopy(outreach_request)
    body["person"]["email_addresses"][0]["address"] = email
    assert _post(api, "record-outreach-helper", campaign, body).status_code == 400


@pytest.mark.parametrize("body", [[], "text", 3, None])
def test_a_body_that_is_not_an_object_is_a_400(api, body):
    campaign = letter_campaign_without_letters()
    response = api.post(
        reverse("osdi:record-outreach-helper", args=[campaign.pk]),
        json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 400


def test_an_outreach_on_a_closed_letter_is_refused(api, outreach_request):
    campaign = letter_campaign_without_letters()
    campaign.letter_action.is_active = False
    campaign.letter_action.save()
    response = _post(api, "record-outreach-helper", campaign, outreach_request)
    assert response.status_code == 409
    assert "osdi:error" in response.json()


def test_a_recorded_outreach_counts_in_its_targets_district(api, outreach_request):
    from django.utils import timezone

    from metrics.breakdowns import breakdowns
    from metrics.periods import Period

    campaign = letter_campaign_without_letters()
    body = {**outreach_request, "targets": [{"ocdid": "ocd-division/country:us/state:va/cd:8"}]}
    _post(api, "record-outreach-helper", campaign, body)
    assert Letter.objects.get().district == 8
    by = breakdowns(campaign.pk, Period(), today=timezone.localdate())
    assert by["district"][("VA", 8)]["letters"] == 1
    assert by["source"]["partner-vt-newsletter"]["letters"] == 1


def test_the_signature_helper_keeps_what_the_partner_sent(api, signature_request):
    campaign = petition_campaign()
    response = _post(api, "record-signature-helper", campaign, signature_request)
    assert response.status_code == 201
    body = response.json()
    assert signature_request["identifiers"][0] in body["identifiers"]
    assert body["origin_system"] == signature_request["origin_system"]
    assert body["action_date"] == signature_request["action_date"]
    assert body["referrer_data"] == signature_request["referrer_data"]
    assert {"triggers", "add_tags", "add_lists", "person.phone_numbers"} <= _not_applied(body)
    stored = ForeignAction.objects.get()
    assert stored.signature_id is not None and stored.letter_id is None
    again = api.get(body["_links"]["self"]["href"]).json()
    assert again["identifiers"] == body["identifiers"]
    person = api.get(body["_links"]["osdi:person"]["href"]).json()
    assert signature_request["person"]["identifiers"][0] in person["identifiers"]


@pytest.mark.needs_shared_data
@pytest.mark.parametrize(
    ("name", "kind"),
    [("record-outreach-helper", "outreach"), ("record-signature-helper", "signature")],
)
def test_the_published_sample_requests_work_as_the_specification_shows(
    api, samples_dir, name, kind
):
    request = json.loads((samples_dir / "osdi" / f"record_{kind}_helper_request.json").read_text())
    expected = json.loads(
        (samples_dir / "osdi" / f"record_{kind}_helper_response.json").read_text()
    )
    campaign = letter_campaign_without_letters() if kind == "outreach" else petition_campaign()
    response = _post(api, name, campaign, request)
    assert response.status_code == 201
    body = response.json()
    for field in ("action_date", "origin_system", "referrer_data", "targets", "type", "duration"):
        if field in expected:
            assert body[field] == expected[field], field
    assert set(expected["identifiers"]) - set(body["identifiers"]) == {expected["identifiers"][0]}


def test_a_recorded_outreach_on_a_sensitive_campaign_is_purged_like_any_letter(
    api, outreach_request
):
    from letters.services.purge import letters_purge_sensitive

    campaign = letter_campaign_without_letters()
    campaign.sensitive = True
    campaign.save()
    body = {**outreach_request, "message": "What happened to me, in my own words."}
    outreach_url = _post(api, "record-outreach-helper", campaign, body).json()["_links"]["self"]
    assert "message" not in api.get(outreach_url["href"]).json()  # never shown for sensitive
    assert letters_purge_sensitive(days=0) == 1
    letter = Letter.objects.get()
    assert (letter.edited_template, letter.address1, letter.phone) == ("", "", "")
