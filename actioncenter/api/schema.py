"""The OpenAPI document says every answer an operation can give, errors included.

drf-spectacular documents what each view declares; the answers every view shares come
from the framework around it (authentication, permissions, validation, rate limits,
unknown ids), so they are added here, once, with the error body each part of the API
sends: the project's `{"detail", "code", "errors"}` as JSON, OSDI's `osdi:error` as
HAL+JSON.
"""

from __future__ import annotations

ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
        "retry_after_seconds": {"type": "integer"},
    },
    "required": ["detail"],
}
OSDI_ERROR = {
    "type": "object",
    "properties": {
        "osdi:error": {
            "type": "object",
            "properties": {
                "request_type": {"type": "string"},
                "response_code": {"type": "integer"},
                "resource_status": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["response_code", "resource_status"],
        }
    },
    "required": ["osdi:error"],
}
DESCRIPTIONS = {
    "400": "The request is not valid; `errors` names each field.",
    "401": "Authentication is required (a staff token).",
    "403": "The account has no access to this.",
    "404": "No such resource.",
    "429": "Too many requests; retry after the time given.",
}
METHODS = {"get", "post", "put", "patch", "delete"}


def _error_response(osdi: bool, code: str) -> dict:
    if osdi:
        content = {"application/hal+json": {"schema": {"$ref": "#/components/schemas/OsdiError"}}}
    else:
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {"description": DESCRIPTIONS[code], "content": content}


def _shared_errors(path: str, operation: dict) -> list[str]:
    codes = ["429"]
    if operation.get("parameters") or operation.get("requestBody"):
        codes.append("400")
    if "{" in path or operation.get("parameters") or path.startswith("/api/osdi/"):
        # An unknown id or slug; a lookup that finds nothing; OSDI answers any unknown
        # URL under it with its own 404.
        codes.append("404")
    if {} not in operation.get("security", [{}]):
        codes += ["401", "403"]
    return codes


EMPTY = {"type": "string", "maxLength": 0}


def _empty_means_absent(operation: dict) -> None:
    """An optional query parameter sent empty (`?state=`, as a form with nothing chosen
    sends it) is taken as not sent, by DRF's serializers and by OSDI's paging alike."""
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "query" or parameter.get("required"):
            continue
        schema = parameter.get("schema", {})
        if EMPTY not in schema.get("anyOf", []):
            parameter["schema"] = {"anyOf": [schema, EMPTY]}


def add_shared_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("OsdiError", OSDI_ERROR)
    for path, operations in result.get("paths", {}).items():
        osdi = path.startswith("/api/osdi/")
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            _empty_means_absent(operation)
            responses = operation.setdefault("responses", {})
            for code in _shared_errors(path, operation):
                if code not in responses or osdi:
                    responses[code] = _error_response(osdi, code)
    return result
