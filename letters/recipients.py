"""Who receives a supporter's letter, and the office each recipient's copy goes to.

One rule, read by the letter flow, the API, the receipt's "add your House member" and the
staff builder: an office takes mail from its own constituents, so a letter goes only to the
supporter's own members of Congress, in the chambers the campaign writes to, and of those,
when the campaign names a committee or a fixed list, only the ones on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from legislators.models import Committee, Legislator
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


def _wanted(chambers: str, legislator: Legislator) -> bool:
    return chambers in ("both", legislator.chamber)


class NotTargeted(ApplicationError):
    """The supporter's own members are not among those the letter is written to: the page
    explains it kindly and offers the campaign's other actions."""

    def __init__(self, members: list[Legislator]):
        super().__init__(
            _(
                "This letter goes only to certain members of Congress, and yours are not "
                "among them: offices read mail from their own constituents, so a letter "
                "from you would not be counted. Thank you for wanting to write; you can "
                "still help in the other ways below."
            ),
            code="not_targeted",
            status=400,
        )
        self.members = members


def _own_why(legislator: Legislator) -> str:
    if legislator.is_senator:
        return _("One of your two senators for %(state)s") % {"state": legislator.state}
    return _("Your member of the House for %(seat)s") % {"seat": legislator.seat_label}


def _own(action: LetterAction, lookup: LookupResult | None, senators_only: bool):
    """The supporter's own members in the chambers the letter writes to."""
    if lookup is None:
        raise ApplicationError(_("Tell us where you live first."), code="address_required")
    if senators_only:
        members = list(lookup.senators) if lookup.senators_certain else []
    else:
        members = lookup.members_if_certain()
    return [member for member in members if _wanted(action.chambers, member)]


def _targeted_ids(action: LetterAction, members: list[Legislator]) -> set[int]:
    """Of `members`, those on the campaign's committee or fixed list (one query)."""
    ids = [member.pk for member in members]
    if action.targets == LetterAction.Targets.COMMITTEE:
        chosen = committee_members(action.committee.thomas_id).filter(pk__in=ids)
    else:
        chosen = action.fixed_legislators.filter(pk__in=ids, is_current=True)
    return set(chosen.values_list("pk", flat=True))


def letter_recipients(
    *, action: LetterAction, lookup: LookupResult | None, senators_only: bool = False
) -> list[Recipient]:
    """Who receives this supporter's letter, each with why, and their stance.

    Always the supporter's own members (a certain lookup, one district; or their senators
    with `senators_only` when the ZIP is in one state but several districts), in the
    chambers the letter writes to; with a committee or a fixed list, only those on it.
    ApplicationError without an address; NotTargeted when none of the supporter's members
    is on the committee or the list.
    """
    own = _own(action, lookup, senators_only)
    if action.targets == LetterAction.Targets.OWN_MEMBERS:
        recipients = [Recipient(member, _own_why(member)) for member in own]
    else:
        chosen = _targeted_ids(action, own) if own else set()
        recipients = [
            Recipient(member, _targeted_why(action, member))
            for member in own
            if member.pk in chosen
        ]
        if own and not recipients:
            raise NotTargeted(own)
    recipients = _one_per_office(recipients)
    stances = dict(
        LegislatorStance.objects.filter(
            action=action, legislator__in=[r.legislator for r in recipients]
        ).values_list("legislator_id", "stance")
    )
    return [
        Recipient(r.legislator, r.why, stances.get(r.legislator.pk, "unknown")) for r in recipients
    ]


def _targeted_why(action: LetterAction, member: Legislator) -> str:
    own = _own_why(member)
    if action.targets == LetterAction.Targets.COMMITTEE:
        return _("%(own)s, and a member of the %(committee)s") % {
            "own": own,
            "committee": action.committee.name,
        }
    return _("%(own)s, and one of the members this campaign writes to") % {"own": own}


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


# --- what a configuration can reach (the builder, the checklist, the flow) --------------


@dataclass(frozen=True)
class Reach:
    """The offices a letter's configuration can ever write to, and why it may reach nobody.

    `everyone` is true for own members: every supporter's own members, whoever they are.
    `problems` make the configuration unusable (nobody would receive a letter); `notes`
    say what the setting leaves out.
    """

    everyone: bool
    legislators: list[Legislator] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def reaches_someone(self) -> bool:
        return not self.problems

    @property
    def reaches_house(self) -> bool:
        return any(not member.is_senator for member in self.legislators)


def target_reach(
    *,
    targets: str,
    chambers: str,
    committee: Committee | None = None,
    fixed: Iterable[Legislator] = (),
) -> Reach:
    """What a letter set up with these targets can reach: the builder shows it and refuses
    a configuration that reaches nobody, and the publishing checklist reads it."""
    current = Legislator.objects.filter(is_current=True)
    if targets == LetterAction.Targets.OWN_MEMBERS:
        members = [
            m for m in current.order_by("state", "chamber", "district") if _wanted(chambers, m)
        ]
        return Reach(everyone=True, legislators=members)
    if targets == LetterAction.Targets.COMMITTEE:
        return _committee_reach(chambers, committee)
    return _fixed_reach(chambers, list(fixed))


def _committee_reach(chambers: str, committee: Committee | None) -> Reach:
    if committee is None:
        return Reach(False, problems=[_("Choose the committee whose members receive it.")])
    members = list(committee_members(committee.thomas_id))
    kept = [member for member in members if _wanted(chambers, member)]
    if not members:
        problem = _("The %(committee)s has no current members in the loaded data.")
        return Reach(False, problems=[problem % {"committee": committee.name}])
    if not kept:
        problem = _(
            "The %(committee)s has no members in the chamber this letter writes to "
            "(%(chambers)s): nobody would receive it. Choose the committee's chamber, or "
            "another committee."
        )
        label = dict(LetterAction._meta.get_field("chambers").choices)[chambers]
        return Reach(False, problems=[problem % {"committee": committee.name, "chambers": label}])
    return Reach(False, legislators=kept, notes=_left_out(members, kept))


def _fixed_reach(chambers: str, listed: list[Legislator]) -> Reach:
    if not listed:
        return Reach(False, problems=[_("The fixed list is empty: choose at least one member.")])
    members = [member for member in listed if member.is_current]
    kept = [member for member in members if _wanted(chambers, member)]
    notes = []
    former = [member for member in listed if not member.is_current]
    if former:
        names = ", ".join(sorted(member.official_full_name for member in former))
        notes.append(_("No longer serving, so left out: %(names)s.") % {"names": names})
    if not kept:
        label = dict(LetterAction._meta.get_field("chambers").choices)[chambers]
        problem = _(
            "No member on the fixed list sits in the chamber this letter writes to "
            "(%(chambers)s): nobody would receive it. Change the chambers or the list."
        )
        return Reach(False, problems=[problem % {"chambers": label}], notes=notes)
    return Reach(False, legislators=kept, notes=notes + _left_out(members, kept))


def _left_out(members: list[Legislator], kept: list[Legislator]) -> list[str]:
    dropped = [member for member in members if member not in kept]
    if not dropped:
        return []
    names = ", ".join(sorted(member.official_full_name for member in dropped))
    return [_("Left out by the chamber setting: %(names)s.") % {"names": names}]


def action_reach(action: LetterAction) -> Reach:
    """target_reach of a saved letter."""
    return target_reach(
        targets=action.targets,
        chambers=action.chambers,
        committee=action.committee,
        fixed=action.fixed_legislators.all() if action.pk else (),
    )


def letter_reaches_house(action: LetterAction) -> bool:
    """Whether any House office can receive this letter (so a supporter's district matters)."""
    if action.chambers == "senate":
        return False
    if action.targets == LetterAction.Targets.OWN_MEMBERS:
        return True
    return action_reach(action).reaches_house
