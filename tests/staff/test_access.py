"""Every staff page and private endpoint, for anonymous visitors and each role."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from staff.roles import ADMIN, ORGANIZER, REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, petition_campaign, sign_in

pytestmark = pytest.mark.django_db

# (url name, needs the campaign, needs an office) -> who may see it
DASHBOARD = {ORGANIZER, REPORTER, ADMIN}
EXPORTS = {REPORTER, ADMIN}
PAGES = [
    ("staff:dashboard", DASHBOARD),
    ("staff:campaign", DASHBOARD),
    ("staff:office", DASHBOARD),
    ("staff:audit-log", {ADMIN}),
    ("staff:export-signatures", EXPORTS),
    ("staff:export-letters", EXPORTS),
    ("staff:export-deliveries", EXPORTS),
    ("staff:export-supporters", EXPORTS),
    ("staff:export-petition-delivery", EXPORTS),
    ("staff:export-office-petition", EXPORTS),
    ("staff:export-office-pdf", EXPORTS),
]
API = [
    "staff-totals",
    "staff-supporters",
    "staff-signatures",
    "staff-letters",
    "staff-deliveries",
    "osdi:entry-point",
    "osdi:petitions",
    "osdi:advocacy-campaigns",
    "osdi:people",
]
ROLES = [None, ORGANIZER, REPORTER, ADMIN]


@pytest.fixture
def place():
    campaign = petition_campaign()
    legislator = LegislatorFactory(representative=True, state="NY", district=12)
    return campaign, legislator


def _url(name, campaign, legislator):
    if name in ("staff:dashboard", "staff:audit-log"):
        return reverse(name)
    if name.startswith(("staff:office", "staff:export-office")):
        return reverse(name, args=[campaign.slug, legislator.bioguide_id])
    if name.startswith("staff:export-"):  # one route for every campaign export
        return reverse("staff:export", args=[campaign.slug, name.removeprefix("staff:export-")])
    return reverse(name, args=[campaign.slug])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "allowed"), PAGES)
def test_staff_pages_open_only_for_their_roles(client, place, role, name, allowed):
    campaign, legislator = place
    if role:
        sign_in(client, UserFactory(role=role, is_staff=False))
    response = client.get(_url(name, campaign, legislator))
    if role is None:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("staff:login"))
    elif role in allowed:
        assert response.status_code == 200, response.content[:500]
    else:
        assert response.status_code == 403


def _api_url(name, campaign):
    url = reverse(name)
    return f"{url}?campaign={campaign.slug}" if name == "staff-totals" else url


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", API)
def test_private_api_answers_only_reporters_and_admins_with_a_token(client, place, role, name):
    campaign, _legislator = place
    headers = {}
    if role:
        token = Token.objects.create(user=UserFactory(role=role, is_staff=False))
        headers["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    response = client.get(_api_url(name, campaign), **headers)
    if role is None:
        assert response.status_code == 401
    elif role in EXPORTS:
        assert response.status_code == 200, response.content[:500]
    else:
        assert response.status_code == 403


def test_osdi_clients_may_send_their_token_in_the_osdi_header(client, place):
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    response = client.get(reverse("osdi:petitions"), HTTP_OSDI_API_TOKEN=token.key)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/hal+json")
