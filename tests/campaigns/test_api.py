import json

import pytest
from django.urls import reverse

from campaigns.services.campaigns import campaign_set_status
from petitions.models import Signature
from petitions.services import signature_create
from tests.campaigns.factories import CampaignFactory, petition_campaign, signer

pytestmark = pytest.mark.django_db


def _post(client, campaign, body, **extra):
    url = reverse("campaigns-signatures", args=[campaign.slug])
    payload = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, payload, content_type="application/json", **extra)


def test_campaign_list_shows_public_campaigns_only(client, campaign):
    CampaignFactory(draft=True, slug="secret-draft")
    data = client.get("/api/v1/campaigns").json()
    assert [item["slug"] for item in data] == [campaign.slug]
    assert data[0]["actions"] == ["petition", "signup"]


def test_campaign_detail_includes_sanitized_story_and_totals(client, campaign):
    signature_create(campaign=campaign, **signer(1))
    data = client.get(f"/api/v1/campaigns/{campaign.slug}").json()
    assert data["totals"] == {"signatures": 1, "supporters": 1, "supporters_new": 1}
    assert "<h2>" in data["body_html"]


def test_totals_endpoint_is_exact(client, campaign):
    for n in range(3):
        signature_create(campaign=campaign, **signer(n))
    signature_create(campaign=campaign, **signer(1))
    data = client.get(f"/api/v1/campaigns/{campaign.slug}/totals").json()
    assert data == {"slug": campaign.slug, "goal": 100,
                    "totals": {"signatures": 3, "supporters": 3, "supporters_new": 3}}  # fmt: skip


def test_unknown_or_draft_campaign_is_404(client):
    draft = CampaignFactory(draft=True)
    assert client.get(f"/api/v1/campaigns/{draft.slug}").status_code == 404
    assert client.get("/api/v1/campaigns/nope/totals").status_code == 404
    assert _post(client, draft, signer(1)).status_code == 404


def test_partner_form_can_sign_and_a_repeat_is_not_counted(client, campaign):
    first = _post(client, campaign, {**signer(1), "source": "partner-site"})
    assert first.status_code == 201
    assert first.json()["status"] == "signed"
    again = _post(client, campaign, signer(1, email="Signer1@Example.org"))
    assert again.status_code == 200
    assert again.json() == {
        "status": "already_signed",
        "counted": False,
        "detail": "You have already signed this petition. Thank you!",
    }
    assert Signature.objects.get().source == "partner-site"


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


def test_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    base = "/api/v1/campaigns"
    for path in [
        base,
        f"{base}/{{slug}}",
        f"{base}/{{slug}}/totals",
        f"{base}/{{slug}}/signatures",
    ]:
        assert path in schema, path


def test_the_schema_describes_the_signature_fields_for_partners(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    component = schema["components"]["schemas"]["SignatureInputRequest"]
    assert component["description"].startswith("A signature: the signer")
    assert {"first_name", "last_name", "email", "zip_code"} <= set(component["required"])
    assert component["properties"]["partner_ids"]["items"]["type"] == "integer"
