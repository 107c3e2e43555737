"""A visit leaves no cookie that outlives the browser session."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from staff.roles import REPORTER
from tests.petitions.factories import petition_campaign, signer
from tests.staff.factories import UserFactory, sign_in

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
    sign_in(client, user)
    assert _lasting(client.get(reverse("staff:dashboard"))) == []
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600


def test_changing_the_password_ends_the_other_sessions(client):
    user = UserFactory(role=REPORTER)
    sign_in(client, user)
    assert client.get(reverse("staff:dashboard")).status_code == 200
    user.set_password("another long passphrase 43")
    user.save()
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 302  # sent to sign in again


def test_quick_exit_ends_the_visits_session_on_the_server(client):
    session = client.session
    session["letters:flow:1"] = {"address": {"street": "1100 Main Street"}}
    session.save()
    key = session.session_key
    response = client.post(reverse("quick-exit-end"))
    assert response.status_code == 204
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("quick-exit-end")).status_code == 405


def test_ended_sessions_are_deleted_by_the_hourly_job():
    import datetime as dt

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from actioncenter.tasks import sessions_clear

    ended, live = SessionStore(), SessionStore()
    for store in (ended, live):
        store["letters:flow:1"] = {"address": {"street": "1100 Main Street"}}
        store.save()
    Session.objects.filter(session_key=ended.session_key).update(
        expire_date=timezone.now() - dt.timedelta(minutes=1)
    )
    sessions_clear()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
