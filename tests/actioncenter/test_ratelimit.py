import json

import pytest
from django.urls import reverse

from metrics.totals import campaign_totals
from petitions.models import Signature
from tests.petitions.factories import signer

pytestmark = pytest.mark.django_db


def _sign_url(campaign):
    return reverse("petitions:sign", args=[campaign.slug])


def test_filled_honeypot_looks_like_success_but_stores_nothing(client, campaign):
    response = client.post(_sign_url(campaign), {**signer(1), "website_url": "http://spam"})
    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert campaign_totals(campaign.pk) == {}


def test_honeypot_on_the_api_stores_nothing(client, campaign):
    url = reverse("campaigns-signatures", args=[campaign.slug])
    body = json.dumps({**signer(1), "website_url": "x"})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201
    assert not Signature.objects.exists()


def test_too_many_attempts_from_one_ip_answer_429_with_a_clear_message(client, campaign, settings):
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "3/600", "email": "100/600"}
    statuses = [client.post(_sign_url(campaign), signer(n)).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    response = client.post(_sign_url(campaign), signer(9))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert Signature.objects.count() == 3


def test_a_stranger_spending_an_emails_allowance_does_not_lock_its_owner_out(
    client, campaign, settings
):
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "100/600", "email": "2/600"}
    victim = signer(1, email="ana@example.org")
    for n in range(6):  # from many addresses, as a determined stranger would
        client.post(_sign_url(campaign), victim, REMOTE_ADDR=f"10.0.0.{n % 3}")
    own = client.post(_sign_url(campaign), victim, REMOTE_ADDR="192.0.2.7")
    assert own.status_code == 302


def test_tags_and_case_do_not_make_another_mailbox(client, campaign, settings):
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "100/600", "email": "2/600"}
    emails = ["ana@example.org", "Ana+1@Example.org ", "ana+petition@example.org"]
    statuses = [
        client.post(_sign_url(campaign), signer(1, email=email)).status_code for email in emails
    ]
    assert statuses == [302, 302, 429]


@pytest.mark.parametrize(
    ("email", "box"),
    [
        (" Ana+news@Example.org", "ana@example.org"),
        ("a.n.a+x@googlemail.com", "ana@gmail.com"),
        ("a.n.a@example.org", "a.n.a@example.org"),  # dots matter elsewhere
        ("", ""),
    ],
)
def test_mailbox_of_an_address(email, box):
    from actioncenter.ratelimit import mailbox

    assert mailbox(email) == box


def test_api_rate_limit_answers_429_json(client, campaign, settings):
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "1/600", "email": "100/600"}
    url = reverse("campaigns-signatures", args=[campaign.slug])
    client.post(url, json.dumps(signer(1)), content_type="application/json")
    response = client.post(url, json.dumps(signer(2)), content_type="application/json")
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"


def test_petition_form_rejects_posts_without_csrf_token(campaign):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(_sign_url(campaign), signer(1))
    assert response.status_code == 403
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("field", "length"),
    [("first_name", 101), ("last_name", 101), ("comment", 1001), ("zip_code", 11)],
)
def test_overlong_fields_are_refused(client, campaign, field, length):
    response = client.post(_sign_url(campaign), {**signer(1), field: "1" * length})
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_client_address_trusts_only_the_configured_proxies(rf, settings):
    from actioncenter.ratelimit import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    assert client_ip(request) == "10.0.0.1"  # no proxy: the header is anyone's to forge
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert client_ip(request) == "203.0.113.7"  # what our proxy saw connecting
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, campaign, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "2/600", "email": "100/600"}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(5):
        response = client.post(
            _sign_url(campaign), signer(n), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **proxy
        )
        assert response.status_code == 302
    assert Signature.objects.count() == 5


def test_letters_from_the_api_share_the_supporter_action_limits(client, settings):
    from tests.legislators.factories import members_of
    from tests.letters.factories import LetterActionFactory

    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "100/600", "email": "1/600"}
    members_of()
    action = LetterActionFactory()
    url = f"/api/v1/campaigns/{action.campaign.slug}/letters"
    body = {
        "prefix": "Mx.", "first_name": "Alex", "last_name": "Rivera", "email": "a@example.org",
        "address1": "1100 Main Street", "city": "Arlington", "state": "VA", "zip_code": "22201",
    }  # fmt: skip
    assert client.post(url, body, content_type="application/json").status_code == 201
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 429
    assert again.json()["code"] == "rate_limited"
