"""API answers with personal data are never stored by a browser or a shared cache."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from staff.roles import REPORTER
from tests.petitions.factories import petition_campaign, signer
from tests.staff.factories import UserFactory

pytestmark = pytest.mark.django_db


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part}


@pytest.fixture
def token():
    return Token.objects.create(user=UserFactory(role=REPORTER)).key


def test_staff_api_answers_are_not_stored_and_vary_on_who_asks(client, token):
    campaign = petition_campaign()
    response = client.get(
        reverse("staff-supporters"), {"campaign": campaign.slug},
        HTTP_AUTHORIZATION=f"Token {token}",
    )  # fmt: skip
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert {"authorization", "cookie", "osdi-api-token"} <= _vary(response)


def test_osdi_answers_are_not_stored_and_vary_on_its_token(client, token):
    response = client.get(reverse("osdi:petitions"), HTTP_OSDI_API_TOKEN=token)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "osdi-api-token" in _vary(response)


def test_refusals_are_not_stored_either(client):
    response = client.get(reverse("staff-supporters"))
    assert response.status_code in (401, 403)
    assert response["Cache-Control"] == "no-store"


def test_a_supporters_submission_is_answered_without_being_stored(client):
    campaign = petition_campaign()
    url = reverse("campaigns-signatures", args=[campaign.slug])
    response = client.post(url, signer(1), content_type="application/json")
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"


def test_public_campaign_data_stays_cacheable(client):
    campaign = petition_campaign()
    response = client.get(f"/api/v1/campaigns/{campaign.slug}")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
