"""Reads of the call page: the campaign's call-in and whom a caller should ring."""

from __future__ import annotations

from django.http import Http404
from django.utils import translation

from calls.models import CallAction, CallLog
from campaigns.selectors import campaign_get_live
from campaigns.templating import render_text, supporter_values
from legislators.models import Legislator
from legislators.offices import legislator_values
from legislators.services.lookup import lookup_by_zip


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


def call_targets(action: CallAction, zip_code: str) -> dict:
    lookup = lookup_by_zip(zip_code)
    members = [*lookup.representatives, *lookup.senators]
    members = [m for m in members if action.chambers in ("both", m.chamber)]
    caller = supporter_values(first_name="", last_name="", city="", state=lookup.state or "")
    # The script is said to the office: members' titles in the campaign's language, the script's.
    with translation.override(action.campaign.language or None):
        offices = [legislator_values(legislator) for legislator in members]
    targets = [
        {
            "legislator": legislator,
            "script": render_text(action.script, {**caller, **office}),
            "district_office": _nearest_office(legislator, zip_code),
        }
        for legislator, office in zip(members, offices, strict=True)
    ]
    return {
        "lookup": lookup,
        "targets": targets,
        "zip": zip_code,
        "outcome_choices": CallLog.Outcome.choices,
    }
