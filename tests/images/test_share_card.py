"""A campaign's link shared on a social network shows its share image."""

import pytest

from actioncenter.siteurl import site_url
from images import processing
from tests.campaigns.factories import CampaignFactory
from tests.images.conftest import tags
from tests.images.samples import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def meta_of(client, campaign) -> dict:
    html = client.get(campaign.get_absolute_url()).content.decode()
    return {
        meta.get("property") or meta.get("name"): meta.get("content") for meta in tags(html, "meta")
    }


def test_open_graph_and_twitter_tags_use_the_share_image(client):
    campaign = CampaignFactory(hero_alt="Marchers", share_alt="The campaign's banner")
    campaign.hero_image.save("hero.jpg", upload(jpeg_with_gps((1000, 500))))
    campaign.share_image.save("share.jpg", upload(jpeg_with_gps((2400, 1260))))

    meta = meta_of(client, campaign)
    card = processing.rendition_name(campaign.share_image.name, 1600)
    assert meta["og:image"] == f"{site_url()}/media/{card}"
    assert meta["og:image"].startswith(("http://", "https://"))
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1600", "840")
    assert meta["og:image:alt"] == "The campaign's banner"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:image:alt"] == "The campaign's banner"


def test_without_a_share_image_the_hero_image_is_shared(client):
    campaign = CampaignFactory(hero_alt="Marchers")
    campaign.hero_image.save("hero.jpg", upload(jpeg_with_gps((1000, 500))))

    meta = meta_of(client, campaign)
    assert meta["og:image"] == f"{site_url()}{campaign.hero_image.url}"
    assert meta["og:image:alt"] == "Marchers"


def test_without_any_image_the_card_is_a_summary(client):
    meta = meta_of(client, CampaignFactory())
    assert "og:image" not in meta
    assert meta["twitter:card"] == "summary"
