"""The delivery outbox: claim a row, send it through its office's channel, record the outcome.

Sending happens outside any database transaction, between two short writes:

1. claim: one conditional UPDATE marks the row `sending` and counts the attempt,
   unless it is final or another worker marked it `sending` less than
   DELIVERY_STUCK_AFTER_SECONDS ago (then there is nothing to do).
2. send through the channel (no lock held while waiting on the network).
3. finish: lock again and record `sent`, `needs_manual`, `failed` (permanent
   refusal, or attempts exhausted) or back to `queued` with a backoff.

A worker killed between 1 and 3 leaves the row `sending`; the sweeper re-enqueues
it once it is stale and the next claim takes it over. Because the delivery id is
the CWC DeliveryId, an office can recognise the rare message that arrives twice.
Every status change moves the "deliveries_<status>" totals in the same transaction
("deliveries_queued" includes the few deliveries in flight).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
import uuid
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.delivery import channel_for
from campaigns.delivery.base import (
    Bill,
    Constituent,
    Office,
    OutgoingLetter,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from campaigns.outreach.models import Delivery, Letter, LetterAction, OfficeReach, OfficeRoute
from campaigns.sql import (
    db_value,
    execute_prepared,
    field_count,
    instance_from_row,
    returning,
    update_where,
    update_where_sql,
)
from campaigns.totals import record_deltas, record_event, update_and_record_deltas

logger = logging.getLogger(__name__)
Status = Delivery.Status
MAX_BACKOFF_SECONDS = 1800  # below the broker's visibility timeout (3600 s)


@dataclass(frozen=True)
class SendOutcome:
    status: str
    retry_in: float | None = None  # seconds until the next attempt, when one is due


# --- status changes -------------------------------------------------------------------


def status_metric(status: str) -> str:
    """The totals metric of a status. "deliveries_queued" counts deliveries waiting *or*
    in flight: `sending` lasts a second and is not worth two counter writes per send."""
    return "deliveries_queued" if status == Status.SENDING else f"deliveries_{status}"


def _move_deltas(old: str, new_status: str) -> dict[str, int]:
    """One delivery leaves the total of `old` for that of `new_status`."""
    return {status_metric(old): -1, status_metric(new_status): +1}


def _count_move(delivery: Delivery, old: str, new_status: str) -> None:
    """`_move_deltas` added to the counters (one round trip)."""
    letter = delivery.letter
    record_deltas(
        campaign_id=delivery.campaign_id,
        deltas=_move_deltas(old, new_status),
        state=letter.state,
        district=letter.district,
        source=letter.source,
    )


def _move(delivery: Delivery, new_status: str, **fields) -> None:
    """Apply a transition from the map, moving the totals; same status is a no-op."""
    old = delivery.status
    if old == new_status:
        return
    if new_status not in Delivery.TRANSITIONS[old]:
        raise ApplicationError(
            _("A delivery cannot go from %(old)s to %(new)s.") % {"old": old, "new": new_status},
            code="illegal_transition",
            status=409,
        )
    now = timezone.now()
    delivery.status = new_status
    # A delivery sent again (admin retry) is pending again: back in the pending index.
    delivery.finished_at = now if new_status in Delivery.FINAL else None
    if new_status == Status.SENT:
        delivery.sent_at = now
    for name, value in fields.items():
        setattr(delivery, name, value)
    delivery.save(update_fields=["status", "finished_at", "sent_at", *fields])
    _moved(delivery, old, new_status)


def _moved(delivery: Delivery, old: str, new_status: str) -> None:
    """The totals side of a status change (same transaction as the change)."""
    if status_metric(old) != status_metric(new_status):
        _count_move(delivery, old, new_status)
    if new_status == Status.SENT:
        _office_reached(delivery)


# Offices this process already saw reached: a hint that saves a query per send.
_reached: set[tuple[int, str]] = set()


def _office_reached(delivery: Delivery) -> None:
    key = (delivery.campaign_id, delivery.office_code)
    if key in _reached:
        return
    _reach, created = OfficeReach.objects.get_or_create(
        campaign_id=delivery.campaign_id, office_code=delivery.office_code
    )
    _reached.add(key)
    if created:
        letter = delivery.letter
        record_event(
            campaign_id=delivery.campaign_id,
            metric="offices_reached",
            state=delivery.office_state,
            district=delivery.office_district,
            source=letter.source,
        )


def _locked(delivery_id) -> Delivery | None:
    return (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("letter__action")
        .filter(pk=delivery_id)
        .first()
    )


# --- sending ------------------------------------------------------------------------------

ROUTES_TTL_SECONDS = 60
_routes: dict = {"loaded": 0.0, "by_office": {}}


def office_route(office_code: str) -> OfficeRoute | None:
    """The office's route, from a per-process copy of the (small) table refreshed each minute."""
    now = time.monotonic()
    if now - _routes["loaded"] > ROUTES_TTL_SECONDS:
        _routes["by_office"] = {route.office_code: route for route in OfficeRoute.objects.all()}
        _routes["loaded"] = now
    return _routes["by_office"].get(office_code)


def _claim(delivery_id) -> Delivery | None:
    """Mark a queued delivery (or one whose sender died) `sending`; None if there is none.

    One UPDATE … RETURNING: the row lock lasts one statement, and two workers handed
    the same id cannot both claim it. On PostgreSQL the same statement also reads the
    letter and its action. Queued and sending count as the same total
    ("deliveries_queued"), so no counter moves here.
    """
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.DELIVERY_STUCK_AFTER_SECONDS)
    params = [
        Status.SENDING.value,
        db_value(Delivery, "sending_at", now),
        db_value(Delivery, "id", _uuid(delivery_id)),
        Status.QUEUED.value,
        Status.SENDING.value,
        db_value(Delivery, "sending_at", stale),
    ]
    if connection.vendor == "postgresql":
        rows = execute_prepared(_claim_sql(with_letter=True), params)
        return _claimed_with_letter(rows[0]) if rows else None
    with connection.cursor() as cursor:
        cursor.execute(_claim_sql(with_letter=False), params)
        row = cursor.fetchone()
    if row is None:
        return None
    delivery = instance_from_row(Delivery, row)
    delivery.letter = _letter_with_action(delivery.letter_id)
    return delivery


def _claimed_with_letter(row) -> Delivery:
    split = field_count(Delivery)
    delivery = instance_from_row(Delivery, row[:split])
    delivery.letter = _letter_from_row(row[split:])
    return delivery


@cache
def _claim_sql(*, with_letter: bool) -> str:
    deliveries = Delivery._meta.db_table
    update = (
        f"UPDATE {deliveries} SET status = %s, attempts = attempts + 1, sending_at = %s "  # noqa: S608
        "WHERE id = %s AND (status = %s OR (status = %s AND "
        "(sending_at IS NULL OR sending_at <= %s))) "
        f"RETURNING {returning(Delivery)}"
    )
    if not with_letter:
        return update
    letters = Letter._meta.db_table
    # The claim commits without waiting for its WAL flush (this statement only). If the
    # database crashed right after, the claim could be lost, leaving the row as it was
    # before: as after a worker crash, the send is retried and recognised by its
    # DeliveryId. The outcome's commit waits as usual, and it makes the claim durable too.
    return (
        "WITH no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true)), "  # noqa: S608
        f"claimed AS ({update}) "
        f"SELECT claimed.*, {_letter_columns()} FROM claimed "
        f"JOIN {letters} ON {letters}.id = claimed.letter_id {_action_join()} "
        "CROSS JOIN no_flush_wait"
    )


def _letter_with_action(letter_id: int) -> Letter:
    """`Letter.objects.select_related("action").get(pk=…)` in one query."""
    letters = Letter._meta.db_table
    sql = f"SELECT {_letter_columns()} FROM {letters} {_action_join()} WHERE {letters}.id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [letter_id])
        return _letter_from_row(cursor.fetchone())


@cache
def _letter_columns() -> str:
    """A letter's columns then its action's, as `_letter_from_row` reads them."""
    return f"{returning(Letter, qualified=True)}, {returning(LetterAction, qualified=True)}"


@cache
def _action_join() -> str:
    letters, actions = Letter._meta.db_table, LetterAction._meta.db_table
    return f"JOIN {actions} ON {actions}.id = {letters}.action_id"


def _letter_from_row(row) -> Letter:
    split = field_count(Letter)
    letter = instance_from_row(Letter, row[:split])
    letter.action = instance_from_row(LetterAction, row[split:])
    return letter


def _uuid(value) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def _office(delivery: Delivery, route: OfficeRoute | None) -> Office:
    return Office(
        code=delivery.office_code,
        name=delivery.office_name,
        chamber=delivery.chamber,
        state=delivery.office_state,
        district=delivery.office_district,
        email=route.email if route else "",
        phone=delivery.office_phone,
        contact_form_url=delivery.office_contact_url,
    )


def outgoing_letter(delivery: Delivery, office: Office) -> OutgoingLetter:
    letter = delivery.letter
    action = letter.action
    bills = ()
    if action.bill_congress and action.bill_type and action.bill_number:
        bills = (Bill(action.bill_congress, action.bill_type, action.bill_number),)
    return OutgoingLetter(
        delivery_id=delivery.cwc_delivery_id,
        campaign_code=action.cwc_campaign_id,
        office=office,
        constituent=Constituent(
            prefix=letter.prefix,
            first_name=letter.first_name,
            last_name=letter.last_name,
            address1=letter.address1,
            address2=letter.address2,
            city=letter.city,
            state=letter.state,
            zip_code=letter.zip_code,
            email=letter.email,
            phone=letter.phone,
        ),
        subject=delivery.subject,
        organization_statement=delivery.body,
        constituent_message=letter.personal_note,
        topics=tuple(action.topics or ["Immigration"]),
        bills=bills,
        delivery_date=timezone.localdate(),
    )


def delivery_send(*, delivery_id) -> SendOutcome | None:
    """Send one delivery through its office's channel, at most once.

    Returns None when there was nothing to do (gone, final, or being sent by
    another worker). A transient failure puts the row back to `queued` with
    `retry_in` seconds of backoff, or marks it `failed` once DELIVERY_MAX_ATTEMPTS
    is reached; a permanent refusal marks it `failed` with the reason.
    """
    delivery = _claim(delivery_id)
    if delivery is None:
        return None
    route = office_route(delivery.office_code)
    office = _office(delivery, route)
    channel = channel_for(office, route.channels if route else ())
    try:
        result = channel.send(outgoing_letter(delivery, office))
    except TransientDeliveryError as exc:
        return _after_transient(delivery_id, channel.name, str(exc))
    except PermanentDeliveryError as exc:
        return _finish(delivery, Status.FAILED, channel=channel.name, last_error=str(exc))
    except Exception as exc:  # a bug or an unforeseen library error: retry, within the limit
        logger.exception("delivery channel crashed")
        return _after_transient(delivery_id, channel.name, f"unexpected {type(exc).__name__}")
    return _finish(delivery, result.status, channel=channel.name, last_error="")


def _finish(claimed: Delivery, status: str, **fields) -> SendOutcome | None:
    """Record a final outcome with one conditional UPDATE (no lock-and-read round trip).

    It applies only while the row is as the claim left it (`sending`, same attempt
    number), so a worker whose attempt was taken over cannot overwrite the outcome.
    On PostgreSQL the UPDATE and the totals it moves are one statement, unless this
    process has yet to note the office as reached.
    """
    assert status in Delivery.FINAL  # noqa: S101 - sending always ends in a final state
    now = timezone.now()
    values = {**fields, "status": status, "finished_at": now}
    values["last_error"] = values.get("last_error", "")[:2000]
    if status == Status.SENT:
        values["sent_at"] = now
    where = {"id": claimed.pk, "status": Status.SENDING.value, "attempts": claimed.attempts}
    office_noted = status != Status.SENT or (claimed.campaign_id, claimed.office_code) in _reached
    if connection.vendor == "postgresql" and office_noted:
        update_sql, update_params = update_where_sql(Delivery, values, where)
        letter = claimed.letter
        changed = update_and_record_deltas(
            update_sql,
            update_params,
            campaign_id=claimed.campaign_id,
            deltas=_move_deltas(Status.SENDING, status),
            state=letter.state,
            district=letter.district,
            source=letter.source,
        )
    else:
        with transaction.atomic():
            changed = update_where(Delivery, values, where)
            if changed:
                _moved(claimed, Status.SENDING, status)
    if not changed:
        return None
    if status == Status.FAILED:
        logger.warning("delivery failed permanently", extra={"count": claimed.attempts})
    return SendOutcome(status)


def retry_delay(attempts: int) -> float:
    """Exponential backoff with jitter: ~base, 2×base, 4×base … capped."""
    base = settings.DELIVERY_RETRY_BACKOFF_SECONDS
    return min(MAX_BACKOFF_SECONDS, base * 2 ** max(0, attempts - 1)) + random.uniform(0, base)  # noqa: S311


@transaction.atomic
def _after_transient(delivery_id, channel: str, error: str) -> SendOutcome | None:
    delivery = _locked(delivery_id)
    if delivery is None or delivery.is_final:
        return None
    if delivery.attempts >= settings.DELIVERY_MAX_ATTEMPTS:
        reason = _("Gave up after %(n)s attempts: %(error)s") % {
            "n": delivery.attempts,
            "error": error,
        }
        _move(delivery, Status.FAILED, channel=channel, last_error=reason[:2000])
        return SendOutcome(Status.FAILED)
    delay = retry_delay(delivery.attempts)
    due = timezone.now() + dt.timedelta(seconds=delay)
    _move(delivery, Status.QUEUED, channel=channel, last_error=error[:2000], next_attempt_at=due)
    return SendOutcome(Status.QUEUED, retry_in=delay)


# --- operators and supporters -------------------------------------------------------------


def _enqueue(delivery_ids) -> None:
    from campaigns.outreach.tasks import delivery_send_task

    for delivery_id in delivery_ids:
        transaction.on_commit(lambda pk=str(delivery_id): delivery_send_task.delay(pk), robust=True)


@transaction.atomic
def deliveries_retry(*, delivery_ids) -> int:
    """Put failed deliveries back in the queue (admin "retry"); returns how many."""
    count = 0
    for delivery in (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("letter")
        .filter(pk__in=list(delivery_ids), status=Status.FAILED)
    ):
        _move(delivery, Status.QUEUED, attempts=0, next_attempt_at=timezone.now())
        _enqueue([delivery.pk])
        count += 1
    return count


@transaction.atomic
def delivery_mark_sent_by_supporter(*, delivery: Delivery) -> Delivery:
    """The supporter sent a `needs_manual` letter themselves. Repeating is a no-op."""
    locked = _locked(delivery.pk)
    if locked.status == Status.SENT:
        return locked
    if locked.status != Status.NEEDS_MANUAL:
        raise ApplicationError(
            _("Only letters waiting for you can be marked as sent."), code="not_manual", status=409
        )
    _move(locked, Status.SENT, marked_sent_by_supporter=True)
    return locked


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
