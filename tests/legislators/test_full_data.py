"""The real reference data, imported end to end (needs ACTIONCENTER_TEST_DATA)."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from legislators.models import Legislator, ZipDistrict
from legislators.services.lookup import lookup_by_zip
from legislators.states import STATES

pytestmark = [pytest.mark.needs_shared_data, pytest.mark.django_db]
# A seat can fall vacant between elections; a handful is normal, more means bad data.
MAX_VACANT_SEATS = 6


@pytest.fixture
def imported(shared_data_dir):
    out = StringIO()
    call_command("load_legislators", "--source", str(shared_data_dir), stdout=out)
    return out.getvalue()


def test_full_import_has_100_senators_two_per_state(imported):
    senators = Counter(
        Legislator.objects.filter(chamber="senate", is_current=True).values_list("state", flat=True)
    )
    assert sum(senators.values()) == 100
    states = {s.code for s in STATES if s.senators == 2}
    assert {state: senators.get(state, 0) for state in states} == dict.fromkeys(states, 2)


def test_every_crosswalk_district_has_a_member_except_vacant_seats(imported):
    seats = set(ZipDistrict.objects.values_list("state", "district").distinct())
    members = set(
        Legislator.objects.filter(chamber="house", is_current=True).values_list("state", "district")
    )
    vacant = sorted(f"{state}-{district}" for state, district in seats - members)
    assert len(seats) >= 437
    assert len(vacant) <= MAX_VACANT_SEATS, f"crosswalk districts without a member: {vacant}"


def test_full_import_is_repeatable_and_answers_real_zips(imported, shared_data_dir):
    out = StringIO()
    call_command("load_legislators", "--source", str(shared_data_dir), stdout=out)
    assert "0 added, 0 updated, 0 retired" in out.getvalue()
    assert "(0 added, 0 removed)" in out.getvalue()
    cross_state = lookup_by_zip("30165")
    assert cross_state.states == ["AL", "GA"] and not cross_state.senators_certain
    assert lookup_by_zip("57430").states == ["ND", "SD"]  # the supplement is loaded too
    assert lookup_by_zip("00901").representatives[0].role_title == "Resident Commissioner"
