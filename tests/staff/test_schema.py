"""The OpenAPI document is valid and lists every API endpoint of the site."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema


def _api_paths(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_paths(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "cls", None):
            yield route


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_openapi_schema_is_valid(schema):
    validate_schema(schema)


def test_schema_lists_every_staff_and_osdi_endpoint(schema):
    paths = set(schema["paths"])
    for expected in [
        "/api/v1/staff/totals/",
        "/api/v1/staff/supporters/",
        "/api/v1/staff/signatures/",
        "/api/v1/staff/letters/",
        "/api/v1/staff/deliveries/",
        "/api/osdi/v1/petitions",
        "/api/osdi/v1/petitions/{id}",
        "/api/osdi/v1/petitions/{id}/signatures",
        "/api/osdi/v1/petitions/{id}/signatures/{signature_pk}",
        "/api/osdi/v1/petitions/{id}/record_signature_helper",
        "/api/osdi/v1/advocacy_campaigns",
        "/api/osdi/v1/advocacy_campaigns/{id}/outreaches/{outreach_pk}",
        "/api/osdi/v1/people",
        "/api/osdi/v1/people/{id}",
    ]:
        assert expected in paths, expected


def test_every_api_view_of_the_site_is_in_the_schema(schema):
    routes = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route).replace("{pk}", "{id}")
        for route in _api_paths(get_resolver().url_patterns)
        if route.startswith("api/") and not route.startswith(("api/schema", "api/docs"))
    }
    assert routes
    assert routes - set(schema["paths"]) == set()
