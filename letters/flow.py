"""The supporter-facing flows' state between pages and the data each page shows.

Kept apart from the views so they stay thin: a view validates a form, calls one
function here or a service, and renders. The flow state lives in the session
(addresses never go into URLs or logs).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns import kinds
from campaigns.selectors import campaign_get_live
from campaigns.templating import supporter_values
from legislators.models import Legislator
from legislators.offices import legislator_values
from legislators.services.answers import LookupResult
from legislators.services.lookup import lookup_by_address, lookup_by_chosen_seat, lookup_by_zip
from letters import editing
from letters.models import LetterAction, Stance
from letters.recipients import NotTargeted, Recipient, letter_reaches_house, letter_recipients
from letters.selectors import letter_action_get_for_campaign
from letters.services.submit import (
    Draft,
    Sender,
    draft_validate,
    letter_language,
    letter_render,
)

__all__ = ["ValidationError", "FlowState", "DistrictUncertain", "NotTargeted"]

# The district choice that writes to the senators now and to the House member later.
SENATORS_NOW = "senators"


def action_for(slug: str):
    campaign = campaign_get_live(slug)
    action = letter_action_get_for_campaign(campaign=campaign) if campaign else None
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
    letter_body: str = ""  # the supporter's edit as they wrote it, shown again if they return
    house_later: bool = False  # a split ZIP, senators only: the House member from the receipt
    language: str = ""  # the letter's, set on the page where the supporter reads and edits it

    @staticmethod
    def _key(action: LetterAction) -> str:
        return f"letters:flow:{action.pk}"

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


class DistrictUncertain(ApplicationError):
    """The ZIP spans districts and nothing settled which is the supporter's: the page offers
    the candidates to choose from (and the senators alone, when they are certain)."""

    def __init__(self, lookup: LookupResult, *, senators_choice: bool):
        super().__init__(lookup.message, code="district_uncertain")
        self.lookup = lookup
        self.senators_choice = senators_choice


def district_message(lookup: LookupResult) -> str:
    """What the letter page says when the district is uncertain, with the choice offered."""
    if not lookup.candidates:
        return lookup.message
    if lookup.fell_back:
        return " ".join(
            [
                lookup.fallback_text,
                _(
                    "Your ZIP code spans several districts: choose yours below, or write to "
                    "your senators now and to your House member later."
                ),
            ]
        )
    return " ".join([lookup.message, _("If you prefer, choose your district below instead.")])


def _lookup(address: dict):
    choice = address.get("district", "")
    if choice and choice != SENATORS_NOW:
        state, _sep, number = choice.partition("-")
        if number.isdigit():
            chosen = lookup_by_chosen_seat(address["zip_code"], state=state, district=int(number))
            if chosen is not None:
                return chosen
    if address.get("street") and not choice:
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
    address = {k: address.get(k, "") for k in ("street", "city", "state", "zip_code", "district")}
    lookup = _lookup(address)
    # Every letter goes to the supporter's own members (letters.recipients), so each mode
    # needs their district, unless no House office can receive this letter.
    reaches_house = letter_reaches_house(action)
    senators_choice = lookup.senators_certain and action.chambers != "house"
    senators_only = not lookup.certain and senators_choice
    if senators_only and not reaches_house:
        address["district"] = SENATORS_NOW  # the House is not written to: nothing to choose
    if not lookup.certain and not (senators_only and address["district"] == SENATORS_NOW):
        raise DistrictUncertain(lookup, senators_choice=senators_choice)
    found = letter_recipients(action=action, lookup=lookup, senators_only=not lookup.certain)
    if not found:
        raise ApplicationError(
            _("We found no current member of Congress to write to for this address."),
            code="no_recipients",
        )
    state = lookup.state or address.get("state", "")
    return FlowState(
        address={**address, "state": state or "", "district": ""},
        district=lookup.district,
        house_later=not lookup.certain and reaches_house,
        recipients=[
            {"bioguide_id": r.legislator.bioguide_id, "why": r.why, "stance": r.stance}
            for r in found
        ],
    )


def draft_step(action: LetterAction, state: FlowState, data: dict) -> FlowState:
    """Keeps the supporter's words: their edit of the letter's body (made a template again,
    so each office gets its own greeting and names) and their own note. A partner's API call
    gives `edited_template`, a whole letter with merge fields, instead."""
    state.language = letter_language(action=action)  # the page's, when the letter has it
    body = data.get("letter_body", "") if action.editable else ""
    if "edited_template" in data:
        edited = data["edited_template"]
    elif not action.editable:
        edited = ""  # the organizer's letter as written: nothing to turn back into one
    else:
        template = action.text("template", state.language)
        edited = editing.body_to_template(template, body, editing_values(action, state))
    draft = draft_validate(
        action=action,
        draft=Draft(edited_template=edited, personal_note=data.get("personal_note", "")),
        language=state.language,
    )
    state.edited_template, state.personal_note = draft.edited_template, draft.personal_note
    state.letter_body = body.strip() if draft.edited_template else ""
    return state


def _supporter_hints(state: FlowState) -> dict[str, str]:
    """The supporter's merge fields before they give their details: bracketed hints."""
    return supporter_values(
        first_name=_("[your first name]"),
        last_name=_("[your last name]"),
        city=state.address.get("city") or _("[your city]"),
        state=state.address.get("state", ""),
    )


def editing_values(action: LetterAction, state: FlowState) -> dict[str, str]:
    """The merge fields the editable body is shown with: the first member's, as the letter
    names them (in the letter's language), and the supporter's hints."""
    found = recipients(state)
    office = {}
    if found:
        with translation.override(state_language(action, state)):
            office = legislator_values(found[0].legislator)
    return {**_supporter_hints(state), **office}


def letter_body_initial(action: LetterAction, state: FlowState) -> str:
    """What the editor holds: the supporter's own edit if any, else the body as shown."""
    if state.letter_body:
        return state.letter_body
    template = action.text("template", state_language(action, state))
    return editing.body_shown(template, editing_values(action, state))


def state_language(action: LetterAction, state: FlowState) -> str:
    """The letter's language: the one the supporter last edited it in, else the page's."""
    return letter_language(action=action, language=state.language)


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
    names = _supporter_hints(state)
    return [
        {
            "recipient": recipient,
            "office": recipient.office,
            "body": letter_render(
                action=action,
                recipient=recipient,
                sender_names=names,
                draft=state.draft,
                language=state_language(action, state),
            ),
        }
        for recipient in recipients(state)
    ]


def sender(data: dict) -> Sender:
    values = {name: data.get(name, "") for name in Sender.__dataclass_fields__}
    values["response_requested"] = bool(values["response_requested"])
    return Sender(**values)


def other_actions(campaign, action: LetterAction) -> list[dict]:
    """What a supporter whose members the letter does not write to can do instead: the
    campaign's other actions, each with its link."""
    page = campaign.get_absolute_url()
    others = []
    for kind, config in kinds.offered(campaign):
        if config == action:
            continue
        url = kind.card_url(campaign)
        others.append({"label": kind.cta, "description": kind.description,
                       "url": page + url if url.startswith("#") else url})  # fmt: skip
    return others
