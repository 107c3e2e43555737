from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from actioncenter.ratelimit import ApiThrottle
from campaigns.api.serializers import (
    CampaignDetailSerializer,
    CampaignListSerializer,
    CampaignTotalsSerializer,
)
from campaigns.selectors import (
    campaign_action_cards,
    campaign_get_public,
    campaign_list_public,
    campaign_totals_listed,
)

TAGS = ["campaigns"]


class PublicApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiThrottle]
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
            "totals": campaign_totals_listed(campaign),
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
            "totals": campaign_totals_listed(campaign),
        }
        return Response(CampaignTotalsSerializer(data).data)
