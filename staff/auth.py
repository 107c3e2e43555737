"""Staff sign-in: lockout after repeated failures (django-axes), and a ceiling per account.

django-axes locks a username out *from one address* after AXES_FAILURE_LIMIT failures.
An attacker spread over many addresses would never reach it, so each account also has a
ceiling, STAFF_SIGNIN_FAILURE_CEILING failures within an hour from anywhere: over it, the
account can be signed in to only from an address it was signed in from before. The staff
member, at their usual desk, is never locked out by someone else's guesses.
"""

from __future__ import annotations

import hashlib
import logging

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django_ratelimit.core import get_usage

from actioncenter.ratelimit import client_ip

logger = logging.getLogger(__name__)
KNOWN_ADDRESSES_SECONDS = 90 * 86400
KNOWN_ADDRESSES_KEPT = 20


def _account(username: str) -> str:
    return hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]


def _address(request) -> str:
    return hashlib.sha256((client_ip(request) or "unknown").encode()).hexdigest()[:16]


def _failures(request, username: str, *, increment: bool) -> int:
    """Failed sign-ins of the account within the hour, counted by django-ratelimit like
    every other limit of the site (0 when rate limits are off)."""
    usage = get_usage(
        request, group="staff-signin-account", key=lambda _group, _request: _account(username),
        rate=f"{settings.STAFF_SIGNIN_FAILURE_CEILING}/h", increment=increment,
    )  # fmt: skip
    return usage["count"] if usage else 0


def _known_key(username: str) -> str:
    return f"staff-signin:known:{_account(username)}"


def over_account_ceiling(request, username: str) -> bool:
    """Over the account's ceiling, and asked from an address it was never signed in from."""
    if _failures(request, username, increment=False) < settings.STAFF_SIGNIN_FAILURE_CEILING:
        return False
    return _address(request) not in cache.get(_known_key(username), [])


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    if username and request is not None:
        _failures(request, username, increment=True)


@receiver(user_logged_in)
def _remember_address(sender, request, user, **kwargs):
    if request is None:
        return
    key = _known_key(user.get_username())
    known = [address for address in cache.get(key, []) if address != _address(request)]
    known = [*known[-(KNOWN_ADDRESSES_KEPT - 1) :], _address(request)]
    cache.set(key, known, timeout=KNOWN_ADDRESSES_SECONDS)


class LockoutBackend(AxesStandaloneBackend):
    """Refuses sign-in while the username is locked out from this address, or while the
    account is over its ceiling and this address is new to it.

    Authentication without a request (the shell, Django's test client
    `login()`) has no address to attribute failures to, so it is passed on to
    the next backend instead of failing outright; every sign-in form and the
    API pass the request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if username and over_account_ceiling(request, username):
            logger.warning("staff sign-in refused: account over its failure ceiling")
            raise PermissionDenied  # stops the other backends; counted as a failure
        return super().authenticate(request, username, password, **kwargs)
