"""Who may see what: the staff roles as view mixins and API permissions."""

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from staff.roles import EXPORT_DATA, VIEW_DASHBOARD
from staff.second_factor import SecondFactorRequiredMixin


class StaffPermissionMixin(LoginRequiredMixin, PermissionRequiredMixin, SecondFactorRequiredMixin):
    """Anonymous visitors go to the staff sign-in; signed-in people without the role get 403;
    staff whose session has not passed the second factor go to the code step."""

    login_url = reverse_lazy("staff:login")
    permission_required = VIEW_DASHBOARD

    def dispatch(self, request, *args, **kwargs):
        # What a staff address names may be gone (a campaign, a member): a page that says
        # so, never a technical one.
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            return staff_not_found(request)


def staff_not_found(request):
    return render(request, "staff/not_found.html", status=404)


class DashboardAccessMixin(StaffPermissionMixin):
    permission_required = VIEW_DASHBOARD


class ExportAccessMixin(StaffPermissionMixin):
    permission_required = EXPORT_DATA


class CanExportData(BasePermission):
    """Active staff with the Reporter (or Admin) role: the private API exposes supporter data."""

    message = _("Your account does not have access to supporter data.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and user.is_active and user.has_perm(EXPORT_DATA)
        )
