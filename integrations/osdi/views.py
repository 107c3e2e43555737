"""OSDI (Open Supporter Data Interface) endpoints, HAL+JSON, for staff tokens.

Resources: petitions (campaigns with a petition), their signatures, advocacy
campaigns (campaigns with a letter), their outreaches (one per supporter's letter,
its offices as `targets` identified by OCD division ids) and people (supporters).
Every collection takes OSDI's `filter` on created_date and modified_date for
incremental sync. Helpers: record_signature_helper signs a petition on a person's
behalf through the same service as the public form; record_outreach_helper records a
letter the person sent through the partner's system.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.authentication import TokenAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from actioncenter.ratelimit import ApiThrottle
from integrations.osdi import filters, helpers, resources
from integrations.osdi.authentication import OSDITokenAuthentication
from integrations.osdi.errors import osdi_exception_handler
from integrations.osdi.hal import HalJSONRenderer, collection
from staff.permissions import CanExportData

PAGE_PARAMETERS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
    OpenApiParameter(
        "per_page", OpenApiTypes.INT, description="Resources per page (from 1; at most 100)."
    ),
    OpenApiParameter(
        "filter",
        str,
        description=(
            "Incremental sync, e.g. modified_date gt '2026-03-20T21:04:31Z' "
            "(created_date or modified_date; gt, ge, lt, le, eq; clauses joined with and)."
        ),
    ),
]
HAL = OpenApiResponse(response=OpenApiTypes.OBJECT, description="HAL+JSON (OSDI).")


class OSDIView(APIView):
    # OSDITokenAuthentication reads both headers; TokenAuthentication is listed so that
    # the OpenAPI document offers `Authorization: Token` as the other way in.
    authentication_classes = [OSDITokenAuthentication, TokenAuthentication]
    permission_classes = [CanExportData]
    renderer_classes = [HalJSONRenderer]
    osdi_resource = "osdi:resource"  # what its errors are about

    def get_exception_handler(self):
        return osdi_exception_handler

    def absolute(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(f"osdi:{name}", args=args))

    def links(self) -> resources.Links:
        return resources.Links(self.absolute)

    def page_of(self, rel: str, queryset, to_resource, dates: dict[str, str]) -> Response:
        """One page of a collection, narrowed by OSDI's `filter`; `to_resource(item, links)`
        shapes each item and `dates` names the columns of its created and modified dates."""
        links = self.links()
        queryset = filters.apply(queryset, self.request.query_params.get("filter"), dates)
        return Response(
            collection(
                self.request,
                rel=rel,
                queryset=queryset,
                to_resource=lambda item: to_resource(item, links),
                curies=links.curies(),
            )
        )

    def recorded(self, recorded: helpers.Recorded, to_resource) -> Response:
        """A helper's answer: the resource (201 when new), and what it did not apply."""
        body = to_resource(recorded.action, self.links())
        if recorded.not_applied:
            body["osdi:not_applied"] = recorded.not_applied
        return Response(body, status=201 if recorded.created else 200)


def _collection_schema(operation_id: str):
    return extend_schema(
        tags=["osdi"], operation_id=operation_id, parameters=PAGE_PARAMETERS, responses={200: HAL}
    )


def _resource_schema(operation_id: str):
    return extend_schema(
        tags=["osdi"], operation_id=operation_id, responses={200: HAL, 404: OpenApiTypes.OBJECT}
    )


class OsdiEntryPointApi(OSDIView):
    """The API entry point: links to every collection."""

    @extend_schema(tags=["osdi"], responses={200: HAL})
    def get(self, request: Request) -> Response:
        return Response(resources.entry_point(self.links()))


class OsdiPetitionListApi(OSDIView):
    @_collection_schema("osdi_petitions_list")
    def get(self, request: Request) -> Response:
        return self.page_of(
            "petitions",
            resources.petition_queryset(),
            resources.petition,
            resources.CAMPAIGN_DATES,
        )


class OsdiPetitionDetailApi(OSDIView):
    @_resource_schema("osdi_petition_retrieve")
    def get(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.petition_queryset(), pk=pk)
        return Response(resources.petition(campaign, self.links()))


class OsdiSignatureListApi(OSDIView):
    @_collection_schema("osdi_petition_signatures_list")
    def get(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.petition_queryset(), pk=pk)
        return self.page_of(
            "signatures",
            resources.signature_queryset().filter(campaign=campaign),
            resources.signature,
            resources.SIGNATURE_DATES,
        )


class OsdiSignatureDetailApi(OSDIView):
    @_resource_schema("osdi_signature_retrieve")
    def get(self, request: Request, pk: int, signature_pk: int) -> Response:
        signature = get_object_or_404(
            resources.signature_queryset(), campaign_id=pk, pk=signature_pk
        )
        return Response(resources.signature(signature, self.links()))


class OsdiRecordSignatureHelperApi(OSDIView):
    """Sign the petition for a person (created or matched by email), as the public form does."""

    osdi_resource = "osdi:signature"
    throttle_classes = [ApiThrottle]
    throttle_scope = "action_submit"

    @extend_schema(
        tags=["osdi"],
        request=OpenApiTypes.OBJECT,
        responses={201: HAL, 200: HAL, 400: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.petition_queryset(), pk=pk)
        return self.recorded(helpers.record_signature(campaign, request.data), resources.signature)


class OsdiAdvocacyCampaignListApi(OSDIView):
    @_collection_schema("osdi_advocacy_campaigns_list")
    def get(self, request: Request) -> Response:
        return self.page_of(
            "advocacy_campaigns",
            resources.advocacy_campaign_queryset(),
            resources.advocacy_campaign,
            resources.CAMPAIGN_DATES,
        )


class OsdiAdvocacyCampaignDetailApi(OSDIView):
    @_resource_schema("osdi_advocacy_campaign_retrieve")
    def get(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.advocacy_campaign_queryset(), pk=pk)
        return Response(resources.advocacy_campaign(campaign, self.links()))


class OsdiOutreachListApi(OSDIView):
    @_collection_schema("osdi_outreaches_list")
    def get(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.advocacy_campaign_queryset(), pk=pk)
        return self.page_of(
            "outreaches",
            resources.outreach_queryset().filter(campaign=campaign),
            resources.outreach,
            resources.OUTREACH_DATES,
        )


class OsdiOutreachDetailApi(OSDIView):
    @_resource_schema("osdi_outreach_retrieve")
    def get(self, request: Request, pk: int, outreach_pk: int) -> Response:
        letter = get_object_or_404(resources.outreach_queryset(), campaign_id=pk, pk=outreach_pk)
        return Response(resources.outreach(letter, self.links()))


class OsdiRecordOutreachHelperApi(OSDIView):
    """Record a letter a person sent to their offices through the partner's system."""

    osdi_resource = "osdi:outreach"
    throttle_classes = [ApiThrottle]
    throttle_scope = "action_submit"

    @extend_schema(
        tags=["osdi"],
        request=OpenApiTypes.OBJECT,
        responses={201: HAL, 200: HAL, 400: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request, pk: int) -> Response:
        campaign = get_object_or_404(resources.advocacy_campaign_queryset(), pk=pk)
        return self.recorded(helpers.record_outreach(campaign, request.data), resources.outreach)


class OsdiPersonListApi(OSDIView):
    @_collection_schema("osdi_people_list")
    def get(self, request: Request) -> Response:
        return self.page_of(
            "people", resources.person_queryset(), resources.person, resources.PERSON_DATES
        )


class OsdiPersonDetailApi(OSDIView):
    @_resource_schema("osdi_person_retrieve")
    def get(self, request: Request, pk: int) -> Response:
        supporter = get_object_or_404(resources.person_queryset(), pk=pk)
        return Response(resources.person(supporter, self.links()))


class OsdiPersonSignatureListApi(OSDIView):
    @_collection_schema("osdi_person_signatures_list")
    def get(self, request: Request, pk: int) -> Response:
        supporter = get_object_or_404(resources.person_queryset(), pk=pk)
        return self.page_of(
            "signatures",
            resources.signature_queryset().filter(supporter=supporter),
            resources.signature,
            resources.SIGNATURE_DATES,
        )


class OsdiPersonOutreachListApi(OSDIView):
    @_collection_schema("osdi_person_outreaches_list")
    def get(self, request: Request, pk: int) -> Response:
        supporter = get_object_or_404(resources.person_queryset(), pk=pk)
        return self.page_of(
            "outreaches",
            resources.outreach_queryset().filter(supporter=supporter),
            resources.outreach,
            resources.OUTREACH_DATES,
        )
