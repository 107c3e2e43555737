"""Staff sign-in and sign-out (failed attempts are counted by django-axes)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class StaffLoginView(auth_views.LoginView):
    template_name = "staff/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("staff:dashboard")

    def get_context_data(self, **kwargs):
        return super().get_context_data(failure_limit=settings.AXES_FAILURE_LIMIT, **kwargs)


class StaffLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("staff:login")
