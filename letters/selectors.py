"""Reads for pages, the API, the admin and exports; relations fetched up front."""

from __future__ import annotations

from django.db.models import Count, Max, Q, QuerySet

from letters.models import Delivery, Letter, LetterAction


def letter_action_get_for_campaign(*, campaign) -> LetterAction | None:
    return (
        LetterAction.objects.select_related("campaign", "committee")
        .filter(campaign=campaign, is_active=True)
        .first()
    )


def letter_get_for_receipt(*, letter_id=None, receipt_key: str | None = None) -> Letter | None:
    queryset = Letter.objects.select_related("campaign", "action").prefetch_related("deliveries")
    if receipt_key is not None:
        return queryset.filter(receipt_key=receipt_key).first()
    return queryset.filter(pk=letter_id).first()


def delivery_list(
    *,
    campaign_id=None,
    status: str = "",
    channel: str = "",
    office_code: str = "",
    created_from=None,
    created_to=None,
) -> QuerySet[Delivery]:
    """Deliveries with their letter and campaign, newest first, for exports and the API.

    Rows carry office and status data only; letter bodies are not selected.
    """
    queryset = Delivery.objects.select_related("letter", "campaign").defer(
        "body", "letter__personal_note", "letter__edited_template"
    )
    if campaign_id is not None:
        queryset = queryset.filter(campaign_id=campaign_id)
    if status:
        queryset = queryset.filter(status=status)
    if channel:
        queryset = queryset.filter(channel=channel)
    if office_code:
        queryset = queryset.filter(office_code=office_code)
    if created_from is not None:
        queryset = queryset.filter(created_at__gte=created_from)
    if created_to is not None:
        queryset = queryset.filter(created_at__lt=created_to)
    return queryset.order_by("-created_at", "office_code")


def delivery_summary_by_office(*, campaign_id=None) -> list[dict]:
    """Per office: deliveries by status and the last delivery time."""
    queryset = Delivery.objects.all()
    if campaign_id is not None:
        queryset = queryset.filter(campaign_id=campaign_id)
    counts = {
        f"{status}": Count("pk", filter=Q(status=status)) for status in Delivery.Status.values
    }
    return list(
        queryset.values("office_code", "office_name")
        .annotate(total=Count("pk"), last_sent_at=Max("sent_at"), **counts)
        .order_by("office_code")
    )
