from django.core.validators import RegexValidator
from rest_framework import serializers

from actioncenter.api.serializers import FieldsBuiltOncePerThread
from campaigns.forms import clean_text
from campaigns.models import Campaign

ZIP = RegexValidator(r"^\d{5}(-\d{4})?$", "Enter a 5-digit ZIP code (like 12345 or 12345-6789).")


class CleanCharField(serializers.CharField):
    def to_internal_value(self, data):
        return clean_text(super().to_internal_value(data))


class CampaignListSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = ["slug", "title", "summary", "status", "language", "goal", "url", "actions"]

    def get_url(self, campaign) -> str:
        return campaign.get_absolute_url()

    def get_actions(self, campaign) -> list[str]:
        return [card["kind"].slug for card in self.context.get("cards", {}).get(campaign.pk, [])]


class CampaignDetailSerializer(CampaignListSerializer):
    body_html = serializers.CharField(read_only=True)
    totals = serializers.SerializerMethodField()

    class Meta(CampaignListSerializer.Meta):
        fields = [
            *CampaignListSerializer.Meta.fields,
            "body_html",
            "starts_on",
            "ends_on",
            "donation_url",
            "totals",
        ]

    def get_totals(self, campaign) -> dict[str, int]:
        return self.context.get("totals", {})


class CampaignTotalsSerializer(serializers.Serializer):
    slug = serializers.CharField()
    goal = serializers.IntegerField()
    totals = serializers.DictField(child=serializers.IntegerField())


class SignatureInputSerializer(FieldsBuiltOncePerThread, serializers.Serializer):
    """A signature: the signer's name, email and ZIP, and what they agree to."""

    first_name = CleanCharField(max_length=100)
    last_name = CleanCharField(max_length=100)
    email = serializers.EmailField(max_length=254)
    zip_code = CleanCharField(max_length=10, validators=[ZIP])
    comment = CleanCharField(max_length=1000, required=False, allow_blank=True, default="")
    source = serializers.RegexField(
        r"^[A-Za-z0-9._-]*$", max_length=64, required=False, allow_blank=True, default=""
    )
    updates_opt_in = serializers.BooleanField(required=False, default=False)
    show_publicly = serializers.BooleanField(required=False, default=False)
    partner_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        default=list,
        max_length=20,
    )
    website_url = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Leave empty (spam trap)."
    )


class SignatureOutputSerializer(serializers.Serializer):
    status = serializers.CharField(help_text='"signed" or "already_signed"')
    counted = serializers.BooleanField()
    detail = serializers.CharField()
