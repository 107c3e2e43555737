"""The geocoder is asked only for the layers the lookup reads, and copes when their ids move."""

import json

import pytest
from werkzeug import Response

from legislators.clients.census_geocoder import CensusGeocoderClient, GeocodedDistrict


@pytest.fixture
def answer(fixtures_dir):
    def load(name: str) -> dict:
        return json.loads((fixtures_dir / "census" / name).read_text())

    return load


def _without_district_layers(payload: dict) -> dict:
    for match in payload["result"]["addressMatches"]:
        match["geographies"] = {
            name: layer
            for name, layer in match["geographies"].items()
            if "Congressional Districts" not in name
        }
    return payload


def test_only_the_congressional_district_and_state_layers_are_asked_for(httpserver, answer):
    asked = []

    def respond(request):
        asked.append(request.args["layers"])
        return Response(
            json.dumps(answer("geographies_onelineaddress_match_119th_cd_va08.json")),
            content_type="application/json",
        )

    httpserver.expect_request("/geocoder/geographies/address").respond_with_handler(respond)
    client = CensusGeocoderClient(base_url=httpserver.url_for("/geocoder"), total_timeout=1.0)
    result = client.geographies_address(street="2300 Hollow Oak Ct", zip_code="22046")
    assert asked == ["54,80"]
    assert result.districts == (GeocodedDistrict(state="VA", district=8, congress=119),)


def test_an_answer_without_a_district_layer_is_asked_again_for_every_layer(
    httpserver, answer, caplog
):
    asked = []

    def respond(request):
        asked.append(request.args["layers"])
        payload = answer("geographies_onelineaddress_match_119th_cd_va08.json")
        if request.args["layers"] != "all":  # the ids named other layers in this vintage
            payload = _without_district_layers(payload)
        return Response(json.dumps(payload), content_type="application/json")

    httpserver.expect_request("/geocoder/geographies/address").respond_with_handler(respond)
    client = CensusGeocoderClient(
        base_url=httpserver.url_for("/geocoder"), layers="12,14", total_timeout=1.0
    )
    result = client.geographies_address(street="2300 Hollow Oak Ct", zip_code="22046")
    assert asked == ["12,14", "all"]
    assert result.districts == (GeocodedDistrict(state="VA", district=8, congress=119),)
    assert "without a congressional district layer" in caplog.text


def test_an_errored_district_layer_is_not_asked_again(httpserver, answer):
    asked = []

    def respond(request):
        asked.append(request.args["layers"])
        payload = answer("geographies_onelineaddress_layers-all_with_layer_errors_dc.json")
        return Response(json.dumps(payload), content_type="application/json")

    httpserver.expect_request("/geocoder/geographies/address").respond_with_handler(respond)
    client = CensusGeocoderClient(base_url=httpserver.url_for("/geocoder"), total_timeout=1.0)
    client.geographies_address(street="1600 Pennsylvania Ave NW", zip_code="20500")
    assert asked == ["54,80"]
