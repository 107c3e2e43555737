"""A supporter finds their members of Congress in a real browser."""

import json

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_zip_that_spans_districts_asks_for_the_street_address(page, congress):
    page.goto("/")
    page.get_by_role("link", name="Find your representatives").first.click()
    page.get_by_label("ZIP code").fill("22150")
    page.get_by_role("button", name="Find my representatives").click()

    status = page.get_by_role("status")
    assert "spans 2 congressional districts" in status.inner_text()
    assert page.get_by_text(congress["va8"].official_full_name).count() == 1
    assert page.get_by_text(congress["va11"].official_full_name).count() == 1


def test_street_address_gives_one_member_with_a_phone_link(
    page, congress, httpserver, fixtures_dir, settings
):
    settings.CENSUS_GEOCODER_BASE_URL = httpserver.url_for("/geocoder")
    answer = fixtures_dir / "census" / "geographies_onelineaddress_match_119th_cd_va08.json"
    payload = json.loads(answer.read_text())
    httpserver.expect_request("/geocoder/geographies/address").respond_with_json(payload)

    page.goto("/representatives/")
    page.get_by_label("Street address").fill("2300 Hollow Oak Ct")
    page.get_by_label("City").fill("Falls Church")
    page.get_by_label("State").select_option("VA")
    page.get_by_label("ZIP code").fill("22046")
    page.get_by_role("button", name="Find my representatives").click()

    assert (
        "Your street address is in Virginia district 8" in page.get_by_role("status").inner_text()
    )
    rep = congress["va8"]
    phone = page.locator(f'a[href="tel:{rep.dc_phone_tel}"]')
    assert phone.inner_text() == rep.dc_phone
    # The address is not put into the URL (and so not into any access log).
    assert "Hollow" not in page.url
