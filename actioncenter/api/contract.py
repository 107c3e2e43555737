"""Under /api/, a query parameter the OpenAPI document does not name is refused.

`?pgae=2` or `?per_pgae=100` would otherwise be ignored in silence and a partner's sync
would read the wrong page without knowing; a 400 names the parameter instead. The
allowed names are the document's own, read once per process from drf-spectacular's
generator, so the contract and the check cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

# An API with an error format of its own registers how it refuses, by path prefix
# (the OSDI app does, in its AppConfig.ready): (request, message, names) -> response.
REFUSALS: dict[str, Callable[..., HttpResponse]] = {}


# DRF's own `?format=json` (URL_FORMAT_OVERRIDE), valid on every operation.
ALWAYS_ALLOWED = frozenset({"format"})


@cache
def _allowed() -> dict[tuple[object, str], frozenset[str]]:
    """{(view callback, METHOD): documented query parameter names}."""
    from drf_spectacular.generators import SchemaGenerator

    generator = SchemaGenerator()
    schema = generator.get_schema(request=None, public=True)
    allowed = {}
    for path, _regex, method, callback in generator.endpoints:
        operation = schema["paths"].get(path, {}).get(method.lower())
        if operation is None:
            continue
        names = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
        allowed[(callback, method)] = frozenset(names)
    return allowed


def _refusal(request, unknown: list[str]) -> HttpResponse:
    message = _("Unknown query parameter: %(names)s.") % {"names": ", ".join(unknown)}
    for prefix, refuse in REFUSALS.items():
        if request.path.startswith(prefix):
            return refuse(request, message, unknown)
    return JsonResponse(
        {
            "detail": message,
            "code": "unknown_parameter",
            "errors": dict.fromkeys(unknown, [message]),
        },
        status=400,
    )


class QueryContractMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.GET or not request.path.startswith("/api/"):
            return None
        names = _allowed().get((view_func, request.method))
        if names is None:  # not an operation of the document (the schema itself, docs)
            return None
        unknown = sorted(set(request.GET) - names - ALWAYS_ALLOWED)
        return _refusal(request, unknown) if unknown else None
