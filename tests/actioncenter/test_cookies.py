"""A visit leaves no cookie that outlives the browser session."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from staff.roles import REPORTER
from tests.petitions.factories import petition_campaign, signer
from tests.staff.factories import UserFactory

pytestmark = pytest.mark.django_db


def _lasting(response) -> list[str]:
    """Names of the cookies the response sets to outlive the browser session."""
    return [
        name for name, morsel in response.cookies.items() if morsel["max-age"] or morsel["expires"]
    ]


def test_an_anonymous_visit_and_action_set_only_session_cookies(client):
    campaign = petition_campaign()
    page = client.get(campaign.get_absolute_url())
    assert "csrftoken" in page.cookies  # the petition form needs one
    assert _lasting(page) == []
    signed = client.post(reverse("petitions:sign", args=[campaign.slug]), signer(1))
    assert _lasting(signed) == []


def test_a_staff_session_ends_with_the_browser_and_within_a_day(client, settings):
    user = get_user_model().objects.create_user("staffer", password="a long passphrase 42")
    client.force_login(user)
    assert _lasting(client.get(reverse("staff:dashboard"))) == []
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600


def test_changing_the_password_ends_the_other_sessions(client):
    user = UserFactory(role=REPORTER)
    client.force_login(user)
    assert client.get(reverse("staff:dashboard")).status_code == 200
    user.set_password("another long passphrase 43")
    user.save()
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 302  # sent to sign in again
