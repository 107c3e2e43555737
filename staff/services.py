"""Writes done by staff: the audit trail of exports."""

from __future__ import annotations

import logging

from campaigns.services.audit import audit_record

logger = logging.getLogger(__name__)


def export_audit(
    *, actor, export: str, campaign, filters: dict, row_count: int, complete: bool
) -> None:
    """Record who exported what, with which filters, how many rows, and whether it finished.

    Called when the download ends (also when the client went away mid-way, with
    `complete=False`), so the row count is the number of rows actually sent.
    """
    audit_record(
        actor=actor,
        action="export",
        target=campaign,
        details={
            "export": export,
            "filters": filters,
            "row_count": row_count,
            "complete": complete,
        },
    )
    logger.info(
        "export finished",
        extra={
            "export": export,
            "campaign_id": campaign.pk,
            "rows": row_count,
            "complete": complete,
        },
    )
