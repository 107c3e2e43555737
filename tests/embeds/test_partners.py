"""EMBED_PARTNERS: which partner origins are used, and what `manage.py check` says of the rest."""

import pytest

from embeds.checks import embed_partners_check
from embeds.partners import allowed_origins, origin_of, partner_at, partner_named


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Partner.example.org/take-action?x=1", "https://partner.example.org"),
        ("https://partner.example.org:443/", "https://partner.example.org"),
        ("http://localhost:8001/page", "http://localhost:8001"),
        ("https://[::1]:8443/", "https://[::1]:8443"),
        ("ftp://partner.example.org/", ""),
        ("not a url", ""),
        ("https://partner.example.org:99999/", ""),
    ],
)
def test_origin_of_a_url_is_what_a_browser_names_it(url, origin):
    assert origin_of(url) == origin


def test_each_partner_has_its_origins_and_one_source_code(settings):
    settings.EMBED_PARTNERS = {
        "https://partner.example.org": "partner-org",
        "https://www.partner.example.org": "partner-org",
        "https://other.example.net": "other-net",
    }
    assert partner_named("partner-org").origins == (
        "https://partner.example.org",
        "https://www.partner.example.org",
    )
    assert partner_at("https://other.example.net").source == "other-net"
    assert partner_named("nobody") is None
    assert partner_at("https://evil.example.com") is None
    assert len(allowed_origins()) == 3


def test_check_accepts_https_origins_and_loopback_ones_for_local_testing(settings):
    settings.DEBUG = False
    settings.EMBED_PARTNERS = {
        "https://partner.example.org": "partner-org",
        "https://partner.example.org:8443": "partner-org",
        "http://localhost:8001": "local",
        "http://127.0.0.1:8002": "local",
    }
    assert embed_partners_check() == []


@pytest.mark.parametrize(
    ("origin", "source", "problem"),
    [
        ("https://partner.example.org/embed", "partner-org", "is not an origin"),
        ("https://Partner.example.org", "partner-org", "is not an origin"),
        ("partner.example.org", "partner-org", "is not an origin"),
        ("https://partner.example.org:443", "partner-org", "is not an origin"),
        ("http://partner.example.org", "partner-org", "must use https"),
        ("https://partner.example.org", "partner org!", "needs a source code"),
        ("https://partner.example.org", "", "needs a source code"),
    ],
)
def test_check_refuses_a_malformed_partner_and_never_uses_it(settings, origin, source, problem):
    settings.DEBUG = False
    settings.EMBED_PARTNERS = {origin: source}
    errors = embed_partners_check()
    assert [error.id for error in errors] == ["embeds.E002"]
    assert problem in errors[0].msg
    assert allowed_origins() == []


def test_check_allows_http_partners_while_debugging(settings):
    settings.DEBUG = True
    settings.EMBED_PARTNERS = {"http://partner.test": "partner"}
    assert embed_partners_check() == []
