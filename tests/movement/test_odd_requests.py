"""What a stranger may type or a crawler may send to the movement's pages, the embeds and
the media view: a page or a 4xx with its reason, never a server error."""

import pytest

from devdata.demo import load_demo
from devdata.movement import movement_demo_create

pytestmark = pytest.mark.django_db

ODD_PATHS = [
    "/latest/?page=abc", "/latest/?page=0", "/latest/?page=-1", "/latest/?page=99999999999999",
    "/latest/?page=1.5", "/latest/no-such-post/", "/latest/feed/?page=x", "/es/latest/feed/",
    "/research/?category=bogus", "/research/?category=", "/research/?category=legal&page=x",
    "/research/?category=%00", "/donate/?next=https://evil.example.com/",
    "/identity.css?v=nope", "/identity.css?v=%00",
    "/embed/c/no-such-campaign/sign/", "/embed/c/no-such-campaign/join/",
    "/es/embed/c/no-such-campaign/updates/", "/media/../settings.py", "/media/%2e%2e/x.jpg",
    "/media/", "/media/nothing-here.jpg", "/es/research/?category=testimony",
]  # fmt: skip


@pytest.fixture
def site(db):
    campaign = load_demo()
    movement_demo_create(campaign)
    return campaign


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_requests_get_a_page_or_a_refusal_never_a_server_error(client, site, path):
    response = client.get(path)
    assert response.status_code < 500, path
    assert response.status_code in (200, 301, 302, 304, 400, 403, 404, 405), path


@pytest.mark.parametrize("kind", ["sign", "join", "updates"])
def test_an_embed_posted_with_nothing_is_refused_with_a_page(client, site, kind):
    response = client.post(f"/embed/c/{site.slug}/{kind}/", {})
    assert 400 <= response.status_code < 500 or response.status_code == 200
    assert b"Traceback" not in response.content
