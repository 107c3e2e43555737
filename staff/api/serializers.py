"""Input filters and output shapes of the private staff API."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from letters.models import Delivery
from metrics.fold import DIMENSIONS


class ListFilterSerializer(serializers.Serializer):
    campaign = serializers.SlugField(required=False, help_text=_("Campaign slug."))
    date_from = serializers.DateField(required=False, help_text=_("First day included."))
    date_to = serializers.DateField(required=False, help_text=_("Last day included."))

    def validate(self, attrs):
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and start > end:
            raise serializers.ValidationError(
                {"date_to": [_("The end date must be on or after the start date.")]}
            )
        return attrs


class DeliveryFilterSerializer(ListFilterSerializer):
    status = serializers.ChoiceField(
        required=False,
        choices=Delivery.Status.values,
    )


class TotalsFilterSerializer(ListFilterSerializer):
    campaign = serializers.SlugField(help_text=_("Campaign slug."))
    dimension = serializers.ChoiceField(
        required=False, choices=DIMENSIONS, help_text=_("Break the totals down by this.")
    )


class BreakdownRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Day (YYYY-MM-DD), state, district (NY-18) or source."))
    totals = serializers.DictField(child=serializers.IntegerField())


class TotalsSerializer(serializers.Serializer):
    campaign = serializers.CharField()
    dimension = serializers.CharField(allow_blank=True)
    date_from = serializers.DateField(allow_null=True)
    date_to = serializers.DateField(allow_null=True)
    totals = serializers.DictField(child=serializers.IntegerField())
    breakdown = BreakdownRowSerializer(many=True)


class SupporterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    zip_code = serializers.CharField()
    created_at = serializers.DateTimeField()


class SignatureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    campaign = serializers.SlugField(source="campaign.slug")
    supporter_id = serializers.IntegerField()
    email = serializers.EmailField(source="supporter.email")
    first_name = serializers.CharField(source="supporter.first_name")
    last_name = serializers.CharField(source="supporter.last_name")
    zip_code = serializers.CharField()
    state = serializers.CharField()
    district = serializers.IntegerField(allow_null=True)
    source = serializers.CharField()
    comment = serializers.CharField()
    created_at = serializers.DateTimeField()


class LetterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    campaign = serializers.SlugField(source="campaign.slug")
    supporter_id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.EmailField()
    city = serializers.CharField()
    state = serializers.CharField()
    zip_code = serializers.CharField()
    district = serializers.IntegerField(allow_null=True)
    personalized = serializers.BooleanField()
    source = serializers.CharField()
    created_at = serializers.DateTimeField()


class DeliverySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    campaign = serializers.SlugField(source="campaign.slug")
    letter_id = serializers.IntegerField()
    office_code = serializers.CharField()
    office_name = serializers.CharField()
    chamber = serializers.CharField()
    office_state = serializers.CharField()
    office_district = serializers.IntegerField(allow_null=True)
    channel = serializers.CharField()
    status = serializers.CharField()
    attempts = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
