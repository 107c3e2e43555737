"""An organization signing on uploads its logo from the public site: the same rule."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from signups.models import OrganizationSignOn
from tests.images.samples import GPS_IFD, animated_gif, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def sign_on(client, campaign, logo):
    return client.post(
        reverse("signups:organization", args=[campaign.slug]),
        {
            "name": "Riverside Shelter",
            "contact_name": "Pat Doe",
            "contact_email": "pat@example.org",
            "logo": logo,
        },
    )


def test_a_signing_organizations_logo_is_stored_without_its_gps_position(client, campaign):
    response = sign_on(client, campaign, upload(jpeg_with_gps((800, 400)), "logo.jpg"))
    assert response.status_code == 200

    signon = OrganizationSignOn.objects.get()
    with signon.logo.open("rb") as stored:
        data = stored.read()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD) == {}
    assert b"Exif" not in data


def test_an_animated_logo_is_refused_with_a_message(client, campaign):
    response = sign_on(client, campaign, upload(animated_gif(), "logo.gif", "image/gif"))
    assert response.status_code == 400
    assert "Animated images are not accepted" in response.content.decode()
    assert not OrganizationSignOn.objects.exists()
