"""Sending one delivery: claim it, send it through its office's channel, record the outcome."""

from __future__ import annotations

import datetime as dt
import logging
import random
import uuid
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.caching import ProcessCache
from actioncenter.db.statements import (
    Statement,
    db_value,
    field_count,
    quote,
    returning,
    with_steps,
)
from actioncenter.fastpaths import execute_prepared, instance_from_row
from actioncenter.siteurl import site_url
from letters.channels import channel_for
from letters.channels.base import (
    Bill,
    Constituent,
    HandoverRefused,
    HeldDeliveryError,
    Office,
    OutgoingLetter,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from letters.models import Delivery, Letter, LetterAction, OfficeRoute
from letters.outbox.transitions import delivery_move

logger = logging.getLogger(__name__)
Status = Delivery.Status
MAX_BACKOFF_SECONDS = 1800  # below the broker's visibility timeout (3600 s)
# Office routes are a small table staff rarely edit: each process reads it once a minute.
_routes = ProcessCache("letters.office-routes", size=1, ttl=60)


@dataclass(frozen=True)
class SendOutcome:
    status: str
    retry_in: float | None = None  # seconds until the next attempt, when one is due


def office_route(office_code: str) -> OfficeRoute | None:
    routes = _routes.get_or_set(
        "all", lambda: {route.office_code: route for route in OfficeRoute.objects.all()}
    )
    return routes.get(office_code)


def delivery_send(*, delivery_id) -> SendOutcome | None:
    """Send one delivery through its office's channel.

    Returns None when there was nothing to do (gone, final, being sent by another
    worker, or handed over by a sender that then stopped: the sweeper settles those).
    A transient failure puts the row back to `queued` with `retry_in` seconds of
    backoff, or marks it `failed` once DELIVERY_MAX_ATTEMPTS is reached; a permanent
    refusal marks it `failed` with the reason; a refused delivery setup holds it
    (`held`) until the setup changes (`deliveries_resume`).
    """
    delivery = _claim(delivery_id)
    if delivery is None:
        return None
    route = office_route(delivery.office_code)
    office = _office(delivery, route)
    channel = channel_for(office, route.channels if route else ())
    try:
        result = channel.send(
            outgoing_letter(delivery, office),
            handover=lambda: _hand_over(delivery, channel=channel.name),
        )
    except HandoverRefused:
        return None  # another sender took the delivery over meanwhile, and sends it
    except (OperationalError, InterfaceError):
        raise  # the database, not the channel: the task tries again on a new connection
    except TransientDeliveryError as exc:
        return _after_transient(delivery, channel.name, str(exc))
    except HeldDeliveryError as exc:  # our setup, not the letter: wait for it to change
        logger.warning("delivery held: the delivery setup was refused")
        return _finish(
            delivery, Status.HELD, channel=channel.name, last_error=str(exc), held_setup=exc.setup
        )
    except PermanentDeliveryError as exc:
        return _finish(delivery, Status.FAILED, channel=channel.name, last_error=str(exc))
    except Exception as exc:  # a bug or an unforeseen library error: retry, within the limit
        logger.exception("delivery channel crashed")
        return _after_transient(delivery, channel.name, f"unexpected {type(exc).__name__}")
    return _finish(delivery, result.status, channel=channel.name, last_error="")


def _finish(claimed: Delivery, status: str, **fields) -> SendOutcome | None:
    """Record the outcome, if the row is still as the claim left it (same attempt).

    `sent` after a handover commits without waiting for its WAL flush: if a database
    crash lost it, the row would be left handed over, which the sweeper records as sent,
    counted once. Every other outcome waits, as the sweeper could not redo it.
    """
    fields["last_error"] = fields.get("last_error", "")[:2000]
    redone_by_sweeper = status == Status.SENT and claimed.handed_over_at is not None
    if not delivery_move(
        claimed,
        status,
        at_attempt=claimed.attempts,
        wait_for_flush=not redone_by_sweeper,
        **fields,
    ):
        return None
    if status == Status.FAILED:
        logger.warning("delivery failed permanently", extra={"count": claimed.attempts})
    return SendOutcome(status)


def retry_delay(attempts: int) -> float:
    """Exponential backoff with jitter: ~base, 2×base, 4×base … capped."""
    base = settings.DELIVERY_RETRY_BACKOFF_SECONDS
    return min(MAX_BACKOFF_SECONDS, base * 2 ** max(0, attempts - 1)) + random.uniform(0, base)  # noqa: S311


def _after_transient(claimed: Delivery, channel: str, error: str) -> SendOutcome | None:
    if claimed.attempts >= settings.DELIVERY_MAX_ATTEMPTS:
        reason = _("Gave up after %(n)s attempts: %(error)s") % {
            "n": claimed.attempts,
            "error": error,
        }
        return _finish(claimed, Status.FAILED, channel=channel, last_error=reason)
    delay = retry_delay(claimed.attempts)
    due = timezone.now() + dt.timedelta(seconds=delay)
    # Sent again even when the failure came after the handover (no answer in time, a
    # dropped connection): CWC failing to answer is more likely to have lost the message
    # than a worker that stops, and the repeat carries the same DeliveryId.
    moved = delivery_move(
        claimed,
        Status.QUEUED,
        at_attempt=claimed.attempts,
        channel=channel,
        last_error=error[:2000],
        next_attempt_at=due,
        handed_over_at=None,
    )
    return SendOutcome(Status.QUEUED, retry_in=delay) if moved else None


# --- claiming and handing over ----------------------------------------------------------


def _claim(delivery_id) -> Delivery | None:
    """Mark a queued delivery (or one whose sender died) `sending`; None if there is none.

    One UPDATE … RETURNING, which also reads the letter and its action: the row lock lasts
    one statement, and two workers handed the same id cannot both claim it. Queued and
    sending count as the same total ("deliveries_queued"), so no counter moves here.
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
    rows = execute_prepared(_claim_sql(), params)
    if not rows:
        return None
    row = rows[0]
    split, letter_split = field_count(Delivery), field_count(Delivery) + field_count(Letter)
    delivery = instance_from_row(Delivery, row[:split])
    delivery.letter = instance_from_row(Letter, row[split:letter_split])
    delivery.letter.action = instance_from_row(LetterAction, row[letter_split:])
    return delivery


@cache
def _claim_sql() -> str:
    deliveries = quote(Delivery._meta.db_table)
    letters, actions = quote(Letter._meta.db_table), quote(LetterAction._meta.db_table)
    # A stale `sending` row is taken over only if its message was never handed over; one
    # that was is the sweeper's to settle (`deliveries_sweep`), never to send again.
    update = (
        f"UPDATE {deliveries} SET status = %s, attempts = attempts + 1, sending_at = %s, "  # noqa: S608
        "handed_over_at = NULL "
        "WHERE id = %s AND (status = %s OR (status = %s AND handed_over_at IS NULL AND "
        "(sending_at IS NULL OR sending_at <= %s))) "
        f"RETURNING {returning(Delivery)}"
    )
    # The claim commits without waiting for its WAL flush (this statement only). If the
    # database crashed right after, the claim could be lost, leaving the row as it was
    # before, and nothing has left yet: the handover's commit, which waits, makes the
    # claim durable too before the message can arrive.
    final = (
        f"SELECT claimed.*, {returning(Letter, qualified=True)}, "  # noqa: S608
        f"{returning(LetterAction, qualified=True)} FROM claimed "
        f"JOIN {letters} ON {letters}.id = claimed.letter_id "
        f"JOIN {actions} ON {actions}.id = {letters}.action_id"
    )
    return with_steps([("claimed", Statement(update, []))], final, wait_for_flush=False).sql


def _hand_over(claimed: Delivery, *, channel: str) -> None:
    """Record that this attempt's message is about to reach the office's system.

    Called by the channel when only the request's body is left to write. The commit waits
    for its WAL flush, so the mark outlives a crash of the worker or of the database:
    from here on this attempt is never sent again. Raises HandoverRefused when the row
    is no longer this attempt's (taken over after DELIVERY_STUCK_AFTER_SECONDS).
    """
    now = timezone.now()
    params = [
        db_value(Delivery, "handed_over_at", now),
        channel,
        db_value(Delivery, "id", claimed.pk),
        Status.SENDING.value,
        claimed.attempts,
    ]
    if not execute_prepared(_hand_over_sql(), params):
        raise HandoverRefused
    claimed.handed_over_at, claimed.channel = now, channel


@cache
def _hand_over_sql() -> str:
    return (
        f"UPDATE {quote(Delivery._meta.db_table)} SET handed_over_at = %s, channel = %s "  # noqa: S608
        "WHERE id = %s AND status = %s AND attempts = %s AND handed_over_at IS NULL "
        "RETURNING 1"
    )


def _uuid(value) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


# --- the letter as a channel gets it --------------------------------------------------------


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


def campaign_url(campaign) -> str:
    """The campaign's public page, absolute (read only for letters about a bill)."""
    return f"{site_url()}{campaign.get_absolute_url()}"


def outgoing_letter(delivery: Delivery, office: Office) -> OutgoingLetter:
    letter = delivery.letter
    action = letter.action
    bills, position, more_info = (), "", ""
    if action.bill_congress and action.bill_type and action.bill_number:
        # A letter about a bill says which way and where a staffer reads more about it.
        bills = (Bill(action.bill_congress, action.bill_type, action.bill_number),)
        position = action.bill_position
        more_info = action.more_info_url or campaign_url(action.campaign)
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
        pro_or_con=position,
        more_info_url=more_info,
        response_requested=letter.response_requested,
        delivery_date=timezone.localdate(),
    )
