"""What operators and supporters do to deliveries: retry failed ones, mark a manual one
sent, and the sweeper that re-enqueues deliveries a lost message or a dead worker left."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from actioncenter.queue import enqueue
from letters.models import Delivery
from letters.outbox.transitions import delivery_move

logger = logging.getLogger(__name__)
Status = Delivery.Status


def _enqueue(delivery_ids) -> None:
    for delivery_id in delivery_ids:
        enqueue("letters.tasks.delivery_send", str(delivery_id))


@transaction.atomic
def deliveries_retry(*, delivery_ids) -> int:
    """Put failed deliveries back in the queue (admin "retry"); returns how many."""
    count = 0
    failed = Delivery.objects.select_related("letter").filter(
        pk__in=list(delivery_ids), status=Status.FAILED
    )
    for delivery in failed:
        if delivery_move(delivery, Status.QUEUED, attempts=0, next_attempt_at=timezone.now()):
            _enqueue([delivery.pk])
            count += 1
    return count


def delivery_mark_sent_by_supporter(*, delivery: Delivery) -> Delivery:
    """The supporter sent a `needs_manual` letter themselves. Repeating is a no-op."""
    current = Delivery.objects.select_related("letter").get(pk=delivery.pk)
    if current.status == Status.SENT:
        return current
    if current.status != Status.NEEDS_MANUAL:
        raise ApplicationError(
            _("Only letters waiting for you can be marked as sent."), code="not_manual", status=409
        )
    delivery_move(current, Status.SENT, marked_sent_by_supporter=True)
    return current


def deliveries_sweep(*, stuck_after: float | None = None, limit: int = 5000) -> int:
    """Re-enqueue deliveries stuck in `queued` or `sending` (lost message, dead worker).

    A queued row is stuck once its next attempt is overdue by `stuck_after`
    seconds; a sending row once it has been sending that long. Each re-enqueued
    queued row gets a new due time, so the next sweep leaves it alone for a while.
    """
    seconds = settings.DELIVERY_STUCK_AFTER_SECONDS if stuck_after is None else stuck_after
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=seconds)
    # The pending index holds only unfinished deliveries, so both scans stay small.
    pending = Delivery.objects.filter(finished_at__isnull=True)
    queued = list(
        pending.filter(status=Status.QUEUED, next_attempt_at__lte=cutoff)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    sending = list(
        pending.filter(status=Status.SENDING, sending_at__lte=cutoff)
        .order_by("sending_at")
        .values_list("pk", flat=True)[:limit]
    )
    with transaction.atomic():
        Delivery.objects.filter(pk__in=queued, status=Status.QUEUED).update(next_attempt_at=now)
        _enqueue(queued + sending)
    if queued or sending:
        logger.warning("re-enqueued stuck deliveries", extra={"count": len(queued) + len(sending)})
    return len(queued) + len(sending)
