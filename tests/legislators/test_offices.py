"""How a letter names and greets a member of Congress."""

import pytest

from legislators.offices import legislator_values
from tests.legislators.factories import LegislatorFactory

pytestmark = pytest.mark.django_db


def test_a_letter_greets_a_member_by_title_and_last_name_and_names_them_as_they_go_by():
    senator = LegislatorFactory(
        senator=True, state="VA", senate_class=1, first_name="Timothy", nickname="Tim",
        last_name="Kaine",
    )  # fmt: skip
    values = legislator_values(senator)
    assert values["legislator.salutation"] == "Senator Kaine"
    assert values["legislator.formal_name"] == "Senator Tim Kaine"


def test_without_a_nickname_the_first_name_is_used():
    member = LegislatorFactory(
        representative=True, state="PR", district=0, first_name="Pablo", last_name="Hernández"
    )
    values = legislator_values(member)
    assert values["legislator.formal_name"] == "Resident Commissioner Pablo Hernández"
    assert values["legislator.salutation"] == "Resident Commissioner Hernández"
