import pytest
from django.urls import reverse

from staff.roles import REPORTER
from tests.staff.factories import PASSWORD, UserFactory, sign_in

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password):
    return client.post(reverse("staff:login"), {"username": username, "password": password})


def test_staff_sign_in_goes_on_to_the_second_factor_then_the_dashboard(client):
    user = UserFactory(role=REPORTER)
    response = _sign_in(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:second-factor-setup"))
    assert "next=%2Fstaff%2F" in response["Location"]


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
    sign_in(client, user)
    client.post(reverse("staff:logout"))
    assert "_auth_user_id" not in client.session


def test_guesses_spread_over_many_addresses_meet_a_ceiling_per_account(client, settings):
    settings.STAFF_SIGNIN_FAILURE_CEILING = 10
    user = UserFactory(role=REPORTER)
    for n in range(12):  # under axes' per-address limit from each of 12 addresses
        client.post(
            reverse("staff:login"), {"username": user.username, "password": f"guess {n}"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )  # fmt: skip
    # The ceiling is reached: a new address is refused even with the right password...
    response = client.post(
        reverse("staff:login"), {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.200",
    )  # fmt: skip
    assert response.status_code != 302


def test_the_staff_member_at_their_usual_address_is_never_locked_out_by_others(client, settings):
    settings.STAFF_SIGNIN_FAILURE_CEILING = 10
    user = UserFactory(role=REPORTER)
    desk = {"REMOTE_ADDR": "192.0.2.10"}
    assert _sign_in_from(client, user.username, PASSWORD, **desk).status_code == 302
    client.post(reverse("staff:logout"))
    for n in range(15):  # a stranger's guesses from many addresses
        _sign_in_from(client, user.username, f"guess {n}", REMOTE_ADDR=f"203.0.113.{n}")
    assert _sign_in_from(client, user.username, PASSWORD, **desk).status_code == 302


def _sign_in_from(client, username, password, **meta):
    return client.post(reverse("staff:login"), {"username": username, "password": password}, **meta)
