"""Who a letter goes to: always the supporter's own members (an office reads its own
constituents' mail), then only those on the campaign's committee or fixed list, in the
chambers it writes to; the same rule in the flow, the API and the builder."""

import pytest
from django.urls import reverse

from legislators.services.lookup import lookup_by_zip
from letters.models import Delivery, LetterAction
from letters.recipients import NotTargeted, letter_recipients, target_reach
from tests.legislators.factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    LegislatorFactory,
    members_of,
)
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import API_BODY, api_post
from tests.petitions.factories import PetitionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vermont():
    """A Vermont ZIP, its three members, and 22 senators of other states."""
    house, senior, junior = members_of(zip_code="05401", state="VT", district=0)
    others = [
        LegislatorFactory(senator=True, state=state, senate_class=number, last_name=f"Other{i}")
        for i, (state, number) in enumerate(
            (state, number)
            for state in ("NY", "CA", "TX", "FL", "OH", "PA", "MI", "GA", "NC", "WA", "AZ")
            for number in (1, 2)
        )
    ]
    return {"house": house, "senior": senior, "junior": junior, "others": others}


@pytest.fixture
def judiciary(vermont):
    committee = CommitteeFactory(thomas_id="SSJU", name="Senate Judiciary", type="senate")
    for member in [vermont["senior"], *vermont["others"]]:
        CommitteeMembershipFactory(committee=committee, legislator=member)
    return committee


def committee_letter(committee, **fields) -> LetterAction:
    return LetterActionFactory(targets="committee", committee=committee, **fields)


def test_a_committee_letter_goes_to_the_supporters_own_member_on_it_only(vermont, judiciary):
    action = committee_letter(judiciary)
    found = letter_recipients(action=action, lookup=lookup_by_zip("05401"))
    assert [r.legislator for r in found] == [vermont["senior"]]
    assert "Senate Judiciary" in found[0].why and "VT" in found[0].why


def test_a_supporter_with_no_member_on_the_committee_is_told_so(vermont, judiciary):
    members_of(zip_code="22201", state="VA", district=8)
    action = committee_letter(judiciary)
    with pytest.raises(NotTargeted) as refused:
        letter_recipients(action=action, lookup=lookup_by_zip("22201"))
    assert "yours are not among them" in refused.value.message
    assert {m.state for m in refused.value.members} == {"VA"}


def test_a_fixed_list_obeys_house_only_and_writes_only_to_the_supporters_members(vermont):
    action = LetterActionFactory(targets="fixed", chambers="house")
    action.fixed_legislators.set([vermont["house"], vermont["junior"], vermont["others"][0]])
    found = letter_recipients(action=action, lookup=lookup_by_zip("05401"))
    assert [r.legislator for r in found] == [vermont["house"]]  # not the listed senator


def test_a_fixed_list_of_other_states_reaches_nobody_here_and_says_why(vermont):
    action = LetterActionFactory(targets="fixed")
    action.fixed_legislators.set(vermont["others"][:3])
    with pytest.raises(NotTargeted):
        letter_recipients(action=action, lookup=lookup_by_zip("05401"))


def test_the_letter_page_explains_kindly_and_offers_the_other_actions(client, vermont, judiciary):
    members_of(zip_code="22201", state="VA", district=8)
    action = committee_letter(judiciary)
    PetitionFactory(campaign=action.campaign)
    start = reverse("letters:start", args=[action.campaign.slug])
    page = client.post(start, {"zip_code": "22201"}).content.decode()
    assert "This letter is not addressed to your members of Congress" in page
    assert "Thank you for wanting to write" in page
    assert "Sign the petition" in page and "#petition" in page
    assert reverse("signups:updates", args=[action.campaign.slug]) in page
    assert "no current member" not in page


def test_the_api_writes_to_the_own_committee_member_only(client, settings, vermont, judiciary):
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"
    action = committee_letter(judiciary)
    body = {**API_BODY, "state": "VT", "zip_code": "05401", "city": "Burlington"}
    response = api_post(client, action, body)
    assert response.status_code == 201, response.content
    assert list(Delivery.objects.values_list("office_code", flat=True)) == ["SVT01"]


def test_the_api_refuses_a_supporter_the_letter_does_not_write_to(client, settings, judiciary):
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"
    members_of(zip_code="22201", state="VA", district=8)
    response = api_post(client, committee_letter(judiciary))
    assert response.status_code == 400
    assert "not_targeted" in response.content.decode()
    assert not Delivery.objects.exists()


def test_an_empty_fixed_list_reaches_nobody():
    reach = target_reach(targets="fixed", chambers="both", fixed=[])
    assert not reach.reaches_someone
    assert "The fixed list is empty" in reach.problems[0]


def test_a_committee_of_the_other_chamber_reaches_nobody(vermont):
    house_committee = CommitteeFactory(thomas_id="HSJU", name="House Judiciary", type="house")
    CommitteeMembershipFactory(committee=house_committee, legislator=vermont["house"])
    reach = target_reach(targets="committee", chambers="senate", committee=house_committee)
    assert not reach.reaches_someone
    assert "House Judiciary" in reach.problems[0] and "Senate only" in reach.problems[0]


def test_a_fixed_list_that_contradicts_the_chamber_reaches_nobody(vermont):
    reach = target_reach(targets="fixed", chambers="house", fixed=[vermont["senior"]])
    assert "No member on the fixed list sits in the chamber" in reach.problems[0]


def test_a_partly_contradicting_list_is_kept_and_says_who_is_left_out(vermont):
    senior = vermont["senior"]
    reach = target_reach(targets="fixed", chambers="house", fixed=[vermont["house"], senior])
    assert reach.reaches_someone and reach.legislators == [vermont["house"]]
    assert senior.official_full_name in reach.notes[0]


def test_own_members_reach_every_current_member_of_the_chambers(vermont):
    reach = target_reach(targets="own", chambers="senate")
    assert reach.everyone and all(member.is_senator for member in reach.legislators)
    assert len(reach.legislators) == 24
