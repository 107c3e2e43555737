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
from campaigns.selectors import campaign_get_live
from campaigns.templating import supporter_values
from legislators.models import Legislator
from legislators.services.lookup import lookup_by_address, lookup_by_zip
from letters.models import LetterAction, Stance
from letters.recipients import Recipient, letter_recipients
from letters.selectors import letter_action_get_for_campaign
from letters.services.submit import Draft, Sender, draft_validate, letter_render

__all__ = ["ValidationError", "FlowState"]


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
    values = {name: data.get(name, "") for name in Sender.__dataclass_fields__}
    values["response_requested"] = bool(values["response_requested"])
    return Sender(**values)
