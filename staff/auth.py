"""Staff sign-in: lockout after repeated failures (django-axes)."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuses sign-in while the username is locked out from this address.

    Authentication without a request (the shell, Django's test client
    `login()`) has no address to attribute failures to, so it is passed on to
    the next backend instead of failing outright; every sign-in form and the
    API pass the request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
