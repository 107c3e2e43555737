import pytest

from tests.legislators.factories import (
    CommitteeMembershipFactory,
    DistrictOfficeFactory,
    LegislatorFactory,
    ZipDistrictFactory,
)

pytestmark = pytest.mark.django_db
REPS = "/api/v1/representatives"


def test_zip_lookup_returns_certainty_and_members(client, congress):
    body = client.get(REPS, {"zip": "22046"}).json()
    assert (body["precision"], body["certain"], body["state"], body["district"]) == (
        "zip",
        True,
        "VA",
        8,
    )
    assert body["candidates"][0]["representative"]["bioguide_id"] == congress["va8"].bioguide_id
    assert body["candidates"][0]["representative"]["nearest_office"]["city"] == "Alexandria"
    assert len(body["senators"]) == 2 and body["senators_certain"]


def test_split_zip_lists_every_candidate_uncertain(client, congress):
    body = client.get(REPS, {"zip": "22150-1234"}).json()
    assert body["certain"] is False and body["code"] == "split"
    assert [(c["state"], c["district"]) for c in body["candidates"]] == [("VA", 8), ("VA", 11)]
    assert "street address" in body["message"]


def test_dc_lookup_states_no_senators(client, congress):
    body = client.get(REPS, {"zip": "20001"}).json()
    assert body["senators"] == [] and body["states_without_senators"] == ["DC"]
    assert body["candidates"][0]["member_title"] == "Delegate"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "address"),
        ({"zip": "hello"}, "zip"),
        ({"zip": "K1A 0B1"}, "zip"),
        ({"address": " "}, "address"),
    ],
)
def test_invalid_parameters_are_400_with_field_errors(client, params, field):
    response = client.get(REPS, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_unknown_zip_is_answered_honestly(client, congress):
    body = client.get(REPS, {"zip": "20500"}).json()
    assert (body["precision"], body["code"], body["candidates"]) == ("none", "unknown_zip", [])


def test_lookup_needs_no_authentication_and_is_throttled(client, congress, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    rates = {**ScopedRateThrottle.THROTTLE_RATES, "lookup": "2/min"}
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
    statuses = [client.get(REPS, {"zip": "22046"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_legislator_list_filters_and_paginates(client, congress):
    body = client.get("/api/v1/legislators", {"state": "va", "chamber": "senate"}).json()
    assert body["count"] == 2
    assert {r["bioguide_id"] for r in body["results"]} == {
        congress["VA-sen-senior"].bioguide_id,
        congress["VA-sen-junior"].bioguide_id,
    }
    body = client.get("/api/v1/legislators", {"committee": "SSJU"}).json()
    assert [r["bioguide_id"] for r in body["results"]] == [congress["VA-sen-senior"].bioguide_id]
    committees = {m["committee"]["thomas_id"] for m in body["results"][0]["committees"]}
    assert committees == {"SSJU", "SSJU04"}


def test_legislator_list_rejects_bad_filters(client):
    response = client.get("/api/v1/legislators", {"chamber": "parliament", "state": "Virginia"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"chamber", "state"}


def test_legislator_detail_and_404(client, congress):
    bioguide = congress["va8"].bioguide_id
    body = client.get(f"/api/v1/legislators/{bioguide}").json()
    assert body["district"] == 8 and body["offices"][0]["city"] in {"Alexandria", "Richmond"}
    assert client.get("/api/v1/legislators/NOPE0000").status_code == 404


def test_api_does_a_fixed_number_of_queries(client, django_assert_num_queries):
    for district in range(1, 7):
        rep = LegislatorFactory(representative=True, state="NY", district=district)
        ZipDistrictFactory(zcta="10001", state="NY", district=district)
        DistrictOfficeFactory.create_batch(2, legislator=rep)
        CommitteeMembershipFactory.create_batch(2, legislator=rep)
    LegislatorFactory.create_batch(2, senator=True, state="NY")
    with django_assert_num_queries(4):
        assert len(client.get(REPS, {"zip": "10001"}).json()["candidates"]) == 6
    with django_assert_num_queries(4):  # count, page, offices, committees
        assert client.get("/api/v1/legislators", {"state": "NY"}).json()["count"] == 8


def test_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path in (
        "/api/v1/representatives",
        "/api/v1/legislators",
        "/api/v1/legislators/{bioguide_id}",
    ):
        assert path in schema["paths"]


def test_the_schema_documents_the_member_list_as_the_pages_it_answers(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    answer = schema["paths"]["/api/v1/legislators"]["get"]["responses"]["200"]
    reference = answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    page = schema["components"]["schemas"][reference]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])
    assert page["properties"]["results"]["type"] == "array"
