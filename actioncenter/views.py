import logging
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from kombu import Connection

logger = logging.getLogger(__name__)


class SafetyView(TemplateView):
    template_name = "safety.html"


class PrivacyView(TemplateView):
    template_name = "privacy.html"


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver error means "unreachable" for a health check
        logger.warning("health check: database unreachable", exc_info=True)
        return False


def _broker_status() -> str:
    """ "ok", "in-process" (no broker configured) or "unreachable"."""
    if not settings.CELERY_BROKER_URL:
        return "in-process"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as broker:
            broker.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:  # kombu raises transport-specific errors
        logger.warning("health check: broker unreachable", exc_info=True)
        return "unreachable"


# What the apps add to /healthz: name -> a function answering "ok" or what is wrong
# (letters: "held" while deliveries wait for a refused setup to be fixed).
HEALTH_CHECKS: dict[str, Callable[[], str]] = {}


def _checked(check: Callable[[], str]) -> str:
    try:
        return check()
    except Exception:  # the database check reports the cause
        logger.warning("health check failed", exc_info=True)
        return "unknown"


@never_cache
def healthz(request):
    """200 "ok"; 200 "degraded" when the site serves but an app reports a problem to fix
    (letters held for a refused delivery setup); 503 when the database or broker is down."""
    database = "ok" if _database_ok() else "unreachable"
    broker = _broker_status()
    healthy = database == "ok" and broker != "unreachable"
    checks = {
        name: _checked(check) if database == "ok" else "unknown"
        for name, check in HEALTH_CHECKS.items()
    }
    degraded = any(value != "ok" for value in checks.values())
    status = "unavailable" if not healthy else ("degraded" if degraded else "ok")
    body = {"status": status, "database": database, "broker": broker, **checks}
    return JsonResponse(body, status=200 if healthy else 503)


def rate_limited(request, exception=None):
    """django-ratelimit's answer: a clear 429 as HTML or JSON."""
    message = _("Too many attempts from here. Please wait a few minutes and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": "throttled"}, status=429)
    return render(request, "429.html", {"message": message}, status=429)


def page_not_found(request, exception=None):
    """The 404 page; under /api/, the API's own JSON error (a client reads no HTML)."""
    if request.path.startswith("/api/"):
        body = {"detail": _("No such resource."), "code": "not_found"}
        return JsonResponse(body, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def favicon(request):
    """The site's icon, for the clients that ask for /favicon.ico whatever a page links."""
    return HttpResponsePermanentRedirect(static("img/icon.svg"))


@csrf_exempt  # sent by the quick exit as the page is left, with no form around it
@require_POST
def quick_exit_end(request):
    """End the visit's session on the server: a letter half written, an address typed,
    a staff sign-in, all gone with the page. Harmless to anyone else: it only ends the
    session of the browser that sends it."""
    request.session.flush()
    return HttpResponse(status=204)
