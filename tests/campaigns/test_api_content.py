"""What the API accepts and answers: JSON and forms in, JSON out, clear errors otherwise.

The API decides the usual request (a JSON body, any or a JSON answer) by a shortcut; these
pin down that every other request is still answered as DRF's general rules say.
"""

import json

import pytest
from django.urls import reverse

from petitions.models import Signature
from tests.petitions.factories import signer

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_url(campaign):
    return reverse("campaigns-signatures", args=[campaign.slug])


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "application/*"])
def test_a_json_signature_is_answered_in_json(client, sign_url, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = client.post(
        sign_url, json.dumps(signer(1)), content_type="application/json", **headers
    )
    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "signed"


def test_json_with_a_charset_and_a_format_override_is_understood(client, sign_url):
    response = client.post(
        f"{sign_url}?format=json",
        json.dumps(signer(1, first_name="Zoë")).encode("utf-8"),
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 201
    assert Signature.objects.get().supporter.first_name == "Zoë"


def test_a_form_post_signs_too(client, sign_url):
    response = client.post(sign_url, signer(1))  # multipart, as a plain HTML form sends
    assert response.status_code == 201
    response = client.post(
        sign_url,
        "first_name=Ana&last_name=Lopez&email=form%40example.org&zip_code=22150",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    assert Signature.objects.count() == 2


def test_asking_for_html_is_refused_with_406(client, sign_url):
    response = client.post(
        sign_url, json.dumps(signer(1)), content_type="application/json", HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 406
    assert Signature.objects.count() == 0


def test_an_unknown_body_type_is_refused_with_415(client, sign_url):
    response = client.post(sign_url, "<signer/>", content_type="application/xml")
    assert response.status_code == 415
    assert "application/xml" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"email": ', "application/json"),  # cut short
        (b'{"first_name": NaN}', "application/json"),  # not JSON, though Python reads it
        (b'{"first_name": "\xff"}', "application/json"),  # not UTF-8
        ('{"first_name": "Ana"}'.encode("utf-16"), "application/json; charset=latin-1"),
        (b'{"first_name": "Ana"}', "application/json; charset=bz2_codec"),  # not a text codec
    ],
)
def test_a_body_that_is_not_json_gets_a_clear_400(client, sign_url, body, content_type):
    response = client.generic("POST", sign_url, body, content_type=content_type)  # bytes as is
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "parse_error", response.json()
    assert Signature.objects.count() == 0
