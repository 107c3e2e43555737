"""`{% picture %}`: responsive, described images, lazy below the fold."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from petitions.models import Petition
from tests.campaigns.factories import CampaignFactory, PartnerFactory
from tests.images.conftest import tags
from tests.images.samples import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load images %}" + source).render(Context(context))


@pytest.fixture
def campaign():
    campaign = CampaignFactory(hero_alt="Marchers with a banner")
    campaign.hero_image.save("march.jpg", upload(jpeg_with_gps((2000, 1000))))
    return campaign


def only_img(html: str) -> dict:
    images = tags(html, "img")
    assert len(images) == 1, html
    return images[0]


def test_picture_lists_every_width_in_srcset_with_the_size_of_the_original(campaign):
    image = only_img(
        render(
            '{% picture c.hero_image alt=c.hero_alt sizes="(min-width: 40rem) 40rem, 100vw" %}',
            c=campaign,
        )
    )
    base = campaign.hero_image.url.removesuffix(".jpg")
    assert image["srcset"] == (
        f"{base}.w480.jpg 480w, {base}.w960.jpg 960w, {base}.w1600.jpg 1600w, {base}.jpg 2000w"
    )
    assert image["sizes"] == "(min-width: 40rem) 40rem, 100vw"
    assert image["src"] == f"{base}.w960.jpg"
    assert (image["width"], image["height"]) == ("2000", "1000")
    assert image["alt"] == "Marchers with a banner"
    assert image["loading"] == "lazy"
    assert image["decoding"] == "async"


def test_the_image_above_the_fold_is_fetched_first_not_lazily(campaign):
    image = only_img(render("{% picture c.hero_image alt=c.hero_alt lazy=False %}", c=campaign))
    assert "loading" not in image
    assert image["fetchpriority"] == "high"


def test_an_empty_field_renders_nothing():
    campaign = CampaignFactory()
    assert render("{% picture c.hero_image alt=c.hero_alt %}", c=campaign).strip() == ""


def test_alt_is_required_unless_the_image_is_decorative(campaign):
    with pytest.raises(TemplateSyntaxError, match="alt="):
        render("{% picture c.hero_image %}", c=campaign)
    image = only_img(render("{% picture c.hero_image decorative=True alt='x' %}", c=campaign))
    assert image["alt"] == ""


def test_alt_text_is_escaped(campaign):
    html = render("{% picture c.hero_image alt=text %}", c=campaign, text='"><script>')
    assert "<script>" not in html
    assert only_img(html)["alt"] == '"><script>'


def test_an_image_smaller_than_every_width_has_no_srcset():
    campaign = CampaignFactory(hero_alt="A small photo")
    campaign.hero_image.save("small.jpg", upload(jpeg_with_gps((400, 300))))
    image = only_img(render("{% picture c.hero_image alt=c.hero_alt %}", c=campaign))
    assert "srcset" not in image
    assert image["src"] == campaign.hero_image.url
    assert (image["width"], image["height"]) == ("400", "300")


def test_the_campaign_page_shows_the_hero_eagerly_and_logos_and_portraits_lazily(client, campaign):
    partner = PartnerFactory(campaign=campaign, name="Shelter Network")
    partner.logo.save("logo.jpg", upload(jpeg_with_gps((600, 200))))
    petition = Petition.objects.create(
        campaign=campaign, text="Protect survivors.", card_alt="A survivor speaking at a rally"
    )
    petition.card_image.save("rally.jpg", upload(jpeg_with_gps((1200, 800))))

    html = client.get(campaign.get_absolute_url()).content.decode()
    images = {image.get("class"): image for image in tags(html, "img")}

    hero = images["campaign__hero"]
    assert hero["alt"] == "Marchers with a banner"
    assert "srcset" in hero and hero.get("fetchpriority") == "high" and "loading" not in hero
    logo = images["partner__logo"]
    assert logo["alt"] == "" and logo["loading"] == "lazy"  # its name is written beside it
    portrait = images["card__portrait"]
    assert portrait["alt"] == "A survivor speaking at a rally"
    assert portrait["loading"] == "lazy"
    assert portrait["src"].startswith("/media/campaigns/cards/")
    assert (portrait["width"], portrait["height"]) == ("1200", "800")
