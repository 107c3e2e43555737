"""The call page: whom to call, with a script, and the outcomes a caller reports."""

import pytest
from django.urls import reverse

from calls.models import CallLog
from legislators.models import Legislator
from metrics.totals import campaign_totals
from tests.calls.factories import CallActionFactory
from tests.legislators.factories import DistrictOfficeFactory, members_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_action():
    house, senior, junior = members_of()
    DistrictOfficeFactory(
        legislator=house, city="Arlington", zip_code="22203", phone="703-555-0100"
    )
    DistrictOfficeFactory(legislator=house, city="Richmond", zip_code="23219", phone="804-555-0100")
    return CallActionFactory()


def test_call_page_lists_members_with_tel_links_and_a_nearby_office(client, call_action):
    url = reverse("calls:call", args=[call_action.campaign.slug])
    page = client.get(url, {"zip": "22201"}).content.decode()
    assert "Hello, I&#x27;m calling Representative Hana Doe from VA." in page
    assert 'href="tel:+1703555' in page  # Arlington office, nearest to 22201
    assert "804-555-0100" not in page
    assert page.count('href="tel:+1202') == 3  # each member's Washington office


def test_call_outcome_counts_toward_totals(client, call_action):
    url = reverse("calls:call", args=[call_action.campaign.slug])
    house = Legislator.objects.get(last_name="Doe")
    client.post(url, {"zip": "22201", "legislator": house.bioguide_id, "outcome": "reached"})
    client.post(url, {"zip": "22201", "legislator": house.bioguide_id, "outcome": "voicemail"})
    assert CallLog.objects.count() == 2
    totals = campaign_totals(call_action.campaign_id)
    assert totals["calls"] == 2
    assert totals["calls_reached"] == 1
    assert totals["calls_voicemail"] == 1
