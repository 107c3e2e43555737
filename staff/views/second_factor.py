"""The second step of staff sign-in: a code from the authenticator app or a recovery code,
and the first-time set-up of the app (see staff.second_factor)."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View

from staff import second_factor
from staff.permissions import StaffPermissionMixin


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6 digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


WRONG = _(
    "That code did not work. Check that your phone's clock is right and try the newest "
    "code, or use a recovery code."
)
WAIT = _("Too many wrong codes in a row. Wait a minute, then try the newest code.")


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("staff:dashboard")


class SecondFactorView(LoginRequiredMixin, View):
    """Asks for the code; a right one verifies the session and goes on to `next`."""

    login_url = reverse_lazy("staff:login")
    template_name = "staff/second_factor.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not second_factor.has_second_factor(request.user):
            return redirect(second_factor.step_url(request.user, request.GET.get("next", "")))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if request.user.is_verified():
            return redirect(_next_url(request))
        return self._page(CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        if not form.is_valid():
            return self._page(form, status=400)
        outcome = second_factor.session_verify(request, form.cleaned_data["code"])
        if outcome == "verified":
            return redirect(_next_url(request))
        form.add_error("code", WAIT if outcome == "wait" else WRONG)
        return self._page(form, status=429 if outcome == "wait" else 400)

    def _page(self, form, status=200):
        context = {"form": form, "next": _next_url(self.request)}
        return render(self.request, self.template_name, context, status=status)


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


class SecondFactorSetupView(LoginRequiredMixin, View):
    """First sign-in: scan the code into an app, confirm it with a code, keep the
    recovery codes (shown once)."""

    login_url = reverse_lazy("staff:login")
    template_name = "staff/second_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and second_factor.has_second_factor(request.user):
            return redirect(second_factor.step_url(request.user, request.GET.get("next", "")))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._page(CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        device = second_factor.device_to_confirm(request.user)
        if form.is_valid():
            codes = second_factor.app_confirm(request, device, form.cleaned_data["code"])
            if codes is not None:
                return _recovery_codes_page(request, codes, next_url=_next_url(request))
            form.add_error(
                "code",
                _("That code did not match. Check that your phone's clock is right and retry."),
            )
        return self._page(form, status=400)

    def _page(self, form, status=200):
        device = second_factor.device_to_confirm(self.request.user)
        secret = base64.b32encode(device.bin_key).decode()
        context = {
            "form": form,
            "next": _next_url(self.request),
            "qr_svg": _qr_svg(device.config_url),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        }
        return render(self.request, self.template_name, context, status=status)


def _recovery_codes_page(request, codes: list[str], *, next_url: str):
    context = {"codes": codes, "next": next_url}
    response = render(request, "staff/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


class SecurityView(StaffPermissionMixin, View):
    """The staff member's own sign-in security: recovery codes left, and new ones."""

    template_name = "staff/security.html"

    def get(self, request):
        context = {"codes_left": second_factor.recovery_codes_left(request.user)}
        return render(request, self.template_name, context)

    def post(self, request):
        codes = second_factor.recovery_codes_renew(request.user)
        return _recovery_codes_page(request, codes, next_url=reverse("staff:security"))
