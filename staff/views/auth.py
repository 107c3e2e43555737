"""Staff sign-in and sign-out (failed attempts are counted by django-axes)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from staff.second_factor import step_url


class StaffLoginView(auth_views.LoginView):
    """The password, then the second factor (staff.second_factor) before any staff page."""

    template_name = "staff/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("staff:dashboard")

    def get_success_url(self):
        # A new sign-in is never verified yet: django-otp ties the code to the session.
        return step_url(self.request.user, super().get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(failure_limit=settings.AXES_FAILURE_LIMIT, **kwargs)


class StaffLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("staff:login")
