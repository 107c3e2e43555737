import json
import threading
import time

import pytest
from werkzeug import Response

from legislators.clients.census_geocoder import (
    CensusGeocoderClient,
    GeocodedDistrict,
    GeocoderNoMatch,
    GeocoderUnavailable,
)


@pytest.fixture
def census(fixtures_dir):
    """Geocoder answers in the Census Geocoder's response shape (tests/fixtures/census)."""

    def load(name: str) -> dict:
        return json.loads((fixtures_dir / "census" / name).read_text())

    return load


@pytest.fixture
def client(httpserver):
    return CensusGeocoderClient(
        base_url=httpserver.url_for("/geocoder"), total_timeout=1.0, max_attempts=2
    )


def test_match_reads_the_congressional_layer_whatever_its_congress_number(
    httpserver, client, census
):
    httpserver.expect_request(
        "/geocoder/geographies/onelineaddress",
        query_string={
            "address": "2300 hollow oak ct falls church va 22046",
            "benchmark": "Public_AR_Current",
            "vintage": "Current_Current",
            "layers": "54,80",
            "format": "json",
        },
    ).respond_with_json(census("geographies_onelineaddress_match_116th_cd_va08.json"))

    result = client.geographies_onelineaddress("2300 hollow oak ct falls church va 22046")

    assert result.districts == (GeocodedDistrict(state="VA", district=8, congress=116),)
    assert result.coordinates is not None


def test_state_comes_from_the_geography_not_the_postal_address(httpserver, client, census):
    # The postal address says "WASHINGTON, DC"; the building is in Maryland's 4th district.
    httpserver.expect_request("/geocoder/geographies/address").respond_with_json(
        census("geographies_onelineaddress_match_111th_cd_md04.json")
    )
    result = client.geographies_address(street="4200 Silver Park Dr", state="DC", zip_code="20233")
    assert result.districts == (GeocodedDistrict(state="MD", district=4, congress=111),)


def test_layer_that_came_back_as_an_error_object_gives_no_district_but_keeps_state(
    httpserver, client, census
):
    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_json(
        census("geographies_onelineaddress_layers-all_with_layer_errors_dc.json")
    )
    result = client.geographies_onelineaddress("1350 Harvard Terrace NW, Washington, DC")
    assert result.districts == ()
    assert result.states == ("DC",)


def test_no_address_match_raises_no_match(httpserver, client, census):
    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_json(
        census("geographies_onelineaddress_no_match.json")
    )
    with pytest.raises(GeocoderNoMatch):
        client.geographies_onelineaddress("99999 Nonexistent Fake St, Nowhere, ZZ 00000")


def test_server_errors_are_retried_then_reported_unavailable(httpserver, client):
    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_data(
        "Service Unavailable", status=503
    )
    with pytest.raises(GeocoderUnavailable):
        client.geographies_onelineaddress("1 Main St, Springfield, VA 22150")
    assert len(httpserver.log) == 2  # one retry, no more


def test_a_slow_service_is_abandoned_within_the_total_timeout(httpserver, client):
    release = threading.Event()

    def slow(request):
        release.wait(10)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_handler(slow)
    started = time.monotonic()
    try:
        with pytest.raises(GeocoderUnavailable):
            client.geographies_onelineaddress("1 Main St, Springfield, VA 22150")
        assert time.monotonic() - started < 2.0
    finally:
        release.set()  # let the test server answer and move on


def test_at_large_and_delegate_codes_are_normalized_to_zero(httpserver, client, census):
    payload = census("geographies_onelineaddress_match_116th_cd_va08.json")
    geographies = payload["result"]["addressMatches"][0]["geographies"]
    district = geographies.pop("116th Congressional Districts")[0]
    geographies["119th Congressional Districts"] = [
        {**{k: v for k, v in district.items() if k != "CD116"}, "CD119": "98", "CDSESSN": "119"}
    ]
    geographies["States"][0]["STUSAB"] = "DC"
    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_json(payload)

    result = client.geographies_onelineaddress("1 Main St")

    assert result.districts == (GeocodedDistrict(state="DC", district=0, congress=119),)
