"""Reads for pages, the API, the admin and exports; relations fetched up front."""

from __future__ import annotations

from letters.models import Letter, LetterAction


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
