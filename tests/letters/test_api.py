"""Partners' forms and apps: submit a letter and read its receipt over the API."""

import pytest

from letters.models import Letter
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import API_BODY as BODY
from tests.letters.helpers import api_post as post

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(settings):
    # No geocoder in tests: the address lookup falls back to the ZIP code at once.
    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"
    members_of()
    return LetterActionFactory()


def test_submit_returns_the_receipt_and_one_delivery_per_office(
    client, action, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, action)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["created"] is True
    assert body["receipt_url"].startswith("http://testserver/letters/receipt/")
    assert sorted(d["office"] for d in body["deliveries"]) == ["HVA08", "SVA01", "SVA02"]
    # After sending (no CWC configured here), the receipt shows the manual fallback.
    receipt = client.get(f"/api/v1/receipts/{body['token']}").json()
    assert {d["status"] for d in receipt["deliveries"]} == {"needs_manual"}


def test_a_repeat_with_the_same_email_never_reveals_the_first_letter(
    client, action, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, action).json()
    mailoutbox.clear()
    stranger = {**BODY, "first_name": "Mallory", "last_name": "Other", "address1": "9 Elm St"}
    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, action, stranger)
    assert again.status_code == 202
    text = again.content.decode()
    assert first["token"] not in text and "receipt" not in again.json()
    assert "Alex" not in text and "It matters to me." not in text
    letter = Letter.objects.select_related("supporter").get()
    assert (letter.first_name, letter.address1) == ("Alex", "1100 Main Street")
    assert (letter.supporter.first_name, letter.supporter.last_name) == ("Alex", "Rivera")
    # The link goes to the letter's own address only, and only once an hour.
    assert [message.to for message in mailoutbox] == [["alex@example.org"]]
    assert first["token"] in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, action, stranger).status_code == 202
    assert len(mailoutbox) == 1


def test_receipt_by_token(client, action, django_assert_max_num_queries):
    token = post(client, action).json()["token"]
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/receipts/{token}")
    assert response.status_code == 200
    assert len(response.json()["deliveries"]) == 3
    assert response["Cache-Control"] == "no-store"  # the letter's own details
    assert client.get("/api/v1/receipts/not-a-token").status_code == 404


def test_an_email_longer_than_any_mailbox_is_refused_with_a_clear_error(client, action):
    long_email = "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "org"  # 312 characters
    response = post(client, action, {**BODY, "email": long_email})
    assert response.status_code == 400
    assert response.json()["errors"]["email"] == [
        "Ensure this field has no more than 254 characters."
    ]


def test_invalid_fields_are_reported_per_field(client, action):
    response = post(client, action, {**BODY, "zip_code": "123", "prefix": "Lord"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"zip_code", "prefix"}


def test_submissions_are_throttled(client, action, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    rates = {**ScopedRateThrottle.THROTTLE_RATES, "action_submit": "2/min"}
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
    codes = [
        post(client, action, {**BODY, "email": f"p{n}@example.org"}).status_code for n in range(3)
    ]
    assert codes == [201, 201, 429]


def test_endpoints_are_in_the_openapi_schema(client, action):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/campaigns/{slug}/letters" in schema["paths"]
    assert "/api/v1/receipts/{token}" in schema["paths"]
