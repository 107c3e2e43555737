"""Answers prepared by the import: the same bytes as built from the tables, cacheable over
HTTP, and replaced whole by the next import."""

import gzip

import pytest
from django.db import DataError
from django.utils import translation

from actioncenter.caching import ProcessCache
from legislators.api.answers import address_answer, render_lookup
from legislators.models import AnswerSet, ZipDistrict
from legislators.prepared import current_answer_book
from legislators.services.answer_sets import answer_set_prepare
from legislators.services.importer import legislators_import
from legislators.services.lookup import _result_for_seats, lookup_by_zip
from legislators.states import TERRITORY_ZIP_RANGES
from tests.legislators.factories import (
    CommitteeMembershipFactory,
    DistrictOfficeFactory,
    LegislatorFactory,
)
from tests.legislators.source_files import default_people, person, write_source

pytestmark = pytest.mark.django_db
REPS = "/api/v1/representatives"
LANGUAGES = ["en", "es"]


@pytest.fixture
def prepared(congress):
    """The test Congress with more offices and committees, and its answers prepared."""
    DistrictOfficeFactory(legislator=congress["va11"], zip_code="22150", phone="")
    DistrictOfficeFactory(legislator=congress["va11"], zip_code="20147", latitude=None)
    DistrictOfficeFactory(legislator=congress["GA-sen-junior"], city="Atlanta", zip_code="30303")
    CommitteeMembershipFactory(legislator=congress["al3"], title="Vice Chair")
    answer_set_prepare()
    return congress


def every_zip() -> list[str]:
    territories = [
        f"{number:05d}"
        for first, last, _code in TERRITORY_ZIP_RANGES
        for number in range(int(first), int(last) + 1)
    ]
    known = set(ZipDistrict.objects.values_list("zcta", flat=True))
    return sorted(known | set(territories) | {"20500", "99999"})


def fresh_tables_answer(zip5: str) -> bytes:
    ProcessCache.clear_all()
    return render_lookup(lookup_by_zip(zip5))


@pytest.mark.parametrize("language", LANGUAGES)
def test_prepared_answer_of_every_zip_is_the_answer_built_from_the_tables(prepared, language):
    book = current_answer_book()
    with translation.override(language):
        for zip5 in every_zip():
            assert book.zip_answer(zip5, language).body == fresh_tables_answer(zip5), zip5


@pytest.mark.parametrize("language", LANGUAGES)
def test_prepared_answer_of_every_district_an_address_resolves_to_is_the_same(prepared, language):
    seats = [("VA", 8), ("VA", 11), ("AL", 3), ("GA", 14), ("WY", 0), ("DC", 0), ("PR", 0)]
    seats += [("GU", 0), ("FL", 20)]  # no crosswalk row; a vacant seat
    with translation.override(language):
        for seat in seats:
            for point in [(38.8, -77.1), (33.7, -84.4), None]:
                result = _result_for_seats([seat], precision="address", zip5="22150", point=point)
                assert address_answer(result) == render_lookup(result), (seat, point)


def test_api_sends_the_prepared_answer_without_queries_once_warm(
    client, prepared, django_assert_num_queries
):
    first = client.get(REPS, {"zip": "22150"})
    with django_assert_num_queries(0):
        again = client.get(REPS, {"zip": "22150-1234"})
    assert again.content == first.content == fresh_tables_answer("22150")
    assert again.json()["code"] == "split"


def test_zip_answer_has_a_strong_etag_and_may_be_cached(client, prepared):
    response = client.get(REPS, {"zip": "22046"})
    etag = response["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response["Cache-Control"] == "public, max-age=3600"
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert client.get(REPS, {"zip": "22046"})["ETag"] == etag
    assert client.get(REPS, {"zip": "22150"})["ETag"] != etag


def test_matching_if_none_match_is_answered_304_without_a_body(client, prepared):
    etag = client.get(REPS, {"zip": "22046"})["ETag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = client.get(REPS, {"zip": "22046"}, HTTP_IF_NONE_MATCH=header)
        assert (response.status_code, response.content) == (304, b""), header
        assert response["ETag"] == etag
    assert client.get(REPS, {"zip": "22046"}, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_each_language_has_its_own_answer_and_etag(client, prepared):
    english = client.get(REPS, {"zip": "22150"}, HTTP_ACCEPT_LANGUAGE="en")
    spanish = client.get(REPS, {"zip": "22150"}, HTTP_ACCEPT_LANGUAGE="es")
    assert english["ETag"] != spanish["ETag"]
    assert spanish["Content-Language"] == "es"
    with translation.override("es"):
        assert spanish.content == fresh_tables_answer("22150")
    assert (
        client.get(
            REPS, {"zip": "22150"}, HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=english["ETag"]
        ).status_code
        == 200
    )


def test_address_answers_are_not_kept_by_any_cache(client, prepared, httpserver, settings):
    settings.CENSUS_GEOCODER_BASE_URL = httpserver.url_for("/geocoder")
    httpserver.expect_request("/geocoder/geographies/onelineaddress").respond_with_data(
        "down", status=503
    )
    response = client.get(REPS, {"address": "1 Main St, Springfield"})
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_find_page_with_a_zip_shows_the_prepared_answer(client, prepared):
    html = client.get("/representatives/", {"zip": "22150"}).content.decode()
    assert "Your ZIP code spans 2 congressional districts" in html
    assert prepared["va8"].official_full_name in html
    assert prepared["va11"].official_full_name in html
    assert "Committee on the Judiciary: Immigration (Chair)" in html
    assert html.count('class="card member-card"') == 4
    assert 'value="22150"' in html


def test_find_page_with_a_bad_zip_explains_it(client, prepared):
    html = client.get("/representatives/", {"zip": "K1A 0B1"}).content.decode()
    assert "outside the United States" in html
    assert "Who represents you" not in html


def test_find_page_answers_from_the_tables_before_any_import(client, congress):
    html = client.get("/representatives/", {"zip": "00901"}).content.decode()
    assert "Puerto Rico has no senators" in html


# --- Replacing the answers ----------------------------------------------------------------


def test_reimport_with_changed_data_changes_the_answer_and_its_etag(client, tmp_path):
    legislators_import(source=str(write_source(tmp_path / "old")))
    before = client.get(REPS, {"zip": "22046"})
    people = default_people()
    people[0]["terms"][-1]["phone"] = "202-225-9999"

    legislators_import(source=str(write_source(tmp_path / "new", people=people)))

    after = client.get(REPS, {"zip": "22046"})
    assert after["ETag"] != before["ETag"]
    assert b"202-225-9999" in after.content and b"202-225-9999" not in before.content
    stale = client.get(REPS, {"zip": "22046"}, HTTP_IF_NONE_MATCH=before["ETag"])
    assert stale.status_code == 200
    assert AnswerSet.objects.filter(is_current=True).count() == 1


def test_reimport_of_the_same_data_keeps_the_answers_and_their_etags(client, tmp_path):
    source = str(write_source(tmp_path / "src"))
    legislators_import(source=source)
    version = AnswerSet.objects.get(is_current=True).version
    etag = client.get(REPS, {"zip": "22150"})["ETag"]

    legislators_import(source=source)

    assert AnswerSet.objects.get().version == version
    assert client.get(REPS, {"zip": "22150"}, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_failed_import_leaves_the_old_answers_served(client, tmp_path):
    legislators_import(source=str(write_source(tmp_path / "good")))
    before = client.get(REPS, {"zip": "22150"})
    people = [*default_people(), person("R000009", "N" * 100, "Toolong", district=11)]
    people[0]["terms"][-1]["phone"] = "202-225-5555"

    with pytest.raises(DataError):
        legislators_import(source=str(write_source(tmp_path / "bad", people=people)))

    ProcessCache.clear_all()  # another process, which never saw the failed import
    after = client.get(REPS, {"zip": "22150"})
    assert (after.content, after["ETag"]) == (before.content, before["ETag"])
    assert b"202-225-5555" not in after.content


def test_a_seat_filled_by_reimport_is_answered_at_once(client, tmp_path):
    people = [p for p in default_people() if p["id"]["bioguide"] != "R000002"]
    legislators_import(source=str(write_source(tmp_path / "old", people=people)))
    assert client.get(REPS, {"zip": "22150"}).json()["candidates"][1]["representative"] is None

    legislators_import(source=str(write_source(tmp_path / "new")))

    candidate = client.get(REPS, {"zip": "22150"}).json()["candidates"][1]
    assert candidate["representative"]["bioguide_id"] == "R000002"


def test_new_members_written_after_the_import_wait_for_the_next_one(client, tmp_path):
    legislators_import(source=str(write_source(tmp_path / "src")))
    answer = client.get(REPS, {"zip": "22150"}).content
    LegislatorFactory(representative=True, state="VA", district=11, last_name="Direct")
    ProcessCache.clear_all()
    assert client.get(REPS, {"zip": "22150"}).content == answer


def test_a_client_that_accepts_gzip_gets_the_same_answer_in_fewer_bytes(client, prepared):
    import gzip

    zip_code = "22046"
    plain = client.get(REPS, {"zip": zip_code})
    packed = client.get(REPS, {"zip": zip_code}, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    assert packed["ETag"] != plain["ETag"]  # another representation, its own strong tag
    assert "Accept-Encoding" in packed["Vary"]
    for etag in (packed["ETag"], plain["ETag"]):
        again = client.get(
            REPS,
            {"zip": zip_code},
            HTTP_ACCEPT_ENCODING="gzip",
            HTTP_IF_NONE_MATCH=etag,
        )
        assert again.status_code == 304
    refused = client.get(REPS, {"zip": zip_code}, HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert "Content-Encoding" not in refused


def test_a_partner_page_may_read_the_answer_and_every_answer_varies_on_origin(
    client, prepared, settings
):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    plain = client.get(REPS, {"zip": "22046"})
    assert "Access-Control-Allow-Origin" not in plain
    assert "origin" in plain["Vary"].lower()  # a shared cache keeps the two apart
    partner = client.get(REPS, {"zip": "22046"}, HTTP_ORIGIN="https://partner.example.org")
    assert partner["Access-Control-Allow-Origin"] == "https://partner.example.org"
    assert partner.content == plain.content
    other = client.get(REPS, {"zip": "22046"}, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_an_answer_asked_again_is_the_same_answer_in_each_representation(client, prepared):
    first = client.get(REPS, {"zip": "22046"}, HTTP_ACCEPT_ENCODING="gzip")
    again = client.get(REPS, {"zip": "22046"}, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(REPS, {"zip": "22046"})
    assert (again.content, again["ETag"]) == (first.content, first["ETag"])
    assert first["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(first.content) == plain.content
    # A gzip client may send back either ETag: both name the answer it already has.
    for etag in (first["ETag"], plain["ETag"]):
        again = client.get(
            REPS, {"zip": "22046"}, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_ENCODING="gzip"
        )
        assert again.status_code == 304
    plain_again = client.get(REPS, {"zip": "22046"}, HTTP_IF_NONE_MATCH=plain["ETag"])
    assert plain_again.status_code == 304
