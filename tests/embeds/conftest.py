import pytest

PARTNER = "https://partner.example.org"
PARTNER_WWW = "https://www.partner.example.org"
OTHER = "https://other.example.net"
SITE = "http://testserver"  # the test client's own origin: that of a page inside the frame


@pytest.fixture(autouse=True)
def _partners(settings):
    settings.EMBED_PARTNERS = {
        PARTNER: "partner-org",
        PARTNER_WWW: "partner-org",
        OTHER: "other-net",
    }
