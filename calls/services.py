"""Call outcomes reported by supporters, counted toward the campaign totals."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from calls.models import CallAction, CallLog
from calls.selectors import caller_lookup
from legislators.models import Legislator
from legislators.offices import office_code_for
from metrics.record import Place, record


@transaction.atomic
def call_log_create(
    *,
    action: CallAction,
    legislator: Legislator,
    outcome: str,
    state: str = "",
    district: int | None = None,
    source: str = "",
) -> CallLog:
    """Record one call and count it as "calls" and "calls_<outcome>"."""
    if outcome not in CallLog.Outcome.values:
        raise ApplicationError(_("Choose how the call went."), code="invalid_outcome")
    if not action.is_active:
        raise ApplicationError(_("This call-in is closed."), code="action_closed", status=409)
    call = CallLog.objects.create(
        action=action,
        legislator=legislator,
        office_code=office_code_for(legislator),
        outcome=outcome,
        state=state,
        district=district,
    )
    record(
        campaign_id=action.campaign_id,
        deltas={"calls": 1, f"calls_{outcome}": 1},
        place=Place(state, district),
        source=source,
    )
    return call


def call_report(action: CallAction, data: dict):
    legislator = Legislator.objects.filter(bioguide_id=data["legislator"], is_current=True).first()
    if legislator is None:
        raise ApplicationError(_("We don't know that member of Congress."), code="unknown_member")
    lookup = caller_lookup(data["zip"], data.get("district", ""))
    return call_log_create(
        action=action,
        legislator=legislator,
        outcome=data["outcome"],
        state=lookup.state or "",
        district=lookup.district,
    )
