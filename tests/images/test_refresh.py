"""Images stored before uploads were processed are brought under the same rule."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from campaigns.models import Campaign
from images import processing
from tests.campaigns.factories import CampaignFactory
from tests.images.samples import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def test_an_old_upload_is_replaced_by_its_sanitised_version_and_deleted():
    old = default_storage.save("campaigns/hero/old.jpg", ContentFile(jpeg_with_gps((1000, 500))))
    campaign = CampaignFactory(hero_image=old, hero_alt="An old photo")

    call_command("images_refresh", stdout=io.StringIO())

    campaign = Campaign.objects.get(pk=campaign.pk)
    assert processing.parse_name(campaign.hero_image.name) == (1000, 500)
    with campaign.hero_image.open("rb") as stored:
        assert len(Image.open(io.BytesIO(stored.read())).getexif()) == 0
    assert not default_storage.exists(old)
    assert default_storage.exists(processing.rendition_name(campaign.hero_image.name, 960))


def test_new_widths_get_their_renditions(settings):
    campaign = CampaignFactory(hero_alt="A photo")
    campaign.hero_image.save("photo.jpg", upload(jpeg_with_gps((1000, 500))))
    settings.IMAGES_RENDITION_WIDTHS = (480, 720, 960, 1600)
    assert not default_storage.exists(processing.rendition_name(campaign.hero_image.name, 720))

    call_command("images_refresh", stdout=io.StringIO())

    with default_storage.open(processing.rendition_name(campaign.hero_image.name, 720)) as stored:
        assert Image.open(stored).size == (720, 360)
