"""Errors in OSDI's own format, on every OSDI endpoint (unknown URLs included).

{"osdi:error": {"request_type": "atomic", "response_code": 400,
                "resource_status": [{"resource": "osdi:signature", "response_code": 400,
                                     "error_descriptions": [{"error_code": "...",
                                     "description": "...", "properties": ["..."]}]}]}}
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from actioncenter.api.exception_handler import api_exception_handler

OSDI_MEDIA_TYPE = "application/hal+json"


def osdi_error_body(status: int, *, resource: str, descriptions: list[dict]) -> dict:
    return {
        "osdi:error": {
            "request_type": "atomic",
            "response_code": status,
            "resource_status": [
                {"resource": resource, "response_code": status, "error_descriptions": descriptions}
            ],
        }
    }


def _descriptions(data) -> list[dict]:
    """The project's error answer ({"detail", "code", "errors"?}) as OSDI descriptions."""
    if not isinstance(data, dict):
        return [{"error_code": "ERROR", "description": str(data)}]
    errors = data.get("errors")
    code = str(data.get("code") or "error").upper()
    if isinstance(errors, dict) and errors:
        return [
            {
                "error_code": code,
                "description": "; ".join(str(message) for message in _messages(messages)),
                "properties": [name],
            }
            for name, messages in errors.items()
        ]
    return [{"error_code": code, "description": str(data.get("detail", ""))}]


def _messages(value) -> list:
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, inner in value.items() for message in _messages(inner)]
    return value if isinstance(value, list) else [value]


def osdi_exception_handler(exc, context):
    """DRF's answer for an OSDI view, in OSDI's error format."""
    response = api_exception_handler(exc, context)
    if response is None:
        return None
    view = context.get("view")
    resource = getattr(view, "osdi_resource", "osdi:resource")
    response.data = osdi_error_body(
        response.status_code, resource=resource, descriptions=_descriptions(response.data)
    )
    return response


@csrf_exempt  # a POST to an unknown OSDI URL is a 404 too, not a CSRF page
def osdi_not_found(request) -> JsonResponse:
    """An unknown OSDI URL: a 404 in OSDI's format, as HAL+JSON."""
    body = osdi_error_body(
        404,
        resource="osdi:resource",
        descriptions=[{"error_code": "NOT_FOUND", "description": _("No such OSDI resource.")}],
    )
    return JsonResponse(body, status=404, content_type=OSDI_MEDIA_TYPE)


def osdi_refusal(request, message: str, properties: list[str]) -> JsonResponse:
    """A request refused before its view ran (an unknown query parameter), as OSDI's 400."""
    descriptions = [{"error_code": "INVALID", "description": message, "properties": properties}]
    body = osdi_error_body(400, resource="osdi:resource", descriptions=descriptions)
    return JsonResponse(body, status=400, content_type=OSDI_MEDIA_TYPE)
