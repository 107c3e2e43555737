"""Organizers uploading images in the admin: refused uploads and missing descriptions are
explained in the form, never a server error."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from calls.models import CallAction
from campaigns.models import Campaign
from images import processing
from tests.campaigns.factories import CampaignFactory
from tests.images.conftest import tags
from tests.images.samples import animated_gif, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db

ADD_CALL = "admin:calls_callaction_add"


def call_action_form(campaign, **fields) -> dict:
    return {
        "campaign": str(campaign.pk),
        "is_active": "on",
        "script": "Hello, I am calling about the asylum bill.",
        "script_es": "",
        "chambers": "both",
        "card_alt": "",
        "card_alt_es": "",
        **fields,
    }


def error_texts(html: str) -> str:
    return html.split('class="errornote"', 1)[-1] if 'class="errornote"' in html else ""


def test_a_card_portrait_with_its_description_is_saved_sanitised(client, superuser):
    campaign = CampaignFactory()
    response = client.post(
        reverse(ADD_CALL),
        call_action_form(
            campaign,
            card_image=upload(jpeg_with_gps((1000, 600)), "caller.jpg"),
            card_alt="A volunteer on the phone",
        ),
    )
    assert response.status_code == 302, error_texts(response.content.decode())
    action = CallAction.objects.get(campaign=campaign)
    assert processing.parse_name(action.card_image.name) == (1000, 600)
    with action.card_image.open("rb") as stored:
        assert b"Exif" not in stored.read()


def test_a_file_that_is_not_an_image_is_refused_in_the_form(client, superuser):
    campaign = CampaignFactory()
    response = client.post(
        reverse(ADD_CALL),
        call_action_form(
            campaign,
            card_image=upload(b"<script>alert(1)</script>", "portrait.jpg"),
            card_alt="A portrait",
        ),
    )
    assert response.status_code == 200
    assert "not an image the site can read" in response.content.decode()
    assert not CallAction.objects.exists()


def test_an_animated_image_is_refused_in_the_form(client, superuser):
    campaign = CampaignFactory()
    response = client.post(
        reverse(ADD_CALL),
        call_action_form(
            campaign,
            card_image=upload(animated_gif(), "moving.gif", "image/gif"),
            card_alt="A moving picture",
        ),
    )
    assert response.status_code == 200
    assert "Animated images are not accepted" in response.content.decode()


def test_a_too_large_image_is_refused_in_the_form_with_its_size(client, superuser, settings):
    settings.IMAGES_MAX_PIXELS = 1_000_000
    campaign = CampaignFactory()
    response = client.post(
        reverse(ADD_CALL),
        call_action_form(
            campaign, card_image=upload(jpeg_with_gps((1500, 1000))), card_alt="A large photo"
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "1500 × 1000 pixels" in html
    assert "1 megapixels" in html
    assert not CallAction.objects.exists()


def test_an_image_without_its_description_is_refused_naming_the_field(client, superuser):
    campaign = CampaignFactory()
    response = client.post(
        reverse(ADD_CALL),
        call_action_form(campaign, card_image=upload(jpeg_with_gps((800, 400)))),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Describe the card portrait in “card portrait description”" in html
    assert not CallAction.objects.exists()
    # The file input stays on the page to choose the image again.
    assert any(field.get("name") == "card_image" for field in tags(html, "input"))


def test_the_campaign_form_requires_descriptions_of_the_hero_and_share_images(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    form_class = admin.site._registry[Campaign].get_form(request, None)
    form = form_class(
        data={"title": "Safe passage", "slug": "safe-passage", "language": "en", "goal": 0},
        files={
            "hero_image": upload(jpeg_with_gps((800, 400)), "hero.jpg"),
            "share_image": upload(jpeg_with_gps((1200, 630)), "share.jpg"),
        },
    )
    assert not form.is_valid()
    assert "hero image description" in " ".join(form.errors["hero_alt"])
    assert "share image description" in " ".join(form.errors["share_alt"])
