import pytest
from django.urls import reverse

from movement.identity import identity_get
from tests.legislators.factories import (
    CommitteeMembershipFactory,
    DistrictOfficeFactory,
    LegislatorFactory,
    ZipDistrictFactory,
)

pytestmark = pytest.mark.django_db
FIND = "/representatives/"


@pytest.fixture(autouse=True)
def _identity_read(db):
    """Pages also read the movement's identity, which each process keeps for a while:
    read it first, so query counts are the pages' own."""
    identity_get()


def test_find_page_has_a_labelled_address_and_zip_form(client):
    html = client.get(FIND).content.decode()
    for field in ("id_street", "id_city", "id_state", "id_zip_code"):
        assert f'<label for="{field}">' in html
    assert 'method="post"' in html


def test_home_page_links_to_find_your_representatives(client):
    assert f'href="{FIND}"' in client.get("/").content.decode()


def test_zip_result_shows_contact_details_and_judiciary_membership(client, congress):
    html = client.post(FIND, {"zip_code": "22046"}).content.decode()
    senior = congress["VA-sen-senior"]
    assert "Your ZIP code is entirely in Virginia district 8" in html
    assert f'href="tel:{senior.dc_phone_tel}"' in html
    assert f'href="{senior.contact_form_url}"' in html
    assert f'href="{senior.website}"' in html
    assert "Committee on the Judiciary" in html
    assert "Committee on the Judiciary: Immigration (Chair)" in html
    assert "Alexandria, VA" in html  # nearest district office
    assert "Republican" in html or senior.party in html


def test_split_zip_result_lists_each_district_and_asks_for_the_street(client, congress):
    html = client.post(FIND, {"zip_code": "22150"}).content.decode()
    assert "Your ZIP code spans 2 congressional districts" in html
    assert congress["va8"].official_full_name in html
    assert congress["va11"].official_full_name in html


def test_puerto_rico_result_says_there_are_no_senators(client, congress):
    html = client.post(FIND, {"zip_code": "00901"}).content.decode()
    assert "Puerto Rico has no senators" in html
    assert "Resident Commissioner" in html


def test_empty_and_garbage_inputs_are_explained(client):
    html = client.post(FIND, {}).content.decode()
    assert "Enter your street address, or at least your ZIP code." in html
    html = client.post(FIND, {"zip_code": "K1A 0B1"}).content.decode()
    assert "outside the United States" in html


def test_result_page_does_a_fixed_number_of_queries(client, django_assert_num_queries):
    """One crosswalk query, one members query, two prefetches: however many members."""
    for district in range(1, 6):
        rep = LegislatorFactory(representative=True, state="CA", district=district)
        ZipDistrictFactory(zcta="90001", state="CA", district=district)
        DistrictOfficeFactory(legislator=rep)
        CommitteeMembershipFactory(legislator=rep)
    LegislatorFactory.create_batch(2, senator=True, state="CA")
    with django_assert_num_queries(4):
        response = client.post(FIND, {"zip_code": "90001"})
    assert response.content.decode().count('class="card member-card"') == 7


def test_directory_filters_by_state_chamber_and_committee(client, congress):
    url = reverse("legislators:legislator-list")
    html = client.get(url, {"state": "VA", "chamber": "senate"}).content.decode()
    assert congress["VA-sen-senior"].official_full_name in html
    assert congress["va8"].official_full_name not in html
    html = client.get(url, {"committee": "SSJU"}).content.decode()
    assert congress["VA-sen-senior"].official_full_name in html
    assert congress["VA-sen-junior"].official_full_name not in html


def test_directory_does_a_fixed_number_of_queries(client, django_assert_num_queries):
    LegislatorFactory.create_batch(30, representative=True, state="TX")
    with django_assert_num_queries(3):  # committees for the filter, count, page
        response = client.get(reverse("legislators:legislator-list"))
    assert response.status_code == 200


def test_detail_page_shows_offices_committees_and_former_members(client, congress):
    senior = congress["VA-sen-senior"]
    with_queries = client.get(senior.get_absolute_url()).content.decode()
    assert "Immigration" in with_queries and "Senator" in with_queries
    former = LegislatorFactory(representative=True, is_current=False)
    assert "No longer serving" in client.get(former.get_absolute_url()).content.decode()
    assert client.get("/legislators/NOPE0000/").status_code == 404


def test_detail_page_does_a_fixed_number_of_queries(client, django_assert_num_queries):
    rep = LegislatorFactory(representative=True)
    DistrictOfficeFactory.create_batch(5, legislator=rep)
    CommitteeMembershipFactory.create_batch(5, legislator=rep)
    with django_assert_num_queries(3):
        client.get(rep.get_absolute_url())
