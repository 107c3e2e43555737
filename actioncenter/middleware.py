class PrivacyHeadersMiddleware:
    """Headers that keep visits out of shared caches and off other sites' radar.

    Pages may reveal that someone is looking for help, so HTML responses must not
    be stored by the browser's back/forward cache or any intermediary cache.
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
        return response
