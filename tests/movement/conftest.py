import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Each test starts in English, whatever language the page before it was in."""
    with translation.override("en"):
        yield
