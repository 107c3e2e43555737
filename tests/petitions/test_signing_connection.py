"""Signing skips Django's per-request health check, yet survives a dropped connection.

The signing statement is safe to run twice (a repeat records nothing), so instead of
a `SELECT 1` before every request it runs straight away and, when the server has closed
the connection (a restart, an idle timeout), runs once more on a new one.
"""

import json

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from metrics.totals import campaign_totals
from petitions.models import Signature
from tests.petitions.factories import petition_campaign, signer

pytestmark = pytest.mark.django_db(transaction=True)


def _sign(client, campaign, n):
    url = reverse("campaigns-signatures", args=[campaign.slug])
    return client.post(url, json.dumps(signer(n)), content_type="application/json")


def _cut_off(backend_pid: int) -> None:
    """End one server session from outside, as a database restart or a proxy would."""
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"]
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend_pid])


def test_a_signature_is_taken_after_the_database_drops_the_connection(client):
    campaign = petition_campaign()
    assert _sign(client, campaign, 1).status_code == 201
    dropped = connection.connection.info.backend_pid

    _cut_off(dropped)
    response = _sign(client, campaign, 2)

    assert response.status_code == 201, response.content
    assert connection.connection.info.backend_pid != dropped  # signed on a new connection
    assert Signature.objects.filter(campaign=campaign).count() == 2
    assert campaign_totals(campaign.pk)["signatures"] == 2


def test_a_repeat_on_a_new_connection_counts_nobody_twice(client):
    campaign = petition_campaign()
    assert _sign(client, campaign, 1).status_code == 201
    _cut_off(connection.connection.info.backend_pid)

    response = _sign(client, campaign, 1)

    assert response.status_code == 201
    assert response.json()["status"] == "signed"
    assert campaign_totals(campaign.pk)["signatures"] == 1
