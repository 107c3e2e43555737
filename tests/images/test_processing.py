"""Every uploaded image is drawn again without what the camera wrote into it."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from images import processing
from tests.campaigns.factories import CampaignFactory
from tests.images.samples import (
    COMMENT,
    GPS_IFD,
    RED,
    XMP,
    animated_gif,
    jpeg_with_gps,
    png_with_transparency,
    upload,
)

pytestmark = pytest.mark.django_db


def stored_image(name: str) -> tuple[bytes, Image.Image]:
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    return data, Image.open(io.BytesIO(data))


def test_uploaded_jpeg_comes_back_without_exif_gps_xmp_comment_or_profile():
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the sample has it

    campaign = CampaignFactory()
    campaign.hero_image.save("march.jpg", upload(original))

    data, image = stored_image(campaign.hero_image.name)
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(GPS_IFD) == {}
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)
    assert b"Exif\x00\x00" not in data
    assert b"PhoneMaker" not in data
    assert XMP[:40] not in data and b"Pittsburgh" not in data
    assert COMMENT not in data
    assert b"ICC_PROFILE" not in data


def test_every_rendition_is_stripped_too():
    campaign = CampaignFactory()
    campaign.hero_image.save("march.jpg", upload(jpeg_with_gps()))

    for _width, _height, name in processing.renditions_of(campaign.hero_image.name):
        data, image = stored_image(name)
        assert len(image.getexif()) == 0
        assert b"Exif\x00\x00" not in data and COMMENT not in data


def test_camera_orientation_is_applied_before_it_is_removed():
    # Orientation 6: the camera was turned; the picture is shown turned a quarter clockwise.
    campaign = CampaignFactory()
    campaign.hero_image.save("portrait.jpg", upload(jpeg_with_gps((2000, 1000), orientation=6)))

    _data, image = stored_image(campaign.hero_image.name)
    assert image.size == (1000, 2000)
    # The left (red) half of the sensor is now at the top.
    top = image.convert("RGB").getpixel((500, 100))
    bottom = image.convert("RGB").getpixel((500, 1900))
    assert top[0] > 180 and top[2] < 80
    assert bottom[2] > 180 and bottom[0] < 80


def test_renditions_are_stored_at_the_widths_never_wider_than_the_original():
    campaign = CampaignFactory()
    campaign.hero_image.save("portrait.jpg", upload(jpeg_with_gps((2000, 1000), orientation=6)))
    name = campaign.hero_image.name

    versions = processing.renditions_of(name)
    assert [(width, height) for width, height, _name in versions] == [
        (480, 960),
        (960, 1920),
        (1000, 2000),
    ]
    for width, height, version in versions:
        _data, image = stored_image(version)
        assert image.size == (width, height)
    assert not default_storage.exists(processing.rendition_name(name, 1600))


def test_stored_names_keep_nothing_of_the_uploaded_name_and_carry_the_size():
    campaign = CampaignFactory()
    campaign.hero_image.save("Maria at the shelter.JPG", upload(jpeg_with_gps((1700, 850))))
    name = campaign.hero_image.name

    assert re.fullmatch(r"campaigns/hero/[0-9a-f]{24}\.1700x850\.jpg", name)
    assert processing.parse_name(name) == (1700, 850)
    assert processing.rendition_name(name, 480).endswith(".1700x850.w480.jpg")


def test_a_second_upload_with_the_same_name_gets_its_own_files():
    first, second = CampaignFactory(), CampaignFactory()
    first.hero_image.save("same.jpg", upload(jpeg_with_gps((600, 300))))
    second.hero_image.save("same.jpg", upload(jpeg_with_gps((600, 300))))
    assert first.hero_image.name != second.hero_image.name
    assert processing.parse_name(second.hero_image.name) == (600, 300)


def test_png_transparency_is_kept_in_the_original_and_its_renditions():
    campaign = CampaignFactory()
    campaign.share_image.save("logo.png", upload(png_with_transparency(), "logo.png", "image/png"))
    name = campaign.share_image.name
    assert name.endswith(".1200x600.png")

    for width, _height, version in processing.renditions_of(name):
        _data, image = stored_image(version)
        assert image.format == "PNG" and image.mode == "RGBA"
        assert image.getpixel((width // 4, 10)) == (*RED, 255)
        assert image.getpixel((width * 3 // 4, 10))[3] == 0


def test_a_photo_becomes_a_jpeg_whatever_format_it_came_in():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), RED).save(buffer, "WEBP")
    processed = processing.process(io.BytesIO(buffer.getvalue()))
    assert processed.extension == "jpg"
    assert Image.open(io.BytesIO(processed.data)).format == "JPEG"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4 not a picture", "not an image the site can read"),
        (animated_gif(), "Animated images are not accepted"),
    ],
)
def test_what_is_not_a_still_image_is_refused_on_save(data, expected):
    campaign = CampaignFactory()
    with pytest.raises(processing.ImageRefused, match=expected):
        campaign.hero_image.save("file.jpg", upload(data))


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded(settings):
    settings.IMAGES_MAX_PIXELS = 1_000_000
    with pytest.raises(processing.ImageRefused, match="1200 × 1000 pixels"):
        processing.process(io.BytesIO(jpeg_with_gps((1200, 1000))))


def test_deleting_an_image_deletes_its_renditions():
    campaign = CampaignFactory()
    campaign.hero_image.save("gone.jpg", upload(jpeg_with_gps((1000, 500))))
    names = [name for _w, _h, name in processing.renditions_of(campaign.hero_image.name)]
    assert all(default_storage.exists(name) for name in names)

    campaign.hero_image.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_a_long_name_is_cut_to_fit_its_column():
    campaign = CampaignFactory()
    campaign.hero_image.save("a" * 150 + ".jpg", upload(jpeg_with_gps((600, 300))))
    campaign.save()
    campaign.refresh_from_db()
    assert len(campaign.hero_image.name) <= 100
    assert processing.parse_name(campaign.hero_image.name) == (600, 300)
