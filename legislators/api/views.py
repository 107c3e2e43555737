from django.http import Http404, HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from actioncenter.fastpaths import view_with_shortcut
from actioncenter.ratelimit import ApiThrottle
from legislators.api.answers import address_answer, zip_response
from legislators.api.serializers import (
    LegislatorListQuerySerializer,
    LegislatorSerializer,
    LookupResultSerializer,
    RepresentativesQuerySerializer,
)
from legislators.selectors import legislator_get, legislator_list, normalize_zip
from legislators.services.lookup import lookup_by_address


class JsonOnlyNegotiation(BaseContentNegotiation):
    """These endpoints speak JSON only: skip parsing the client's Accept header."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PublicApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnlyNegotiation


class RepresentativesLookupApi(PublicApi):
    throttle_scope = "lookup"

    @classmethod
    def as_view(cls, **initkwargs):
        return view_with_shortcut(super().as_view(**initkwargs), _usual_lookup)

    @extend_schema(
        operation_id="representatives_lookup",
        summary="Who represents an address or a ZIP code",
        parameters=[RepresentativesQuerySerializer],
        responses={200: LookupResultSerializer},
        description=(
            "With `address`, the Census Geocoder places it in one district (falling back to "
            "the ZIP in the address, `fell_back: true`, when the geocoder fails). With `zip`, "
            "`certain` is false when the ZIP spans several districts: every candidate is "
            "listed and a street address is needed to be sure. ZIP answers carry an ETag "
            "(send it back in If-None-Match for a 304) and may be cached for an hour."
        ),
    )
    def get(self, request):
        query = RepresentativesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        address, zip_code = query.validated_data.get("address"), query.validated_data.get("zip")
        if address:
            result = lookup_by_address(street=address, zip_code=zip_code or "")
            response = HttpResponse(address_answer(result), content_type="application/json")
            response["Cache-Control"] = "no-store"  # the address is in the URL: keep it nowhere
            return response
        return zip_response(request, zip_code)


def _usual_lookup(request):
    """A GET with a well-formed ZIP alone, when the lookup scope has no throttle rate, needs
    none of DRF's machinery: the prepared answer is sent as it is. Anything else (None)
    goes through the view."""
    if request.method != "GET" or len(request.GET) != 1:
        return None
    if ApiThrottle.THROTTLE_RATES.get(RepresentativesLookupApi.throttle_scope) is not None:
        return None
    zip_code = request.GET.get("zip", "")
    return zip_response(request, zip_code) if normalize_zip(zip_code) else None


def serialize_lookup(result) -> dict:
    return LookupResultSerializer(result, context={"nearest_offices": result.nearest_offices}).data


class LegislatorPage(serializers.Serializer):
    """One page of members: DRF's page-number pagination, 50 a page."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = LegislatorSerializer(many=True)


class LegislatorListApi(PublicApi):
    throttle_scope = "public_read"

    class Pagination(PageNumberPagination):
        page_size = 50

    @extend_schema(
        operation_id="legislators_list",
        parameters=[LegislatorListQuerySerializer],
        responses={200: LegislatorPage},
    )
    def get(self, request):
        query = LegislatorListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = query.validated_data
        queryset = legislator_list(
            state=filters.get("state", ""),
            chamber=filters.get("chamber", ""),
            committee=filters.get("committee", ""),
            current=filters.get("current", True),
        )
        paginator = self.Pagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(LegislatorSerializer(page, many=True).data)


class LegislatorDetailApi(PublicApi):
    throttle_scope = "public_read"

    @extend_schema(
        operation_id="legislators_retrieve",
        parameters=[OpenApiParameter("bioguide_id", str, OpenApiParameter.PATH)],
        responses={200: LegislatorSerializer},
    )
    def get(self, request, bioguide_id: str):
        legislator = legislator_get(bioguide_id)
        if legislator is None:
            raise Http404
        return Response(LegislatorSerializer(legislator).data)
