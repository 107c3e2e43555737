"""The private staff API: totals and supporter data, token-authenticated, paginated.

Every list runs a fixed number of queries (a count and one page, relations
joined), whatever the page size.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import TokenAuthentication
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.models import Campaign
from metrics.breakdowns import key_text
from metrics.periods import Period, within
from metrics.totals import totals_by
from staff.api import serializers
from staff.permissions import CanExportData
from staff.second_factor import VerifiedSessionAuthentication
from staff.selectors import report_totals

TAGS = ["staff"]


class StaffApi(APIView):
    authentication_classes = [TokenAuthentication, VerifiedSessionAuthentication]
    permission_classes = [CanExportData]


class StaffListApi(StaffApi, ListAPIView):
    """A filtered, paginated list; subclasses give the queryset and the date field."""

    date_field = "created_at"
    filter_serializer_class = serializers.ListFilterSerializer

    def filters(self) -> dict:
        filters = self.filter_serializer_class(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return filters.validated_data

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        filters = self.filters()
        queryset = self.base_queryset()
        if filters.get("campaign"):
            queryset = queryset.filter(campaign__slug=filters["campaign"])
        period = Period(filters.get("date_from"), filters.get("date_to"))
        return within(queryset, self.date_field, period)


class TotalsApi(StaffApi):
    """A campaign's exact totals, overall or broken down by day, state, district or source."""

    @extend_schema(
        tags=TAGS,
        parameters=[serializers.TotalsFilterSerializer],
        responses={
            200: serializers.TotalsSerializer,
            404: OpenApiResponse(description="No such campaign."),
        },
    )
    def get(self, request: Request) -> Response:
        filters = serializers.TotalsFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        campaign = get_object_or_404(Campaign, slug=data["campaign"])
        period = Period(data.get("date_from"), data.get("date_to"))
        body = {
            "campaign": campaign.slug,
            "dimension": data.get("dimension", ""),
            "date_from": period.start,
            "date_to": period.end,
            "totals": report_totals(campaign.pk, period, today=timezone.localdate()),
            "breakdown": [],
        }
        if data.get("dimension"):
            rows = totals_by(
                campaign.pk, data["dimension"], period=period, today=timezone.localdate()
            )
            body["breakdown"] = [
                {"key": key_text(key), "totals": dict(metrics)}
                for key, metrics in sorted(rows.items(), key=lambda item: str(item[0]))
            ]
        return Response(serializers.TotalsSerializer(body).data)


@extend_schema(tags=TAGS, parameters=[serializers.ListFilterSerializer])
class SignatureListApi(StaffListApi):
    serializer_class = serializers.SignatureSerializer

    def base_queryset(self):
        from petitions.models import Signature

        return Signature.objects.select_related("supporter", "campaign").order_by("pk")


@extend_schema(tags=TAGS, parameters=[serializers.ListFilterSerializer])
class SupporterListApi(StaffListApi):
    """Supporters; with `campaign`, those who gave consent in that campaign."""

    serializer_class = serializers.SupporterSerializer

    def get_queryset(self):
        from campaigns.models import ConsentRecord, Supporter

        filters = self.filters()
        queryset = Supporter.objects.order_by("pk")
        if filters.get("campaign"):
            consents = ConsentRecord.objects.filter(campaign__slug=filters["campaign"])
            queryset = queryset.filter(pk__in=consents.values("supporter_id"))
        period = Period(filters.get("date_from"), filters.get("date_to"))
        return within(queryset, "created_at", period)


@extend_schema(tags=TAGS, parameters=[serializers.ListFilterSerializer])
class LetterListApi(StaffListApi):
    """Letters' metadata; their text is never part of the API."""

    serializer_class = serializers.LetterSerializer

    def base_queryset(self):
        from letters.models import Letter

        return Letter.objects.select_related("campaign").order_by("pk")


@extend_schema(tags=TAGS, parameters=[serializers.DeliveryFilterSerializer])
class DeliveryListApi(StaffListApi):
    serializer_class = serializers.DeliverySerializer
    filter_serializer_class = serializers.DeliveryFilterSerializer

    def base_queryset(self):
        from letters.models import Delivery

        return Delivery.objects.select_related("campaign").order_by("created_at", "pk")

    def get_queryset(self):
        queryset = super().get_queryset()
        status = self.filters().get("status")
        return queryset.filter(status=status) if status else queryset
