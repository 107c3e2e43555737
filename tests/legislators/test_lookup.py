import json
import logging

import pytest

from actioncenter.exceptions import ApplicationError
from legislators.services.lookup import lookup_by_address, lookup_by_zip
from tests.legislators.factories import LegislatorFactory

pytestmark = pytest.mark.django_db


def names(legislators):
    return [member.last_name for member in legislators]


def test_single_district_zip_is_certain_with_member_and_both_senators(congress):
    result = lookup_by_zip("22046")
    assert (result.precision, result.certain, result.state, result.district) == (
        "zip",
        True,
        "VA",
        8,
    )
    assert names(result.representatives) == ["va8"]
    assert names(result.senators) == ["VA-sen-senior", "VA-sen-junior"]
    assert result.senators_certain
    assert names(result.members_if_certain()) == ["va8", "VA-sen-senior", "VA-sen-junior"]
    assert "Virginia district 8" in result.message


def test_split_zip_lists_every_candidate_and_asks_for_a_street_address(congress):
    result = lookup_by_zip("22150")
    assert not result.certain and result.district is None
    assert [(c.state, c.district) for c in result.candidates] == [("VA", 8), ("VA", 11)]
    assert names(result.representatives) == ["va8", "va11"]
    assert result.senators_certain  # both districts are in Virginia
    assert "2 congressional districts" in result.message
    assert "street address" in result.message
    with pytest.raises(ApplicationError) as error:
        result.members_if_certain()
    assert error.value.code == "district_uncertain"


def test_cross_state_zip_lists_both_states_and_their_senators(congress):
    result = lookup_by_zip("30165")
    assert [(c.state, c.district) for c in result.candidates] == [("AL", 3), ("GA", 14)]
    assert result.state is None and not result.senators_certain
    assert len(result.senators) == 4
    assert "Alabama and Georgia" in result.message


def test_at_large_state_zip_is_district_zero(congress):
    result = lookup_by_zip("82001")
    assert (result.certain, result.district) == (True, 0)
    assert names(result.representatives) == ["wy"]
    assert len(result.senators) == 2
    assert "at-large" in result.message


@pytest.mark.parametrize(
    ("zip_code", "member", "place", "title"),
    [
        ("20001", "dc", "District of Columbia", "Delegate"),
        ("00901", "pr", "Puerto Rico", "Resident Commissioner"),
        ("96910", "gu", "Guam", "Delegate"),  # no ZCTA: known by its published ZIP range
    ],
)
def test_dc_and_territories_have_their_delegate_and_no_senators(
    congress, zip_code, member, place, title
):
    result = lookup_by_zip(zip_code)
    assert result.certain and result.district == 0
    assert names(result.representatives) == [member]
    assert result.senators == []
    assert result.candidates[0].member_title == title
    assert f"{place} has no senators" in result.message


def test_zip_plus_four_uses_the_five_digit_zip(congress):
    assert lookup_by_zip("22046-1234").district == 8
    assert lookup_by_zip(" 220461234 ").district == 8


def test_unknown_zip_says_so(congress):
    result = lookup_by_zip("20500")
    assert (result.precision, result.code, result.candidates) == ("none", "unknown_zip", [])
    assert "We don't know the ZIP code 20500" in result.message


@pytest.mark.parametrize("value", ["K1A 0B1", "SW1A 1AA", "110001", "100-0001"])
def test_postal_codes_from_other_countries_get_their_own_message(value):
    result = lookup_by_zip(value)
    assert result.code == "non_us"
    assert "outside the United States" in result.message


@pytest.mark.parametrize("value", ["", "hello", "1234", "123456789012", "<script>"])
def test_garbage_gets_a_message_asking_for_a_zip(value):
    result = lookup_by_zip(value)
    assert result.code == "invalid_zip"
    assert "5-digit ZIP code" in result.message


def test_vacant_seat_is_reported_as_vacant(congress):
    result = lookup_by_zip("33101")
    assert result.certain and result.candidates[0].representative is None
    assert "vacant" in result.message


def test_nearest_district_office_is_chosen_by_zip(congress):
    result = lookup_by_zip("22046")
    assert result.nearest_offices[congress["va8"].bioguide_id].city == "Alexandria"


def test_repeated_lookup_is_served_from_the_cache(congress, django_assert_num_queries):
    lookup_by_zip("22150")
    with django_assert_num_queries(0):
        assert len(lookup_by_zip("22150-0001").candidates) == 2


def test_import_invalidates_cached_answers(congress):
    from legislators.cache import bump_data_version

    assert names(lookup_by_zip("22046").representatives) == ["va8"]
    congress["va8"].is_current = False
    congress["va8"].save()
    LegislatorFactory(representative=True, state="VA", district=8, last_name="successor")
    bump_data_version()  # what every import does after commit
    assert names(lookup_by_zip("22046").representatives) == ["successor"]


# --- By address ----------------------------------------------------------------------------


@pytest.fixture
def geocoder(httpserver, settings, fixtures_dir):
    settings.CENSUS_GEOCODER_BASE_URL = httpserver.url_for("/geocoder")
    settings.CENSUS_GEOCODER_TIMEOUT_SECONDS = 1.0
    settings.GEOCODER_BREAKER_FAILURES = 2
    settings.GEOCODER_BREAKER_COOLDOWN_SECONDS = 60

    def sample(name: str) -> dict:
        return json.loads((fixtures_dir / "census" / name).read_text())

    httpserver.sample = sample
    return httpserver


def test_street_address_is_certain(congress, geocoder):
    geocoder.expect_request("/geocoder/geographies/address").respond_with_json(
        geocoder.sample("geographies_onelineaddress_match_119th_cd_va08.json")
    )
    result = lookup_by_address(street="2300 Hollow Oak Ct", city="Falls Church", zip_code="22150")
    assert (result.precision, result.certain, result.district, result.fell_back) == (
        "address",
        True,
        8,
        False,
    )
    assert names(result.representatives) == ["va8"]
    assert "Your street address is in Virginia district 8" in result.message


def test_old_district_maps_fall_back_to_the_zip_and_are_reported(congress, geocoder, client):
    # The 116th Congress's districts, from a geocoder whose vintage is out of date.
    geocoder.expect_request("/geocoder/geographies/address").respond_with_json(
        geocoder.sample("geographies_onelineaddress_match_116th_cd_va08.json")
    )
    result = lookup_by_address(street="2300 Hollow Oak Ct", city="Falls Church", zip_code="22150")
    assert (result.precision, result.fell_back) == ("zip", True)
    assert result.fallback_reason == "stale_districts"
    assert "old district maps" in result.message
    health = client.get("/healthz").json()
    assert (health["status"], health["geocoder"]) == ("degraded", "stale")


def test_one_line_address_with_layer_error_in_dc_is_still_certain(congress, geocoder):
    geocoder.expect_request("/geocoder/geographies/onelineaddress").respond_with_json(
        geocoder.sample("geographies_onelineaddress_layers-all_with_layer_errors_dc.json")
    )
    result = lookup_by_address(street="1350 Harvard Terrace NW, Washington, DC")
    assert result.certain and names(result.representatives) == ["dc"]


def test_no_match_falls_back_to_the_zip_and_says_it_is_less_precise(congress, geocoder):
    geocoder.expect_request("/geocoder/geographies/address").respond_with_json(
        geocoder.sample("geographies_onelineaddress_no_match.json")
    )
    result = lookup_by_address(street="99999 Nonexistent Fake St", zip_code="22150")
    assert result.fell_back and result.precision == "zip"
    assert len(result.candidates) == 2
    assert "less precise" in result.message


def test_po_box_is_not_sent_to_the_geocoder(congress, geocoder):
    result = lookup_by_address(street="P.O. Box 123", zip_code="22046")
    assert result.fell_back and result.district == 8
    assert "PO box" in result.message
    assert len(geocoder.log) == 0


def test_outage_falls_back_and_opens_the_circuit_breaker(congress, geocoder, caplog):
    geocoder.expect_request("/geocoder/geographies/address").respond_with_data("down", status=503)
    street = "2300 Hollow Oak Ct"
    with caplog.at_level(logging.DEBUG):
        for _attempt in range(2):
            result = lookup_by_address(street=street, zip_code="22046")
            assert result.fell_back and result.district == 8
            assert "not answering" in result.message
    calls = len(geocoder.log)
    result = lookup_by_address(street="1 Other St", zip_code="22046")  # breaker open now
    assert result.fell_back and len(geocoder.log) == calls
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "Hollow" not in logged and "22046" not in logged


def test_address_without_zip_that_cannot_be_matched_asks_to_check_it(congress, geocoder):
    geocoder.expect_request("/geocoder/geographies/onelineaddress").respond_with_json(
        geocoder.sample("geographies_onelineaddress_no_match.json")
    )
    result = lookup_by_address(street="99999 Nonexistent Fake St, Nowhere")
    assert (result.precision, result.code) == ("none", "address_not_found")


def test_cached_answers_expire_after_the_configured_time(
    congress, settings, django_assert_num_queries
):
    settings.LOOKUP_CACHE_SECONDS = 0
    lookup_by_zip("22046")
    with django_assert_num_queries(4):
        lookup_by_zip("22046")
