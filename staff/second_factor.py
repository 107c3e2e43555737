"""A second factor for staff (django-otp): an authenticator app, with one-time recovery codes.

Staff pages, the admin and session access to the staff API need a session verified by
a code from the staff member's app (TOTP) or one of their recovery codes, each usable
once. A password alone, even the right one, reaches only the step that asks for the code
(or, the first time, the step that sets the app up). django-otp throttles wrong codes per
device, so guessing the six digits is slowed down as well.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.mixins import AccessMixin
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import SessionAuthentication

RECOVERY_CODES = 10
# django-otp waits 1 s after a wrong code, then 2, 4, 8 ...: a typo costs a second, and
# only a run of wrong codes is worth telling the staff member to wait.
THROTTLE_SHOWN_AFTER = 3
APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def device_to_confirm(user) -> TOTPDevice:
    """The app being set up: the same secret until it is confirmed, so a reload of the
    page shows the code the staff member may already have scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def normalized(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


@transaction.atomic
def app_confirm(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the app with a code it shows; returns the new recovery codes (shown once),
    or None when the code is wrong. The session is verified from then on."""
    if not device.verify_token(normalized(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    return recovery_codes_renew(device.user)


def recovery_codes_renew(user) -> list[str]:
    """A new set of recovery codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def session_verify(request, code: str) -> str:
    """Verifies the session with an app code or a recovery code (which is then used up):
    "verified", "wrong", or "wait" while the app is throttled after wrong codes (a right
    code is refused then too, so guessing gains nothing)."""
    device = match_token(request.user, normalized(code))
    if device is not None:
        otp_login(request, device)
        return "verified"
    app = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if app is None or app.throttling_failure_count < THROTTLE_SHOWN_AFTER:
        return "wrong"
    allowed, _details = app.verify_is_allowed()
    return "wrong" if allowed else "wait"


def step_url(user, next_url: str = "") -> str:
    """Where a signed-in staff member goes before any staff page: the code, or the set-up."""
    name = "staff:second-factor" if has_second_factor(user) else "staff:second-factor-setup"
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return reverse(name) + query


class SecondFactorRequiredMixin(AccessMixin):
    """Sends a signed-in staff member whose session is not verified to the code step."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            return redirect(step_url(user, request.get_full_path()))
        return super().dispatch(request, *args, **kwargs)


class VerifiedSessionAuthentication(SessionAuthentication):
    """The API's session sign-in, for sessions past the second factor only (tokens are
    separate: each is created by an admin for one partner system)."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or not result[0].is_verified():
            return None
        return result


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = "staff.second_factor.VerifiedSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
