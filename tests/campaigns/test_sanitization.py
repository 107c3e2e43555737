import pytest

from campaigns.markdown import render_markdown
from petitions.services import signature_create
from tests.petitions.factories import signer
from tests.signups.factories import OrganizationSignOnFactory

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markdown_keeps_formatting_and_drops_scripts_and_handlers():
    html = render_markdown(
        "## Title\n\n**bold** [link](https://example.org) [bad](javascript:alert(1))\n\n" + ATTACK
    )
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert "javascript:" not in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "<img" not in html


def test_campaign_story_is_rendered_sanitized(client, campaign):
    campaign.body = "Our story\n\n" + ATTACK
    campaign.save()
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "Our story" in html
    assert '<script>alert("x")' not in html
    assert "onerror=alert" not in html


def test_supporter_supplied_text_is_shown_escaped(client, campaign):
    signature_create(campaign=campaign, show_publicly=True, **signer(1, first_name=ATTACK[:100]))
    approved = OrganizationSignOnFactory(campaign=campaign, name=ATTACK, status="approved")
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert approved.name == ATTACK  # stored as typed, escaped when shown


def test_control_and_direction_override_characters_are_removed_from_form_fields(client, campaign):
    from django.urls import reverse

    from petitions.models import Signature

    data = signer(1, first_name="An\u202ea\x07", comment="Hi\u200b there!")
    client.post(reverse("petitions:sign", args=[campaign.slug]), data)
    signature = Signature.objects.get()
    assert signature.supporter.first_name == "Ana"
    assert signature.comment == "Hi there!"


def test_nul_character_is_dropped_not_a_crash(client, campaign):
    from django.urls import reverse

    from petitions.models import Signature

    response = client.post(
        reverse("petitions:sign", args=[campaign.slug]), signer(1, comment="a\x00b")
    )
    assert response.status_code == 302
    assert Signature.objects.get().comment == "ab"
