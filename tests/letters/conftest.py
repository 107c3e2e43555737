import pytest

from tests.fakes.cwc_server import FakeCwcServer


@pytest.fixture
def cwc_server(samples_dir):
    """A local CWC installation validating against the published schema."""
    with FakeCwcServer(schema_path=samples_dir / "cwc" / "cwc_schema_v2.rng") as server:
        yield server


@pytest.fixture
def cwc_settings(settings, cwc_server):
    """Point both chambers at the local CWC server."""
    settings.CWC_HOUSE_BASE_URL = cwc_server.url
    settings.CWC_HOUSE_API_KEY = cwc_server.api_key
    settings.CWC_SENATE_BASE_URL = cwc_server.url
    settings.CWC_SENATE_API_KEY = cwc_server.api_key
    settings.CWC_DELIVERY_AGENT = "Gender Asylum Action"
    settings.CWC_DELIVERY_AGENT_ACK_EMAIL = "delivery@example.org"
    settings.CWC_DELIVERY_AGENT_CONTACT_NAME = "Delivery Desk"
    settings.CWC_DELIVERY_AGENT_CONTACT_EMAIL = "desk@example.org"
    settings.CWC_DELIVERY_AGENT_CONTACT_PHONE = "202-555-0100"
    settings.CWC_TIMEOUT_SECONDS = 1.0
    return settings
