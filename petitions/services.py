"""Signing a campaign's petition."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign, ConsentRecord
from campaigns.services.actions import Action, Recorded, action_record
from campaigns.services.campaigns import campaign_require_live
from campaigns.services.supporters import Person
from petitions.models import Signature
from signups.services.subscriptions import subscription_request


def signature_create(
    *,
    campaign: Campaign,
    email: str,
    first_name: str = "",
    last_name: str = "",
    zip_code: str = "",
    comment: str = "",
    source: str = "",
    updates_opt_in: bool = False,
    show_publicly: bool = False,
    partner_ids=(),
    **details,
) -> tuple[Signature, bool]:
    """Sign the campaign's petition; returns (signature, created).

    A second signature with the same email (any case or spacing) returns the first one with
    created=False and counts nothing. A new signature, its consents, the "signatures" and
    "supporters" counters and the supporter row commit together (one statement). Asking
    for updates sends the confirmation email after commit. Raises ApplicationError when
    the campaign has no open petition or is not live.
    """
    campaign_require_live(campaign)
    petition = getattr(campaign, "petition", None)  # the missing relation is an AttributeError
    if petition is None or not petition.is_active:
        raise ApplicationError(_("This petition is closed."), code="petition_closed", status=409)
    consents = [ConsentRecord.Purpose.PETITION]
    if show_publicly:
        consents.append(ConsentRecord.Purpose.PUBLIC_LISTING)
    action = Action(
        model=Signature,
        campaign_id=campaign.pk,
        values={
            "zip_code": zip_code,
            "comment": comment,
            "source": source,
            "show_publicly": show_publicly,
            "created_at": timezone.now(),
        },
        unique=["campaign", "supporter"],
        counts={"signatures": 1},
        consents=consents,
        partner_ids=list(partner_ids or ()),
        source=source,
    )
    person = Person(
        email=email, first_name=first_name, last_name=last_name, zip_code=zip_code, **details
    )
    if not updates_opt_in:
        return _signature(campaign, action, action_record(action, person, safe_to_repeat=True))
    with transaction.atomic():
        recorded = action_record(action, person)
        signature, created = _signature(campaign, action, recorded)
        if created:
            subscription_request(supporter=signature.supporter, campaign=campaign)
    return signature, created


def _signature(campaign: Campaign, action: Action, recorded: Recorded) -> tuple[Signature, bool]:
    if not recorded.created:
        return Signature.objects.get(campaign=campaign, supporter_id=recorded.supporter_id), False
    signature = Signature(
        **action.values,
        pk=recorded.action_id,
        campaign=campaign,
        supporter_id=recorded.supporter_id,
        state=recorded.place.state,
        district=recorded.place.district,
    )
    signature._state.adding = False
    return signature, True
