"""The admin site: staff sign in through the staff pages, second factor included."""

from urllib.parse import urlencode

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from staff.second_factor import step_url


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and bool(verified and verified())

    def login(self, request, extra_context=None):
        """No password form of its own: the staff sign-in, then the code step."""
        next_url = request.GET.get("next") or reverse("admin:index")
        if request.user.is_authenticated and request.user.is_staff:
            return redirect(step_url(request.user, next_url))
        return redirect(f"{reverse('staff:login')}?{urlencode({'next': next_url})}")
