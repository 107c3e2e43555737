"""Staff pages speak in words: a delivery's status is its label wherever staff read it."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils.timezone import now

from letters.models import Delivery
from staff.roles import ADMIN, ORGANIZER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, letter_campaign, sign_in
from tests.support.metrics import record_event

pytestmark = pytest.mark.django_db


def test_the_campaign_report_names_delivery_statuses_in_words(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    campaign, _delivery = letter_campaign()
    record_event(campaign_id=campaign.pk, metric="deliveries_needs_manual", amount=2)
    record_event(campaign_id=campaign.pk, metric="deliveries_sent", amount=1)
    page = client.get(reverse("staff:campaign", args=[campaign.slug])).content.decode()
    table = page[page.find("Deliveries by status") : page.find("Calls by outcome")]
    assert "Needs you to send it" in table and "Delivered" in table
    assert "needs_manual" not in table


def test_the_office_report_names_statuses_in_words(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    campaign, delivery = letter_campaign()
    Delivery.objects.filter(pk=delivery.pk).update(status="needs_manual", finished_at=now())
    url = reverse("staff:office", args=[campaign.slug, delivery.legislator.bioguide_id])
    page = client.get(url).content.decode()
    assert "Needs you to send it" in page and "needs_manual" not in page


def test_the_deliveries_export_has_the_status_in_words_beside_its_code(client):
    sign_in(client, UserFactory(role=ADMIN))
    campaign, delivery = letter_campaign()
    Delivery.objects.filter(pk=delivery.pk).update(status="needs_manual", finished_at=now())
    url = reverse("staff:export", args=[campaign.slug, "deliveries"])
    body = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["Status"] == "needs_manual"
    assert rows[0]["Status in words"] == "Needs you to send it"


def test_the_bare_office_report_address_is_the_office_picker(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    campaign, _delivery = letter_campaign()
    LegislatorFactory(first_name="Pat", last_name="Picker", official_full_name="Pat Picker")
    response = client.get(reverse("staff:office-pick", args=[campaign.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Member of Congress" in page and "Pat Picker" in page
