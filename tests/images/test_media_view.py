"""Uploaded files come from the site's own address, with headers that keep them inert."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from images import processing
from tests.campaigns.factories import CampaignFactory
from tests.images.samples import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def hero():
    campaign = CampaignFactory()
    campaign.hero_image.save("march.jpg", upload(jpeg_with_gps((1000, 500))))
    return campaign.hero_image


def test_an_image_is_linked_on_the_site_itself_and_served_from_storage(client, hero):
    assert hero.url.startswith("/media/campaigns/hero/")  # same origin: no other host
    with default_storage.open(hero.name, "rb") as stored:
        expected = stored.read()

    response = client.get(hero.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == expected


def test_a_rendition_is_served_with_a_long_cache_lifetime(client, hero):
    name = processing.rendition_name(hero.name, 480)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_document_is_a_download_never_a_page(client):
    name = default_storage.save("resources/report.pdf", ContentFile(b"%PDF-1.4\n%%EOF"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_files_of_other_types_are_not_served(client):
    name = default_storage.save("resources/page.html", ContentFile(b"<script>alert(1)</script>"))
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../actioncenter/settings/base.py",
        "/media/campaigns/../../manage.py",
        "/media/%2e%2e/%2e%2e/etc/passwd.jpg",
        "/media/campaigns/hero/..%2f..%2fsecret.jpg",
        "/media/campaigns\\hero\\x.jpg",
        "/media/.env",
        "/media/campaigns/.hidden.jpg",
        "/media//etc/passwd.jpg",
    ],
)
def test_paths_out_of_the_media_folder_are_not_found(client, hero, path):
    assert client.get(path).status_code == 404


def test_folders_are_not_listed(client, hero):
    assert client.get("/media/").status_code == 404
    assert client.get("/media/campaigns/hero/").status_code == 404
    assert client.get("/media/campaigns/hero").status_code == 404


def test_a_missing_file_is_not_found(client):
    assert client.get("/media/campaigns/hero/nothing.1000x500.jpg").status_code == 404


def test_only_reading_is_allowed(client, hero):
    assert client.head(hero.url).status_code == 200
    assert client.post(hero.url).status_code == 405


def test_media_are_served_in_production_settings_too(client, hero, settings):
    settings.DEBUG = False
    assert client.get(hero.url).status_code == 200


def test_serving_a_file_sets_no_cookie_and_varies_on_no_cookie(client, hero):
    response = client.get(hero.url)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
