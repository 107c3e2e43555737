"""Celery tasks: each takes ids, re-fetches rows and calls one service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from letters.outbox import deliveries_sweep, delivery_send
from letters.senate_offices import senate_offices_load
from letters.services.purge import letters_purge_sensitive
from letters.services.receipts import letter_receipt_email_send, receipts_sweep

logger = logging.getLogger(__name__)
DATABASE_RETRY_SECONDS = 5


@shared_task(
    bind=True,
    name="letters.tasks.delivery_send",
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=None,  # the service counts attempts against DELIVERY_MAX_ATTEMPTS
    soft_time_limit=60,
    time_limit=90,
)
def delivery_send_task(self, delivery_id: str) -> str | None:
    try:
        outcome = delivery_send(delivery_id=delivery_id)
    except (OperationalError, InterfaceError) as exc:
        # The database connection broke (e.g. PostgreSQL restarted): it is closed after
        # this task, so try again on a new one. A claim that had committed is left to
        # the sweeper, as after a worker crash.
        if self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=DATABASE_RETRY_SECONDS, max_retries=5) from exc
    if outcome is None:
        return None
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    # In-process (no broker) a retry would run at once; the sweeper picks the row
    # up when it is due instead.
    return outcome.status


@shared_task(name="letters.tasks.deliveries_sweep", acks_late=True)
def deliveries_sweep_task() -> int:
    """Deliveries and receipt emails a dead worker or a lost broker message left."""
    return deliveries_sweep() + receipts_sweep()


@shared_task(name="letters.tasks.letters_purge_sensitive", acks_late=True)
def letters_purge_sensitive_task() -> int:
    return letters_purge_sensitive(days=settings.SENSITIVE_PURGE_DAYS)


@shared_task(
    name="letters.tasks.letter_receipt_email",
    acks_late=True,
    # A mail server or a database connection that broke: try again, not lose the receipt.
    autoretry_for=(OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def letter_receipt_email_task(
    letter_id: int, language: str | None = None, unless_sent: bool = False
) -> None:
    letter_receipt_email_send(letter_id=letter_id, language=language, unless_sent=unless_sent)


@shared_task(name="letters.tasks.senate_offices_refresh")
def senate_offices_refresh_task() -> int | None:
    return senate_offices_load()
