from rest_framework import serializers

from campaigns.models import Campaign
from campaigns.text import clean_text


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
