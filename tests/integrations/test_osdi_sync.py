"""A partner's system syncs incrementally: `filter=modified_date gt '…'` on every collection.

Also: people carry what a partner's CRM needs (email status, town, phone), and the
`curies` of every answer lead to this site's own pages about each resource.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from campaigns.models import Supporter
from letters.models import Delivery
from petitions.models import Signature
from signups.models import UpdatesSubscription
from staff.roles import REPORTER
from tests.staff.factories import UserFactory, letter_campaign, petition_campaign, sign

pytestmark = pytest.mark.django_db

EARLY = dt.datetime(2026, 1, 10, 12, 0, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 2, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def api(client):
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    client.defaults["HTTP_OSDI_API_TOKEN"] = token.key
    return client


def _embedded(api, url, rel, **params):
    response = api.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["_embedded"][f"osdi:{rel}"]


def _signatures_at(campaign, *moments):
    for number, moment in enumerate(moments):
        signature = sign(campaign, email=f"s{number}@example.org")
        Signature.objects.filter(pk=signature.pk).update(created_at=moment)
        Supporter.objects.filter(pk=signature.supporter_id).update(
            created_at=moment, updated_at=moment
        )


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("modified_date gt '2026-02-01T00:00:00Z'", 1),
        ("modified_date lt '2026-02-01'", 1),
        ("created_date ge '2026-01-10T12:00:00Z'", 2),
        ("created_date eq '2026-01-10T12:00:00Z'", 1),
        ("modified_date gt '2026-01-01' and modified_date lt '2026-03-01'", 2),
        ("modified_date gt '2026-03-01T00:00:00+00:00'", 0),
    ],
)
def test_signatures_and_people_are_filtered_by_their_dates(api, clause, expected):
    campaign = petition_campaign()
    _signatures_at(campaign, EARLY, LATE)
    url = reverse("osdi:petition-signatures", args=[campaign.pk])
    assert len(_embedded(api, url, "signatures", filter=clause)) == expected
    assert len(_embedded(api, reverse("osdi:people"), "people", filter=clause)) == expected


def test_the_next_page_continues_the_same_filtered_sync(api):
    campaign = petition_campaign()
    _signatures_at(campaign, EARLY, LATE, LATE, LATE)
    url = reverse("osdi:petition-signatures", args=[campaign.pk])
    clause = "modified_date gt '2026-02-01T00:00:00Z'"
    first = api.get(url, {"filter": clause, "per_page": 2}).json()
    assert first["total_records"] == 3
    second = api.get(first["_links"]["next"]["href"]).json()
    assert len(second["_embedded"]["osdi:signatures"]) == 1
    assert second["total_records"] == 3


def test_an_outreach_is_modified_when_a_delivery_to_one_of_its_offices_ends(api):
    campaign, delivery = letter_campaign()
    url = reverse("osdi:advocacy-campaign-outreaches", args=[campaign.pk])
    since = timezone.now() + dt.timedelta(seconds=5)
    clause = f"modified_date gt '{since:%Y-%m-%dT%H:%M:%SZ}'"
    assert _embedded(api, url, "outreaches", filter=clause) == []
    Delivery.objects.filter(pk=delivery.pk).update(
        status="sent",
        sent_at=since + dt.timedelta(seconds=5),
        finished_at=since + dt.timedelta(seconds=5),
    )
    [outreach] = _embedded(api, url, "outreaches", filter=clause)
    assert outreach["targets"][0]["delivery_status"] == "sent"


def test_campaign_collections_take_the_filter_too(api):
    petition = petition_campaign()
    letter, _delivery = letter_campaign()
    clause = "created_date gt '2000-01-01'"
    assert len(_embedded(api, reverse("osdi:petitions"), "petitions", filter=clause)) == 1
    advocacy = _embedded(
        api, reverse("osdi:advocacy-campaigns"), "advocacy_campaigns", filter=clause
    )
    assert [item["name"] for item in advocacy] == [letter.slug]
    assert (
        _embedded(
            api, reverse("osdi:petitions"), "petitions", filter="created_date gt '2999-01-01'"
        )
        == []
    )
    assert petition.pk


@pytest.mark.parametrize(
    "clause",
    [
        "modified_date after '2026-01-01'",
        "name eq 'x'",
        "modified_date gt 2026-01-01",
        "modified_date gt 'yesterday'",
        "modified_date gt '2026-01-01' or created_date lt '2026-02-01'",
    ],
)
def test_a_filter_this_api_cannot_honour_is_a_400_not_the_whole_collection(api, clause):
    response = api.get(reverse("osdi:people"), {"filter": clause})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/hal+json")
    error = response.json()["osdi:error"]
    assert error["resource_status"][0]["error_descriptions"][0]["properties"] == ["filter"]


def test_a_person_carries_email_status_town_region_and_phone(api):
    campaign, delivery = letter_campaign()
    letter = delivery.letter
    letter.phone = "802-555-0147"
    letter.save()
    person = api.get(reverse("osdi:person", args=[letter.supporter_id])).json()
    assert person["email_addresses"][0]["status"] == "unsubscribed"
    assert person["phone_numbers"] == [{"primary": True, "number": "802-555-0147"}]
    [address] = person["postal_addresses"]
    assert address["locality"] == "New York"
    assert address["region"] == "NY"
    assert address["postal_code"] == "10001"
    assert "address_lines" not in address
    subscription = UpdatesSubscription.objects.create(
        supporter_id=letter.supporter_id,
        campaign=campaign,
        status=UpdatesSubscription.Status.CONFIRMED,
        confirmed_at=timezone.now() + dt.timedelta(seconds=5),
    )
    person = api.get(reverse("osdi:person", args=[letter.supporter_id])).json()
    assert person["email_addresses"][0]["status"] == "subscribed"
    # Confirming moves the person's modified_date, so an incremental sync sees it.
    assert person["modified_date"] == f"{subscription.confirmed_at:%Y-%m-%dT%H:%M:%SZ}"


def test_a_person_who_gave_no_phone_has_no_phone_numbers(api):
    campaign = petition_campaign()
    signature = sign(campaign, email="nophone@example.org")
    person = api.get(reverse("osdi:person", args=[signature.supporter_id])).json()
    assert person["phone_numbers"] == []


def test_curies_lead_to_this_sites_own_pages_about_each_relation(api, client):
    body = api.get(reverse("osdi:people")).json()
    [curie] = body["_links"]["curies"]
    assert curie["templated"] is True
    assert curie["href"].startswith("http://testserver/")
    for rel in ("people", "outreaches", "record_outreach_helper", "signatures", "petitions"):
        page = client.get(curie["href"].replace("{rel}", rel).removeprefix("http://testserver"))
        assert page.status_code == 200
        assert f"osdi:{rel}" in page.content.decode()
    assert client.get(reverse("osdi:docs", args=["nothing"])).status_code == 404
