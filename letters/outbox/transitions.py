"""A delivery's status changes, each one statement with the totals it moves.

The map of allowed moves is `Delivery.TRANSITIONS`. A move applies only while the row is
as the caller read it (its status, and its attempt number when given), so two workers
cannot both move one delivery, and a worker whose attempt was taken over cannot overwrite
the outcome. In the same statement the delivery leaves the total of its old status for
that of the new one, and a first `sent` to an office of the campaign notes it reached.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.db.statements import Statement, insert, update, with_steps
from actioncenter.exceptions import ApplicationError
from actioncenter.fastpaths import execute_prepared
from letters.models import Delivery, OfficeReach
from metrics.record import Place, counter_upserts

Status = Delivery.Status


def status_metric(status: str) -> str:
    """The totals metric of a status. "deliveries_queued" counts deliveries waiting *or*
    in flight: `sending` lasts a second and is not worth two counter writes per send."""
    return "deliveries_queued" if status == Status.SENDING else f"deliveries_{status}"


def move_deltas(old: str, new: str) -> dict[str, int]:
    """One delivery leaves the total of `old` for that of `new`."""
    if status_metric(old) == status_metric(new):
        return {}
    return {status_metric(old): -1, status_metric(new): +1}


def delivery_move(
    delivery: Delivery,
    new_status: str,
    *,
    at_attempt: int | None = None,
    wait_for_flush: bool = True,
    **fields,
) -> bool:
    """Move `delivery` (with its letter loaded) from the status it was read with to
    `new_status`, setting `fields`; True when it moved. With `at_attempt`, only while the
    row is still at that attempt. `wait_for_flush=False` commits the move without waiting
    for its WAL flush (outside a transaction: for a move a crash may undo, see the
    caller). Repeating a move is a no-op; a move not in the map raises ApplicationError."""
    old = delivery.status
    if old == new_status:
        return False
    if new_status not in Delivery.TRANSITIONS[old]:
        raise ApplicationError(
            _("A delivery cannot go from %(old)s to %(new)s.") % {"old": old, "new": new_status},
            code="illegal_transition",
            status=409,
        )
    now = timezone.now()
    values = {**fields, "status": new_status}
    # A delivery sent again (admin retry) is pending again: back in the pending index.
    values["finished_at"] = now if new_status in Delivery.FINAL else None
    if new_status == Status.SENT:
        values["sent_at"] = now
    where = {"id": delivery.pk, "status": old}
    if at_attempt is not None:
        where["attempts"] = at_attempt
    statement = _move_statement(delivery, old, new_status, values, where, now, wait_for_flush)
    [(changed,)] = execute_prepared(statement.sql, statement.params)
    if changed:
        for name, value in values.items():
            setattr(delivery, name, value)
    return bool(changed)


def _move_statement(delivery, old, new_status, values, where, now, wait_for_flush) -> Statement:
    letter = delivery.letter
    steps = [("moved", _returning_one(update(Delivery, values, where)))]
    upserts, params = counter_upserts(
        campaign_id=delivery.campaign_id,
        deltas=move_deltas(old, new_status),
        place=Place(letter.state, letter.district),
        source=letter.source,
        when="moved",
    )
    steps += _named("counted", upserts, params)
    if new_status == Status.SENT:
        reach = insert(
            OfficeReach,
            {"campaign": delivery.campaign_id, "office_code": delivery.office_code,
             "first_sent_at": now},
            source="FROM moved",
            conflict=["campaign", "office_code"],
            returning="1",
        )  # fmt: skip
        steps.append(("reached", reach))
        upserts, params = counter_upserts(
            campaign_id=delivery.campaign_id,
            deltas={"offices_reached": 1},
            place=Place(delivery.office_state, delivery.office_district),
            source=letter.source,
            when="reached",
        )
        steps += _named("reach_counted", upserts, params)
    return with_steps(steps, "SELECT COUNT(*) FROM moved", wait_for_flush=wait_for_flush)


def _returning_one(statement: Statement) -> Statement:
    return Statement(f"{statement.sql} RETURNING 1", statement.params)


def _named(prefix: str, upserts: list[str], params: list) -> list[tuple[str, Statement]]:
    """The counter upserts as steps; their parameters all go with the first (in order)."""
    return [
        (f"{prefix}_{index}", Statement(sql, params if index == 0 else []))
        for index, sql in enumerate(upserts)
    ]
