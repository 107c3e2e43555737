"""Who receives a supporter's letter, and the office each recipient's copy goes to."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from legislators.models import Legislator
from legislators.offices import formal_name, office_code_for
from legislators.selectors import committee_members
from legislators.services.answers import LookupResult
from letters.channels.base import Office
from letters.models import LegislatorStance, LetterAction


@dataclass(frozen=True)
class Recipient:
    """A legislator a supporter's letter goes to, and why they were chosen."""

    legislator: Legislator
    why: str
    stance: str = "unknown"

    @property
    def office(self) -> Office:
        return office_for(self.legislator)


def office_for(legislator: Legislator) -> Office:
    return Office(
        code=office_code_for(legislator),
        name=formal_name(legislator),
        chamber=legislator.chamber,
        state=legislator.state,
        district=legislator.district,
        phone=legislator.dc_phone,
        contact_form_url=legislator.contact_form_url or legislator.website,
    )


def _wanted(action: LetterAction, legislator: Legislator) -> bool:
    return action.chambers in ("both", legislator.chamber)


def _own_members(action: LetterAction, lookup: LookupResult) -> list[Recipient]:
    recipients = []
    for legislator in lookup.members_if_certain():
        if not _wanted(action, legislator):
            continue
        if legislator.is_senator:
            why = _("One of your two senators for %(state)s") % {"state": legislator.state}
        else:
            why = _("Your member of the House for %(seat)s") % {"seat": legislator.seat_label}
        recipients.append(Recipient(legislator, why))
    return recipients


def _own_senators(action: LetterAction, lookup: LookupResult) -> list[Recipient]:
    if not lookup.senators_certain or not _wanted(action, lookup.senators[0]):
        return []
    why = _("One of your two senators for %(state)s")
    return [Recipient(s, why % {"state": s.state}) for s in lookup.senators]


def letter_recipients(
    *, action: LetterAction, lookup: LookupResult | None, senators_only: bool = False
) -> list[Recipient]:
    """Who receives this supporter's letter, each with why, and their stance.

    Own members need a certain lookup (one district), or `senators_only` when the ZIP is in
    one state but several districts; otherwise ApplicationError.
    """
    if action.targets == LetterAction.Targets.OWN_MEMBERS:
        if lookup is None:
            raise ApplicationError(_("Tell us where you live first."), code="address_required")
        if senators_only:
            recipients = _own_senators(action, lookup) if lookup.senators else []
        else:
            recipients = _own_members(action, lookup)
    elif action.targets == LetterAction.Targets.FIXED:
        chosen = action.fixed_legislators.filter(is_current=True).order_by("chamber", "state")
        why = _("Chosen by the campaign")
        recipients = [Recipient(legislator, why) for legislator in chosen]
    else:
        why = _("Member of the %(committee)s") % {"committee": action.committee.name}
        members = committee_members(action.committee.thomas_id)
        recipients = [Recipient(m, why) for m in members if _wanted(action, m)]
    recipients = _one_per_office(recipients)
    stances = dict(
        LegislatorStance.objects.filter(
            action=action, legislator__in=[r.legislator for r in recipients]
        ).values_list("legislator_id", "stance")
    )
    return [
        Recipient(r.legislator, r.why, stances.get(r.legislator.pk, "unknown")) for r in recipients
    ]


def _one_per_office(recipients: list[Recipient]) -> list[Recipient]:
    """An office receives one letter even if the data lists two members for one seat."""
    seen: set[str] = set()
    unique = []
    for recipient in recipients:
        code = recipient.office.code
        if code not in seen:
            seen.add(code)
            unique.append(recipient)
    return unique
