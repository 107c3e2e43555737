"""Staff sign in with a password and a code from their authenticator app (or a recovery
code, once each); a password alone reaches no staff page, admin page or staff API."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.roles import ADMIN, REPORTER
from tests.staff.factories import PASSWORD, UserFactory, petition_campaign

pytestmark = pytest.mark.django_db


def _password(client, user):
    return client.post(reverse("staff:login"), {"username": user.username, "password": PASSWORD})


def _code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0 - steps_ahead * device.step)
    return f"{value:0{device.digits}d}"


def _app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def test_the_first_sign_in_sets_up_the_app_and_shows_recovery_codes_once(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code, then at once the right one
    user = UserFactory(role=REPORTER)
    setup = _password(client, user)["Location"]
    page = client.get(setup)
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn on the page: nothing loaded elsewhere
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.get(reverse("staff:dashboard"))["Location"].startswith(setup.split("?")[0])
    wrong = client.post(setup, {"code": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert b'role="alert"' in wrong.content
    codes_page = client.post(setup, {"code": _code(device)})
    assert codes_page.status_code == 200
    assert codes_page["Cache-Control"] == "no-store"
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("staff:dashboard")).status_code == 200


def test_a_password_alone_reaches_no_staff_page_admin_page_or_staff_api(client):
    user = UserFactory(role=ADMIN)
    _app(user)
    campaign = petition_campaign()
    step = _password(client, user)["Location"]
    assert step.startswith(reverse("staff:second-factor"))
    for url in (
        reverse("staff:dashboard"),
        reverse("staff:campaign", args=[campaign.slug]),
        reverse("staff:export", args=[campaign.slug, "signatures"]),
        reverse("staff:security"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("staff:second-factor")), url
    admin = client.get(reverse("admin:index"), follow=True)
    assert admin.redirect_chain[-1][0].startswith(reverse("staff:second-factor"))
    assert client.get(reverse("staff-supporters")).status_code in (401, 403)


def test_the_code_from_the_app_opens_the_staff_pages(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = UserFactory(role=ADMIN)
    device = _app(user)
    step = _password(client, user)["Location"]
    assert client.post(step, {"code": "12345"}).status_code == 400
    response = client.post(step, {"code": _code(device)})
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:dashboard")
    assert client.get(reverse("staff:dashboard")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("staff-supporters")).status_code == 200


def test_the_code_step_goes_on_to_where_the_staff_member_was_going_but_never_elsewhere(client):
    user = UserFactory(role=REPORTER)
    device = _app(user)
    campaign = petition_campaign()
    wanted = reverse("staff:campaign", args=[campaign.slug])
    client.post(f"{reverse('staff:login')}?next={wanted}", {
        "username": user.username, "password": PASSWORD, "next": wanted})  # fmt: skip
    step = reverse("staff:second-factor")
    response = client.post(step, {"code": _code(device), "next": wanted})
    assert response["Location"] == wanted
    other = UserFactory(role=REPORTER)
    device = _app(other)
    client.post(reverse("staff:logout"))
    _password(client, other)
    response = client.post(step, {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("staff:dashboard")


def test_a_recovery_code_signs_in_once(client):
    from staff.second_factor import recovery_codes_renew

    user = UserFactory(role=REPORTER)
    _app(user)
    code = recovery_codes_renew(user)[0]
    step = _password(client, user)["Location"]
    assert client.post(step, {"code": code.upper()}).status_code == 302
    client.post(reverse("staff:logout"))
    step = _password(client, user)["Location"]
    assert client.post(step, {"code": code}).status_code == 400


def test_new_recovery_codes_replace_the_old_ones(client):
    from staff.second_factor import recovery_codes_left, recovery_codes_renew

    user = UserFactory(role=REPORTER)
    device = _app(user)
    old = recovery_codes_renew(user)
    client.post(_password(client, user)["Location"], {"code": _code(device)})
    page = client.get(reverse("staff:security"))
    assert b"10 recovery codes left" in page.content
    new_page = client.post(reverse("staff:security"))
    new = re.findall(r"<li><code>(\w+)</code></li>", new_page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert recovery_codes_left(user) == 10
    client.post(reverse("staff:logout"))
    assert client.post(_password(client, user)["Location"], {"code": old[0]}).status_code == 400


def test_the_admin_has_no_password_form_of_its_own(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_after_wrong_codes_even_the_right_one_must_wait(client):
    user = UserFactory(role=REPORTER)
    device = _app(user)
    step = _password(client, user)["Location"]
    client.post(step, {"code": "000001" if _code(device) != "000001" else "000002"})
    device.refresh_from_db()
    for _earlier_wrong_code in range(3):  # a run of wrong codes, as if spread over minutes
        device.throttle_increment()
    response = client.post(step, {"code": _code(device)})
    assert response.status_code == 429
    assert b"Wait a minute" in response.content
    assert client.get(reverse("staff:dashboard")).status_code == 302
