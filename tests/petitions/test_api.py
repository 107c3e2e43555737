"""The public signing API that partner sites post to."""

import json

import pytest
from django.urls import reverse

from campaigns.services.campaigns import campaign_set_status
from petitions.models import Signature
from tests.petitions.factories import petition_campaign, signer

pytestmark = pytest.mark.django_db


def _post(client, campaign, body, **extra):
    url = reverse("campaigns-signatures", args=[campaign.slug])
    payload = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, payload, content_type="application/json", **extra)


def test_partner_form_can_sign_and_a_repeat_gets_the_same_answer_and_counts_nothing(
    client, campaign
):
    first = _post(client, campaign, {**signer(1), "source": "partner-site", "comment": "Mine"})
    again = _post(
        client,
        campaign,
        signer(1, email="Signer1@Example.org", first_name="Mallory", comment="Theirs"),
    )
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() == {"status": "signed", "detail": "Thank you for signing!"}
    signature = Signature.objects.select_related("supporter").get()
    assert (signature.source, signature.comment) == ("partner-site", "Mine")
    assert signature.supporter.first_name == "Ana1"
    assert (
        client.get(f"/api/v1/campaigns/{campaign.slug}/totals").json()["totals"]["signatures"] == 1
    )


def test_an_email_longer_than_any_mailbox_is_a_field_error(client, campaign):
    long_email = "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "org"
    response = _post(client, campaign, signer(1, email=long_email))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email"}


def test_invalid_data_gets_field_errors(client, campaign):
    response = _post(client, campaign, {**signer(1), "zip_code": "ABC", "email": "nope"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"zip_code", "email"}


@pytest.mark.parametrize(
    "body", ["", "not json", "[]", "null", "123", '{"email": []}', '{"partner_ids": "x"}']
)
def test_malformed_bodies_get_400_not_500(client, campaign, body):
    assert _post(client, campaign, body).status_code == 400


def test_closed_campaign_answers_409(client):
    campaign = petition_campaign()
    campaign_set_status(campaign=campaign, status="closed")
    response = _post(client, campaign, signer(1))
    assert response.status_code == 409
    assert response.json()["code"] == "campaign_closed"


def test_allowed_partner_origin_gets_cors_headers(client, campaign, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    allowed = _post(client, campaign, signer(1), HTTP_ORIGIN="https://partner.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    other = _post(client, campaign, signer(2), HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_the_schema_describes_the_signature_fields_for_partners(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    component = schema["components"]["schemas"]["SignatureInputRequest"]
    assert component["description"].startswith("A signature: the signer")
    assert {"first_name", "last_name", "email", "zip_code"} <= set(component["required"])
    assert component["properties"]["partner_ids"]["items"]["type"] == "integer"
