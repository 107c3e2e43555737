"""Reads of the call page: the campaign's call-in and whom a caller should ring."""

from __future__ import annotations

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from calls.models import CallAction, CallLog
from campaigns.selectors import campaign_get_live
from campaigns.templating import render_text, supporter_values
from legislators.models import Legislator
from legislators.offices import legislator_values
from legislators.services.answers import LookupResult
from legislators.services.lookup import lookup_by_chosen_seat, lookup_by_zip


def call_action_get_for_campaign(*, campaign) -> CallAction | None:
    return (
        CallAction.objects.select_related("campaign")
        .filter(campaign=campaign, is_active=True)
        .first()
    )


def call_action_for(slug: str):
    campaign = campaign_get_live(slug)
    action = call_action_get_for_campaign(campaign=campaign) if campaign else None
    if action is None:
        raise Http404
    return campaign, action


def _nearest_office(legislator: Legislator, zip_code: str):
    """The district office most likely near the caller: same ZIP prefix, else the first.

    ZIP prefixes (the first three digits) group nearby post offices, which is
    close enough to pick among a member's few district offices."""
    offices = [office for office in legislator.offices.all() if office.phone]
    for office in offices:
        if office.zip_code[:3] == zip_code[:3]:
            return office
    return offices[0] if offices else None


def caller_lookup(zip_code: str, district: str = "") -> LookupResult:
    """Whom a caller's ZIP code names, or the district they chose among the ZIP's ("VA-8")."""
    lookup = lookup_by_zip(zip_code)
    state, _sep, number = (district or "").partition("-")
    if not lookup.certain and number.isdigit():
        return lookup_by_chosen_seat(zip_code, state=state, district=int(number)) or lookup
    return lookup


def _call_message(lookup: LookupResult) -> str:
    """The page asks only for a ZIP code: when it spans districts, the caller calls their
    senators now and chooses their district for their House member."""
    if lookup.certain or not lookup.candidates:
        return lookup.message
    if not lookup.senators_certain:
        return _(
            "Your ZIP code crosses a state line. Choose your district below to see whom to call."
        )
    count = len(lookup.candidates)
    return ngettext(
        "Your ZIP code spans %(count)s congressional district. Call your senators now; to "
        "call your House member too, choose your district below.",
        "Your ZIP code spans %(count)s congressional districts. Call your senators now; to "
        "call your House member too, choose your district below.",
        count,
    ) % {"count": count}


def call_targets(action: CallAction, zip_code: str, district: str = "") -> dict:
    lookup = caller_lookup(zip_code, district)
    if lookup.certain:
        members = [*lookup.representatives, *lookup.senators]
    else:  # only the senators are certain (when the ZIP is in one state)
        members = list(lookup.senators) if lookup.senators_certain else []
    members = [m for m in members if action.chambers in ("both", m.chamber)]
    caller = supporter_values(first_name="", last_name="", city="", state=lookup.state or "")
    # The caller's language when the campaign publishes the script in it, else the campaign's;
    # members' titles are in the script's language.
    script = action.localized
    with translation.override(script.lang):
        offices = [legislator_values(legislator) for legislator in members]
    targets = [
        {
            "legislator": legislator,
            "script": render_text(script.script, {**caller, **office}),
            "district_office": _nearest_office(legislator, zip_code),
        }
        for legislator, office in zip(members, offices, strict=True)
    ]
    uncertain = not lookup.certain and bool(lookup.candidates)
    return {
        "lookup": lookup,
        "message": _call_message(lookup),
        "targets": targets,
        "zip": zip_code,
        "district": f"{lookup.state}-{lookup.district}" if lookup.certain else "",
        "district_candidates": (
            lookup.candidates if uncertain and action.chambers != "senate" else []
        ),
        "script_language": script.lang,
        "outcome_choices": CallLog.Outcome.choices,
    }
