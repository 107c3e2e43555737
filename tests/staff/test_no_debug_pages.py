"""No staff address answers with a technical page, even with DEBUG on: every pattern under
/staff/ is opened with real arguments, with arguments that name nothing, and cut short
before each argument (what a hand-edited address looks like)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from staff.roles import ADMIN
from tests.legislators.factories import members_of
from tests.staff.factories import UserFactory, letter_campaign, sign_in

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
TECHNICAL = ("Using the URLconf defined in", "DEBUG = True", "Traceback", "Request Method:")


def staff_routes(patterns=None, prefix="") -> list[str]:
    """The route of every URL pattern under staff/, as written ("staff/campaigns/<slug:slug>/")."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += staff_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("staff/"):
            routes.append(route)
    return routes


def filled(route: str, values: dict) -> str:
    return "/" + CONVERTER.sub(lambda match: values.get(match["name"], "x"), route)


def addresses(route: str, real: dict) -> set[str]:
    """The route with real values, with values that name nothing, and cut before each
    argument (the earlier ones real)."""
    nothing = dict.fromkeys(real, "nothing-here")
    found = {filled(route, real), filled(route, nothing)}
    for match in CONVERTER.finditer(route):
        found.add(filled(route[: match.start()], real))
    return {address.replace("//", "/") for address in found}


@pytest.fixture
def real_arguments():
    campaign, delivery = letter_campaign()
    members_of(zip_code="10002", state="NY", district=12)
    return {
        "slug": campaign.slug,
        "bioguide_id": delivery.legislator.bioguide_id,
        "name": "deliveries",
        "page": "join",
        "status": "closed",
        "token": "nothing",
        "rest": "no/such/page/",
    }


@pytest.mark.parametrize("signed_in", [True, False])
def test_no_staff_address_shows_a_debug_page(client, settings, real_arguments, signed_in):
    settings.DEBUG = True
    if signed_in:
        sign_in(client, UserFactory(role=ADMIN))
    routes = staff_routes()
    assert "staff/campaigns/<slug:slug>/offices/" in routes  # the walk sees the patterns
    checked = set()
    for route in routes:
        for address in addresses(route, real_arguments) - checked:
            checked.add(address)
            response = client.get(address)
            assert response.status_code < 500, address
            if response.status_code == 404:
                text = response.content.decode()
                assert not any(marker in text for marker in TECHNICAL), address
                assert "There is no such staff page" in text, address
    assert "/staff/campaigns/" in checked
    assert f"/staff/campaigns/{real_arguments['slug']}/offices/" in checked
    assert "/staff/campaigns/nothing-here/offices/nothing-here/" in checked
