"""What operators and supporters do to deliveries: retry failed ones, mark a manual one
sent, and the sweeper that re-enqueues deliveries a lost message or a dead worker left
and resumes those held for a delivery setup that has since changed."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actioncenter.exceptions import ApplicationError
from actioncenter.queue import enqueue
from letters.models import Delivery
from letters.outbox.transitions import delivery_move

logger = logging.getLogger(__name__)
Status = Delivery.Status
ANSWER_NOT_SEEN = gettext_lazy(
    "Recorded as sent without the office system's answer: the sender stopped after the "
    "message was handed over."
)


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
    """The supporter says they sent a `needs_manual` letter themselves: recorded as their
    word (`self_reported`), counted apart from deliveries an office's system confirmed,
    and not as an office reached. Repeating is a no-op."""
    current = Delivery.objects.select_related("letter").get(pk=delivery.pk)
    if current.status == Status.SELF_REPORTED:
        return current
    if current.status != Status.NEEDS_MANUAL:
        raise ApplicationError(
            _("Only letters waiting for you can be marked as sent."), code="not_manual", status=409
        )
    delivery_move(current, Status.SELF_REPORTED, marked_sent_by_supporter=True)
    return current


def deliveries_sweep(
    *, stuck_after: float | None = None, lost_after: float | None = None, limit: int = 5000
) -> int:
    """Re-enqueue deliveries a dead worker or a lost broker message left behind.

    A `sending` row whose sender has been at it for `stuck_after` seconds (default
    DELIVERY_STUCK_AFTER_SECONDS, longer than a send may take: the task's time limit
    ends it first) goes back to `queued` here, so the next worker claims it at once,
    on this threshold rather than its own; unless its message was handed over, which
    makes it `sent` (`_settle_handed_over`). A `queued` row overdue by `lost_after`
    seconds (default one sweep period, DELIVERY_SWEEP_SECONDS) has lost its message,
    say in a broker crash: it is enqueued again, so it goes out within two sweep
    periods. A second message for a row still in the broker is harmless: only one
    claim succeeds. Each re-enqueued row gets a new due time, so the next sweep leaves
    it alone for a period.
    """
    stuck = settings.DELIVERY_STUCK_AFTER_SECONDS if stuck_after is None else stuck_after
    lost = settings.DELIVERY_SWEEP_SECONDS if lost_after is None else lost_after
    now = timezone.now()
    # The pending index holds only unfinished deliveries, so the scans stay small.
    pending = Delivery.objects.filter(finished_at__isnull=True)
    stale = pending.filter(
        status=Status.SENDING, sending_at__lte=now - dt.timedelta(seconds=stuck)
    ).order_by("sending_at")
    settled = _settle_handed_over(stale, limit=limit)
    with transaction.atomic():
        # Queued and sending count as one total, so this move changes no counter.
        abandoned = list(
            stale.filter(handed_over_at__isnull=True).values_list("pk", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=abandoned, status=Status.SENDING).update(
            status=Status.QUEUED, next_attempt_at=now
        )
        overdue = list(
            pending.filter(
                status=Status.QUEUED, next_attempt_at__lte=now - dt.timedelta(seconds=lost)
            )
            .order_by("next_attempt_at")
            .values_list("pk", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=overdue, status=Status.QUEUED).update(next_attempt_at=now)
        _enqueue(abandoned + overdue)
    if abandoned or overdue:
        logger.warning(
            "re-enqueued stuck deliveries", extra={"count": len(abandoned) + len(overdue)}
        )
    return settled + len(abandoned) + len(overdue) + deliveries_resume(limit=limit)


@transaction.atomic
def _settle_handed_over(stale, *, limit: int) -> int:
    """Record as sent the stale deliveries whose sender stopped after the handover.

    CWC may have the message, and cannot be asked whether it has: sending it again could
    post it twice, and not at all is what the handover's timing makes most likely (the
    sender had written everything but the answer's wait). The row keeps a note saying
    its answer was never seen, for staff.
    """
    rows = stale.filter(handed_over_at__isnull=False).select_related("letter")[:limit]
    settled = 0
    for delivery in rows:
        settled += delivery_move(
            delivery, Status.SENT, at_attempt=delivery.attempts, last_error=str(ANSWER_NOT_SEEN)
        )
    if settled:
        logger.warning("handed-over deliveries recorded as sent", extra={"count": settled})
    return settled


def current_setups() -> dict[str, str]:
    """{chamber: fingerprint} of the CWC setup each chamber would be sent with now."""
    from letters.channels import cwc_channel

    return {
        chamber: endpoint.setup if endpoint is not None and endpoint.configured else ""
        for chamber, endpoint in cwc_channel().endpoints.items()
    }


@transaction.atomic
def deliveries_resume(*, limit: int = 5000) -> int:
    """Queue again the held deliveries whose refused setup has been changed since (a new
    key, a corrected URL, or CWC turned off so another channel takes them); how many."""
    setups = current_setups()
    held = Delivery.objects.select_related("letter").filter(
        finished_at__isnull=True, status=Status.HELD
    )[:limit]
    resumed = []
    for delivery in held:
        if setups.get(delivery.chamber, "") == delivery.held_setup:
            continue  # still the setup that was refused
        moved = delivery_move(
            delivery, Status.QUEUED, attempts=0, held_setup="", next_attempt_at=timezone.now()
        )
        if moved:
            resumed.append(delivery.pk)
    _enqueue(resumed)
    if resumed:
        logger.warning("resumed held deliveries", extra={"count": len(resumed)})
    return len(resumed)


CHAMBER_NAMES = {"house": gettext_lazy("House"), "senate": gettext_lazy("Senate")}


def held_setups() -> list[dict]:
    """What staff and /healthz are told: per chamber, how many deliveries wait for a fixed
    setup ("count"), what was refused ("reason") and the chamber's name ("place")."""
    rows = (
        Delivery.objects.filter(finished_at__isnull=True, status=Status.HELD)
        .values("chamber")
        .annotate(count=Count("pk"), reason=Max("last_error"))
        .order_by("chamber")
    )
    return [{**row, "place": CHAMBER_NAMES.get(row["chamber"], _("other offices"))} for row in rows]
