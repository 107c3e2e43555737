import pytest

from legislators.models import Committee
from legislators.selectors import (
    committee_members,
    legislator_get,
    legislator_list,
    zip_districts,
)
from tests.legislators.factories import (
    CommitteeMembershipFactory,
    LegislatorFactory,
    ZipDistrictFactory,
)

pytestmark = pytest.mark.django_db


def test_zip_districts_lists_every_district_of_a_split_zip_sorted():
    ZipDistrictFactory(zcta="35005", state="AL", district=7)
    ZipDistrictFactory(zcta="35005", state="AL", district=6)
    assert zip_districts("35005") == [("AL", 6), ("AL", 7)]


def test_zip_districts_accepts_zip_plus_four():
    ZipDistrictFactory(zcta="22150", state="VA", district=8)
    assert zip_districts("22150-1234") == [("VA", 8)]


def test_zip_districts_of_unknown_or_malformed_zip_is_empty():
    ZipDistrictFactory(zcta="22150", state="VA", district=8)
    assert zip_districts("99999") == []
    assert zip_districts("2215") == []
    assert zip_districts("SW1A 1AA") == []


def test_zip_districts_of_cross_state_zip_lists_both_states():
    ZipDistrictFactory(zcta="30165", state="GA", district=14)
    ZipDistrictFactory(zcta="30165", state="AL", district=3)
    assert zip_districts("30165") == [("AL", 3), ("GA", 14)]


def test_factories_build_a_senator_and_a_representative():
    senator = LegislatorFactory(senator=True, state="WY")
    rep = LegislatorFactory(representative=True, state="WY", district=0)
    assert senator.district is None and senator.is_senator
    assert rep.seat_label == "WY at-large"


def test_committee_members_include_subcommittees_only_when_asked(congress):
    senior = congress["VA-sen-senior"]
    only_sub = LegislatorFactory(senator=True, state="GA", last_name="subonly")
    CommitteeMembershipFactory(
        committee=Committee.objects.get(thomas_id="SSJU04"), legislator=only_sub
    )
    assert list(committee_members("SSJU")) == [senior]
    assert set(committee_members("SSJU", include_subcommittees=True)) == {senior, only_sub}


def test_former_members_are_left_out_of_lists_unless_asked(congress):
    former = LegislatorFactory(representative=True, state="VA", district=8, is_current=False)
    assert former not in legislator_list(state="VA")
    assert former in legislator_list(state="VA", current=None)
    assert legislator_get(former.bioguide_id) == former
    assert legislator_get("NOBODY") is None
