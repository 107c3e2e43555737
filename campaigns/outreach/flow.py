"""The supporter-facing flows' state between pages and the data each page shows.

Kept apart from the views so they stay thin: a view validates a form, calls one
function here or a service, and renders. The flow state lives in the session
(addresses never go into URLs or logs).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.outreach.models import CallAction, CallLog, LetterAction, Stance
from campaigns.outreach.offices import Recipient, legislator_values, supporter_values
from campaigns.outreach.selectors import (
    call_action_get_for_campaign,
    letter_action_get_for_campaign,
)
from campaigns.outreach.services.calls import call_log_create
from campaigns.outreach.services.letters import (
    Draft,
    Sender,
    draft_validate,
    letter_recipients,
    letter_render,
)
from campaigns.outreach.templating import render_text
from campaigns.selectors import campaign_get_live
from legislators.models import Legislator
from legislators.services.lookup import lookup_by_address, lookup_by_zip

__all__ = ["ValidationError", "FlowState"]


def action_for(slug: str):
    campaign = campaign_get_live(slug)
    action = letter_action_get_for_campaign(campaign=campaign) if campaign else None
    if action is None:
        raise Http404
    return campaign, action


def call_action_for(slug: str):
    campaign = campaign_get_live(slug)
    action = call_action_get_for_campaign(campaign=campaign) if campaign else None
    if action is None:
        raise Http404
    return campaign, action


@dataclass
class FlowState:
    address: dict = field(default_factory=dict)
    district: int | None = None
    recipients: list[dict] = field(default_factory=list)  # bioguide_id, why, stance
    edited_template: str = ""
    personal_note: str = ""

    @staticmethod
    def _key(action: LetterAction) -> str:
        return f"outreach:letter:{action.pk}"

    @classmethod
    def load(cls, session, action: LetterAction) -> FlowState:
        data = session.get(cls._key(action)) or {}
        try:
            return cls(**data)
        except TypeError:
            return cls()

    def save(self, session, action: LetterAction) -> None:
        session[self._key(action)] = asdict(self)

    @classmethod
    def clear(cls, session, action: LetterAction) -> None:
        session.pop(cls._key(action), None)

    @property
    def has_recipients(self) -> bool:
        return bool(self.recipients)

    @property
    def draft(self) -> Draft:
        return Draft(edited_template=self.edited_template, personal_note=self.personal_note)

    def sender_initial(self) -> dict:
        return {
            "address1": self.address.get("street", ""),
            "city": self.address.get("city", ""),
            "state": self.address.get("state", ""),
            "zip_code": self.address.get("zip_code", ""),
        }


def _lookup(address: dict):
    if address.get("street"):
        return lookup_by_address(
            street=address["street"],
            city=address.get("city", ""),
            state=address.get("state", ""),
            zip_code=address["zip_code"],
        )
    return lookup_by_zip(address["zip_code"])


def address_step(action: LetterAction, address: dict) -> FlowState:
    """Find the supporter's district and the letter's recipients; ApplicationError when the
    address does not settle who represents them (the message says what to enter)."""
    address = {k: address.get(k, "") for k in ("street", "city", "state", "zip_code")}
    lookup = _lookup(address)
    needs_district = action.targets == LetterAction.Targets.OWN_MEMBERS
    if needs_district and not lookup.certain:
        raise ApplicationError(lookup.message, code="district_uncertain")
    found = letter_recipients(action=action, lookup=lookup if lookup.certain else None)
    if not found:
        raise ApplicationError(
            _("We found no current member of Congress to write to for this address."),
            code="no_recipients",
        )
    state = lookup.state or address.get("state", "")
    return FlowState(
        address={**address, "state": state or ""},
        district=lookup.district,
        recipients=[
            {"bioguide_id": r.legislator.bioguide_id, "why": r.why, "stance": r.stance}
            for r in found
        ],
    )


def draft_step(action: LetterAction, state: FlowState, data: dict) -> FlowState:
    draft = draft_validate(
        action=action,
        draft=Draft(
            edited_template=data.get("edited_template", ""),
            personal_note=data.get("personal_note", ""),
        ),
    )
    state.edited_template, state.personal_note = draft.edited_template, draft.personal_note
    return state


def recipients(state: FlowState) -> list[Recipient]:
    ids = [item["bioguide_id"] for item in state.recipients]
    legislators = {
        legislator.bioguide_id: legislator
        for legislator in Legislator.objects.filter(bioguide_id__in=ids, is_current=True)
    }
    return [
        Recipient(legislators[item["bioguide_id"]], item["why"], item.get("stance", Stance.UNKNOWN))
        for item in state.recipients
        if item["bioguide_id"] in legislators
    ]


def previews(action: LetterAction, state: FlowState) -> list[dict]:
    """Each recipient's letter as it will be sent (names the supporter has not given yet
    show as a bracketed hint)."""
    names = supporter_values(
        first_name=_("[your first name]"),
        last_name=_("[your last name]"),
        city=state.address.get("city") or _("[your city]"),
        state=state.address.get("state", ""),
    )
    return [
        {
            "recipient": recipient,
            "office": recipient.office,
            "body": letter_render(
                action=action, recipient=recipient, sender_names=names, draft=state.draft
            ),
        }
        for recipient in recipients(state)
    ]


def sender(data: dict) -> Sender:
    return Sender(**{name: data.get(name, "") for name in Sender.__dataclass_fields__})


# --- calls -----------------------------------------------------------------------------


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
    targets = [
        {
            "legislator": legislator,
            "script": render_text(action.script, {**caller, **legislator_values(legislator)}),
            "district_office": _nearest_office(legislator, zip_code),
        }
        for legislator in members
    ]
    return {
        "lookup": lookup,
        "targets": targets,
        "zip": zip_code,
        "outcome_choices": CallLog.Outcome.choices,
    }


def call_report(action: CallAction, data: dict):
    legislator = Legislator.objects.filter(bioguide_id=data["legislator"], is_current=True).first()
    if legislator is None:
        raise ApplicationError(_("We don't know that member of Congress."), code="unknown_member")
    lookup = lookup_by_zip(data["zip"])
    return call_log_create(
        action=action,
        legislator=legislator,
        outcome=data["outcome"],
        state=lookup.state or "",
        district=lookup.district,
    )
