import pytest

from tests.campaigns.factories import petition_campaign


@pytest.fixture
def campaign(db):
    return petition_campaign()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded logos go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_campaign_lookups():
    from campaigns.selectors.campaigns import campaign_lookup_forget

    campaign_lookup_forget()
    yield
    campaign_lookup_forget()
