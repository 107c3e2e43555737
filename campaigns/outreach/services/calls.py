"""Call outcomes reported by supporters, counted toward the campaign totals."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.outreach.models import CallAction, CallLog
from campaigns.outreach.offices import office_code_for
from campaigns.totals import record_event
from legislators.models import Legislator


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
    where = {"campaign_id": action.campaign_id, "state": state, "district": district}
    record_event(metric="calls", source=source, **where)
    record_event(metric=f"calls_{outcome}", source=source, **where)
    return call
