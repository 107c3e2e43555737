import pytest

from tests.campaigns.factories import petition_campaign


@pytest.fixture
def campaign(db):
    return petition_campaign()
