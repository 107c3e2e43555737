import corsheaders.middleware
from django.utils.cache import patch_vary_headers

# API answers that carry personal data: the staff API, OSDI, letter receipts, and what a
# supporter's submission is answered with.
PERSONAL_API_PREFIXES = ("/api/v1/staff/", "/api/osdi/", "/api/v1/receipts/")
# Every header a personal API answer depends on (session, token, OSDI's own token).
AUTH_HEADERS = ("Authorization", "Cookie", "OSDI-API-Token")


def carries_personal_data(request) -> bool:
    return request.path.startswith(PERSONAL_API_PREFIXES) or (
        request.path.startswith("/api/") and request.method == "POST"
    )


class PrivacyHeadersMiddleware:
    """Headers that keep visits out of shared caches and off other sites' radar.

    Pages may reveal that someone is looking for help, so HTML responses must not
    be stored by the browser's back/forward cache or any intermediary cache; nor may
    an API answer with personal data, which also varies on every header that says who
    is asking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"
        )
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not request.path.startswith("/static/"):
            response.setdefault("Cache-Control", "no-store")
        elif carries_personal_data(request):
            response["Cache-Control"] = "no-store"
            patch_vary_headers(response, AUTH_HEADERS)
        return response


class CorsMiddleware(corsheaders.middleware.CorsMiddleware):
    """django-cors-headers, minus its cost for the API requests that send no `Origin`
    (partners' servers, the site's own pages): corsheaders reads the header through
    `request.headers`, which copies every header of the request, only to find none. Such
    a request needs only `Vary: Origin`, which it still gets."""

    def add_response_headers(self, request, response):
        if "HTTP_ORIGIN" in request.META:
            return super().add_response_headers(request, response)
        if getattr(request, "_cors_enabled", False):
            patch_vary_headers(response, ("origin",))
        return response
