"""Cheap defences shared by every public action form and endpoint.

- a honeypot field that people never see (and so leave empty);
- fixed-window rate limits in the cache, per client IP and per email address.
Both answer with ApplicationError so HTML views and the API report them the same way.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError

HONEYPOT_FIELD = "website_url"
DEFAULT_LIMITS = {"ip": "30/600", "email": "6/3600"}  # attempts / seconds, unless settings say


class RateLimited(ApplicationError):
    def __init__(self):
        super().__init__(
            _("Too many attempts. Please wait a few minutes and try again."),
            code="rate_limited",
            status=429,
        )


def honeypot_tripped(data) -> bool:
    """True when the hidden field was filled in, which only robots do."""
    value = data.get(HONEYPOT_FIELD) if hasattr(data, "get") else None
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _limit(kind: str) -> tuple[int, int]:
    limits = getattr(settings, "CAMPAIGNS_RATE_LIMITS", {}) or {}
    count, seconds = (limits.get(kind) or DEFAULT_LIMITS[kind]).split("/")
    return int(count), int(seconds)


def _hit(key: str, limit: int, period: int) -> bool:
    """Count one attempt under `key`; True when the window's limit is exceeded."""
    digest = "campaigns:rl:" + hashlib.sha256(key.encode()).hexdigest()
    cache.add(digest, 0, period)
    try:
        attempts = cache.incr(digest)
    except ValueError:  # expired between add and incr
        cache.set(digest, 1, period)
        attempts = 1
    return attempts > limit


def rate_limit_check(*, scope: str, ip: str = "", email: str = "") -> None:
    """Count an attempt for this IP and (normalized) email; raise RateLimited when over."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    over = False
    if ip:
        over |= _hit(f"{scope}:ip:{ip}", *_limit("ip"))
    if email:
        over |= _hit(f"{scope}:email:{email.strip().lower()}", *_limit("email"))
    if over:
        raise RateLimited()


def request_check(request, *, scope: str, email: str = "", data=None) -> bool:
    """Rate-limit a submission; return False when the honeypot says it is a robot.

    Robots get the normal success answer without anything being stored, so they learn nothing.
    """
    rate_limit_check(scope=scope, ip=client_ip(request), email=email)
    return not honeypot_tripped(data if data is not None else request.POST)
