from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from campaigns import abuse
from campaigns.api.serializers import (
    CampaignDetailSerializer,
    CampaignListSerializer,
    CampaignTotalsSerializer,
    SignatureInputSerializer,
    SignatureOutputSerializer,
)
from campaigns.selectors import (
    campaign_action_cards,
    campaign_get_for_action,
    campaign_get_public,
    campaign_list_public,
)
from campaigns.services.signatures import signature_create
from campaigns.totals import campaign_totals

TAGS = ["campaigns"]


class PublicApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public_read"


def _campaign_or_404(slug):
    campaign = campaign_get_public(slug)
    if campaign is None:
        raise Http404
    return campaign


class CampaignListApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="campaigns_list",
        summary="Public campaigns",
        responses=CampaignListSerializer(many=True),
    )
    def get(self, request):
        campaigns = list(campaign_list_public()[:200])
        cards = {campaign.pk: campaign_action_cards(campaign) for campaign in campaigns}
        context = {"cards": cards}
        return Response(CampaignListSerializer(campaigns, many=True, context=context).data)


class CampaignDetailApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="campaigns_retrieve",
        summary="One campaign with its totals",
        responses=CampaignDetailSerializer,
    )
    def get(self, request, slug):
        campaign = _campaign_or_404(slug)
        context = {
            "cards": {campaign.pk: campaign_action_cards(campaign)},
            "totals": campaign_totals(campaign.pk),
        }
        return Response(CampaignDetailSerializer(campaign, context=context).data)


class CampaignTotalsApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="campaigns_totals",
        summary="Exact live totals of a campaign (signatures, signups, supporters, ...)",
        responses=CampaignTotalsSerializer,
    )
    def get(self, request, slug):
        campaign = _campaign_or_404(slug)
        data = {
            "slug": campaign.slug,
            "goal": campaign.goal,
            "totals": campaign_totals(campaign.pk),
        }
        return Response(CampaignTotalsSerializer(data).data)


class SignatureCreateApi(PublicApi):
    """Sign a campaign's petition from a partner's own form (CORS allow-list applies)."""

    throttle_scope = "action_submit"

    @extend_schema(
        tags=TAGS,
        operation_id="campaigns_signatures_create",
        summary="Sign the petition",
        request=SignatureInputSerializer,
        responses={
            201: SignatureOutputSerializer,
            200: OpenApiResponse(SignatureOutputSerializer, "Already signed: not counted again"),
            400: OpenApiResponse(description="Invalid data"),
            404: OpenApiResponse(description="No such campaign"),
            409: OpenApiResponse(description="Campaign or petition closed"),
            429: OpenApiResponse(description="Too many attempts"),
        },
    )
    def post(self, request, slug):
        campaign = campaign_get_for_action(slug)
        if campaign is None:
            raise Http404
        data = request.data if isinstance(request.data, dict) else {}
        email = data.get("email") if isinstance(data.get("email"), str) else ""
        if not abuse.request_check(request, scope="petition", email=email[:254], data=data):
            return self._answer(created=True)
        serializer = SignatureInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("website_url", None)
        _signature, created = signature_create(campaign=campaign, **fields)
        return self._answer(created=created)

    def _answer(self, *, created: bool) -> Response:
        if created:
            body = {"status": "signed", "counted": True, "detail": _("Thank you for signing!")}
            return Response(body, status=status.HTTP_201_CREATED)
        body = {
            "status": "already_signed",
            "counted": False,
            "detail": _("You have already signed this petition. Thank you!"),
        }
        return Response(body, status=status.HTTP_200_OK)
