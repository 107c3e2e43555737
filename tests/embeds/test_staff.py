"""The staff page with the snippets partners paste into their sites."""

import html

import pytest
from django.urls import reverse

from staff.roles import ORGANIZER
from tests.embeds.conftest import PARTNER, PARTNER_WWW
from tests.staff.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db


def test_campaign_report_links_to_its_embed_snippets(client, campaign):
    sign_in(client, UserFactory(role=ORGANIZER))
    page = client.get(reverse("staff:campaign", args=[campaign.slug])).content.decode()
    assert f'href="/staff/campaigns/{campaign.slug}/embed/"' in page


def test_each_partner_gets_a_snippet_per_form_and_language(client, campaign):
    sign_in(client, UserFactory(role=ORGANIZER))
    response = client.get(f"/staff/campaigns/{campaign.slug}/embed/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Source code “partner-org”" in page
    assert f"<code>{PARTNER}</code>, <code>{PARTNER_WWW}</code>" in page
    snippet = (
        f'<iframe src="http://127.0.0.1:8000/embed/c/{campaign.slug}/sign/?source=partner-org" '
        f'title="Sign the petition: {campaign.title}" width="100%" height="1100" loading="lazy"'
    )
    assert snippet in page
    assert f"/es/embed/c/{campaign.slug}/join/?source=other-net" in page
    assert "By source code" in page  # where the partner's actions are counted
    assert page.count("<textarea") == 3 * 2 * 2  # 3 forms, 2 languages, 2 partners


def test_snippet_is_text_to_copy_not_a_frame_on_the_staff_page(client, campaign):
    sign_in(client, UserFactory(role=ORGANIZER))
    body = client.get(f"/staff/campaigns/{campaign.slug}/embed/").content.decode()
    assert "<iframe" not in body
    assert "&lt;iframe" in body


def test_without_partners_the_page_says_how_to_add_one(client, campaign, settings):
    settings.EMBED_PARTNERS = {}
    sign_in(client, UserFactory(role=ORGANIZER))
    body = client.get(f"/staff/campaigns/{campaign.slug}/embed/").content.decode()
    assert "EMBED_PARTNERS" in body
    assert "<textarea" not in body


def test_snippets_are_for_staff_only(client, campaign):
    response = client.get(f"/staff/campaigns/{campaign.slug}/embed/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_unknown_campaign_is_a_plain_404(client, db):
    sign_in(client, UserFactory(role=ORGANIZER))
    assert client.get("/staff/campaigns/no-such-campaign/embed/").status_code == 404
