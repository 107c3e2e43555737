from pathlib import Path

import pytest

from tests.fakes.cwc_server import FakeCwcServer

CWC_SCHEMA = Path("cwc") / "cwc_schema_v2.rng"  # the published RELAX NG, in the samples


@pytest.fixture(scope="session")
def cwc_schema_or_none(samples_dir_or_none) -> Path | None:
    """The published CWC 2.0 schema when the reference data is given, else None."""
    return samples_dir_or_none / CWC_SCHEMA if samples_dir_or_none else None


@pytest.fixture(scope="session")
def published_cwc_schema(samples_dir) -> Path:
    """The published CWC 2.0 schema; the test skips without the reference data."""
    return samples_dir / CWC_SCHEMA


@pytest.fixture
def cwc_server(cwc_schema_or_none):
    """A local CWC installation.

    With the reference data (as in CI) it validates every posted document
    against the published schema; without it, it accepts any well-formed
    document, so these tests still run on a bare clone.
    """
    with FakeCwcServer(schema_path=cwc_schema_or_none) as server:
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
