import pytest
from django.urls import reverse

from staff.roles import REPORTER
from tests.staff.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password):
    return client.post(reverse("staff:login"), {"username": username, "password": password})


def test_staff_sign_in_lands_on_the_dashboard(client):
    user = UserFactory(role=REPORTER)
    response = _sign_in(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:dashboard")


def test_wrong_password_shows_the_form_again_with_an_error(client):
    user = UserFactory(role=REPORTER)
    response = _sign_in(client, user.username, "wrong password")
    assert response.status_code == 200
    assert b'role="alert"' in response.content


def test_account_is_locked_out_after_repeated_failures_even_with_the_right_password(
    client, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory(role=REPORTER)
    for _attempt in range(3):
        _sign_in(client, user.username, "guess")
    response = _sign_in(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert b"Sign-in blocked" in response.content
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_account_does_not_block_another(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    target, colleague = UserFactory(role=REPORTER), UserFactory(role=REPORTER)
    for _attempt in range(2):
        _sign_in(client, target.username, "guess")
    assert _sign_in(client, colleague.username, PASSWORD).status_code == 302


def test_passwords_are_hashed_with_argon2_in_every_real_environment():
    from actioncenter.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sign_out_needs_a_post_and_ends_the_session(client):
    user = UserFactory(role=REPORTER)
    client.force_login(user)
    client.post(reverse("staff:logout"))
    assert "_auth_user_id" not in client.session
