import pytest
from django.urls import reverse

from petitions.services import signature_create
from tests.campaigns.factories import CampaignFactory
from tests.petitions.factories import signer

pytestmark = pytest.mark.django_db
# The campaign offers sign-ups too: their metrics are listed, at zero.
NO_SIGNUPS = {"signups": 0, "organizations": 0, "organization_requests": 0}


def test_campaign_list_shows_public_campaigns_only(client, campaign):
    CampaignFactory(draft=True, slug="secret-draft")
    data = client.get("/api/v1/campaigns").json()
    assert [item["slug"] for item in data] == [campaign.slug]
    assert data[0]["actions"] == ["petition", "signup"]


def test_campaign_detail_includes_sanitized_story_and_totals(client, campaign):
    signature_create(campaign=campaign, **signer(1))
    data = client.get(f"/api/v1/campaigns/{campaign.slug}").json()
    assert data["totals"] == {"signatures": 1, "supporters": 1, "supporters_new": 1, **NO_SIGNUPS}
    assert "<h2>" in data["body_html"]


def test_totals_endpoint_is_exact(client, campaign):
    for n in range(3):
        signature_create(campaign=campaign, **signer(n))
    signature_create(campaign=campaign, **signer(1))
    data = client.get(f"/api/v1/campaigns/{campaign.slug}/totals").json()
    totals = {"signatures": 3, "supporters": 3, "supporters_new": 3, **NO_SIGNUPS}
    assert data == {"slug": campaign.slug, "goal": 100, "totals": totals}


def test_a_new_campaign_lists_every_metric_its_actions_count_at_zero(client):
    from tests.letters.factories import LetterActionFactory

    action = LetterActionFactory()
    totals = client.get(f"/api/v1/campaigns/{action.campaign.slug}/totals").json()["totals"]
    assert totals["letters"] == totals["deliveries_sent"] == totals["offices_reached"] == 0
    assert totals["supporters"] == 0
    assert "signatures" not in totals  # no petition on this campaign


def test_unknown_or_draft_campaign_is_404(client):
    draft = CampaignFactory(draft=True)
    assert client.get(f"/api/v1/campaigns/{draft.slug}").status_code == 404
    assert client.get("/api/v1/campaigns/nope/totals").status_code == 404
    sign = reverse("campaigns-signatures", args=[draft.slug])
    assert client.post(sign, signer(1), content_type="application/json").status_code == 404


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
