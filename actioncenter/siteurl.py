"""The site's absolute address, for links in emails, share boxes and receipts.

`SITE_URL` names it; production requires it. When it is not set (development), it follows
the address the site is served at: the origin of the request being answered, remembered
for the work that request triggers (tasks run in-process after its commit in development),
so a link in an email from `runserver 0.0.0.0:8080` points at port 8080.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings

_request_origin: ContextVar[str] = ContextVar("request_origin", default="")


def site_url() -> str:
    """The absolute base URL, without a trailing slash."""
    if settings.SITE_URL_FROM_REQUEST:
        return _request_origin.get() or settings.SITE_URL
    return settings.SITE_URL


class SiteUrlMiddleware:
    """Remembers the origin of each request when SITE_URL follows the served address (the
    host was checked against ALLOWED_HOSTS by `get_host()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.SITE_URL_FROM_REQUEST:
            return self.get_response(request)
        token = _request_origin.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
