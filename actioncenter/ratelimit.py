"""The site's one rate-limit policy, and the honeypot.

* Supporter actions (sign, join, sign on, subscribe, write, report a call), from a form or
  the public API, are counted with django-ratelimit per client address, and per mailbox
  from that client address, at the rates of CAMPAIGNS_RATE_LIMITS ("attempts/seconds").
  The mailbox count is per client so that a stranger typing someone's email many times
  spends their own allowance, never the owner's; "name+anything@" is the same mailbox.
* The API additionally has DRF's throttles, per scope (`ApiThrottle`).
* Every limiter, and the staff sign-in lockout, knows a visitor by `client_ip`.
* Forms carry a honeypot field people never see (campaigns.forms.HoneypotMixin); what
  fills it is a robot, answered as if it had succeeded, with nothing stored.

Over a limit, HTML views and the API answer 429 through `RateLimited`.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from rest_framework.throttling import ScopedRateThrottle

from actioncenter.exceptions import ApplicationError

HONEYPOT_FIELD = "website_url"
# Looking up who represents an address (each may ask the geocoder): per client address.
LOOKUP_RATE = "30/m"
DEFAULT_LIMITS = {"ip": "30/600", "email": "6/3600"}  # attempts / seconds, unless settings say


class RateLimited(ApplicationError):
    def __init__(self):
        super().__init__(
            _("Too many attempts. Please wait a few minutes and try again."),
            code="rate_limited",
            status=429,
        )


def client_ip(request) -> str | None:
    """The visitor's address, trusting only the configured number of reverse proxies
    (NUM_PROXIES): the address the nearest trusted proxy saw connecting; None if unknown."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR") or None


def honeypot_tripped(data) -> bool:
    """True when the hidden field was filled in, which only robots do."""
    value = data.get(HONEYPOT_FIELD) if hasattr(data, "get") else None
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def _rate(kind: str) -> str:
    limits = getattr(settings, "CAMPAIGNS_RATE_LIMITS", {}) or {}
    return limits.get(kind) or DEFAULT_LIMITS[kind]


# Providers that ignore dots in the local part: a.b@ and ab@ are one mailbox.
DOTLESS_DOMAINS = frozenset(("gmail.com", "googlemail.com"))


def mailbox(email: str) -> str:
    """The mailbox an address delivers to, as far as the address tells: case, spacing and a
    "+tag" do not make another one."""
    local, _at, domain = (email or "").strip().lower()[:254].rpartition("@")
    if not local:
        return domain
    local = local.split("+", 1)[0]
    if domain in DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def supporter_action_check(request, *, scope: str, email: str = "") -> None:
    """Count one attempt of a supporter action from this client address, and for this
    mailbox from this client address; raise RateLimited when either is over its limit."""
    group = f"supporter-action:{scope}"
    client = client_ip(request) or "unknown"
    over = is_ratelimited(
        request, group=group, key=lambda _group, _req: client, rate=_rate("ip"), increment=True
    )
    if box := mailbox(email):
        over |= is_ratelimited(
            request, group=group, key=lambda _group, _req: f"{box} {client}", rate=_rate("email"),
            increment=True,
        )  # fmt: skip
    if over:
        raise RateLimited()


def supporter_action_allowed(request, *, scope: str, email: str = "", data=None) -> bool:
    """Rate-limit a submission (raises RateLimited); False when the honeypot says it is a
    robot, which the caller answers as a success without storing anything."""
    supporter_action_check(request, scope=scope, email=email)
    return not honeypot_tripped(data if data is not None else request.POST)


class ApiThrottle(ScopedRateThrottle):
    """DRF's per-scope throttle, knowing visitors by `client_ip` like every other limiter."""

    def get_ident(self, request):
        return client_ip(request) or "unknown"
