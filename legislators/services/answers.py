"""What a representative lookup answers: the districts found, the members, and an honest
message about how certain it is (in the language of the current request)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actioncenter.exceptions import ApplicationError
from legislators.models import DistrictOffice, Legislator
from legislators.offices import member_title
from legislators.states import STATES_BY_CODE


@dataclass(frozen=True)
class DistrictCandidate:
    state: str
    district: int
    representative: Legislator | None  # None when the seat is vacant

    @property
    def state_name(self) -> str:
        return STATES_BY_CODE[self.state].name

    @property
    def member_title(self) -> str:
        return member_title(self.state)

    @property
    def key(self) -> str:
        """ "VA-8": how a form names this seat."""
        return f"{self.state}-{self.district}"

    @property
    def description(self) -> str:
        """What tells this district apart for a person choosing theirs: its member, party
        and the towns of the member's district offices (the data has no county names)."""
        member = self.representative
        if member is None:
            return _("This seat is currently vacant.")
        text = f"{self.member_title} {member.official_full_name} ({party_label(member.party)})"
        cities = sorted({office.city for office in member.offices.all() if office.city})
        if cities:
            text += " · " + ngettext(
                "office in %(cities)s", "offices in %(cities)s", len(cities)
            ) % {"cities": ", ".join(cities)}
        return text

    @property
    def label(self) -> str:
        if self.district == 0:
            return _("%(state)s (at-large)") % {"state": self.state_name}
        return _("%(state)s district %(district)s") % {
            "state": self.state_name,
            "district": self.district,
        }


def party_label(party: str) -> str:
    """A member's party as a reader of the page says it."""
    return {
        "Democrat": _("Democrat"),
        "Republican": _("Republican"),
        "Independent": _("Independent"),
    }.get(party, party)


@dataclass(frozen=True)
class LookupResult:
    """What the lookup knows. Model instances in it are shared: treat them as read-only."""

    precision: str  # "address" | "zip" | "none"
    certain: bool
    state: str | None
    district: int | None
    candidates: list[DistrictCandidate] = field(default_factory=list)
    senators: list[Legislator] = field(default_factory=list)
    senators_certain: bool = False
    representatives: list[Legislator] = field(default_factory=list)
    fell_back: bool = False
    # Machine-readable reason behind `message` (also returned by the API).
    code: str = "found"
    fallback_reason: str = ""
    zip_code: str = ""
    # bioguide_id → the member's district office nearest to the supporter, if any.
    nearest_offices: dict[str, DistrictOffice] = field(default_factory=dict)

    @property
    def states(self) -> list[str]:
        return sorted({candidate.state for candidate in self.candidates})

    @property
    def states_without_senators(self) -> list[str]:
        return [code for code in self.states if STATES_BY_CODE[code].senators == 0]

    @property
    def message(self) -> str:
        """A translated, human explanation (built in the language of the current request)."""
        parts = [_fallback_message(self.fallback_reason)] if self.fell_back else []
        parts.append(_main_message(self))
        for code in self.states_without_senators:
            facts = STATES_BY_CODE[code]
            parts.append(
                _(
                    "%(state)s has no senators: its %(title)s in the House is its only "
                    "member of Congress."
                )
                % {"state": facts.name, "title": member_title(code)}
            )
        return " ".join(part for part in parts if part)

    @property
    def fallback_text(self) -> str:
        """Why the answer came from the ZIP code when a street address was given, or ""."""
        return _fallback_message(self.fallback_reason) if self.fell_back else ""

    def members_if_certain(self) -> list[Legislator]:
        """The House member (if the seat is filled) and senators; raises unless certain."""
        if not self.certain:
            raise ApplicationError(self.message, code="district_uncertain")
        return [*self.representatives, *self.senators]


def _main_message(result: LookupResult) -> str:
    messages = {
        "invalid_zip": _("Enter a 5-digit ZIP code (like 20500) or a ZIP+4 (like 20500-0003)."),
        "non_us": _(
            "That looks like a postal code from outside the United States. Only U.S. "
            "addresses (including DC and the territories) have members of Congress."
        ),
        "unknown_zip": _(
            "We don't know the ZIP code %(zip)s. It may be used only for PO boxes or one "
            "organization. Please enter your street address instead."
        )
        % {"zip": result.zip_code},
        "address_not_found": _(
            "We couldn't find that address. Check it, or enter your ZIP code instead."
        ),
        "address_unavailable": _(
            "The address service is not answering right now. Please enter your ZIP code."
        ),
        "not_ready": _(
            "Finding members of Congress is not ready yet: this site has not loaded its list "
            "of members. Please try again later."
        ),
    }
    if result.code in messages:
        return messages[result.code]
    if result.certain:
        candidate = result.candidates[0]
        source = {
            "address": _("Your street address is in %(seat)s."),
            "chosen": _("You chose %(seat)s."),
        }.get(result.precision, _("Your ZIP code is entirely in %(seat)s."))
        text = source % {"seat": candidate.label}
        if candidate.representative is None:
            text += " " + _("This seat is currently vacant.")
        return text
    count = len(result.candidates)
    if len(result.states) > 1:
        return _(
            "Your ZIP code crosses a state line: it includes parts of %(states)s and "
            "%(count)s congressional districts. Enter your street address to be sure who "
            "represents you."
        ) % {
            "states": _(" and ").join(STATES_BY_CODE[s].name for s in result.states),
            "count": count,
        }
    if result.precision == "zip":
        return ngettext(
            "Your ZIP code spans %(count)s congressional district. Enter your street address "
            "to be sure which one is yours.",
            "Your ZIP code spans %(count)s congressional districts. Enter your street address "
            "to be sure which one is yours.",
            count,
        ) % {"count": count}
    return ngettext(
        "Your location spans %(count)s congressional district. Enter your street address "
        "to be sure which one is yours.",
        "Your location spans %(count)s congressional districts. Enter your street address "
        "to be sure which one is yours.",
        count,
    ) % {"count": count}


def _fallback_message(reason: str) -> str:
    return {
        "po_box": _(
            "A PO box doesn't tell us where you live, so this answer comes from your ZIP "
            "code and is less precise."
        ),
        "no_match": _(
            "We couldn't match your street address, so this answer comes from your ZIP "
            "code and is less precise."
        ),
        "stale_districts": _(
            "The address service still uses old district maps, so this answer comes from "
            "your ZIP code and is less precise."
        ),
    }.get(
        reason,
        _(
            "The address service is not answering right now, so this answer comes from "
            "your ZIP code and is less precise."
        ),
    )


def result_for_members(
    seats: list[tuple[str, int]], members: list[Legislator], *, precision: str
) -> LookupResult:
    """The answer for `seats` given the current members of those seats and their states'
    senators (in any order); nearest offices are left to the caller."""
    states = sorted({state for state, _district in seats})
    house = {(m.state, m.district): m for m in members if m.chamber == Legislator.Chamber.HOUSE}
    senators = [m for m in members if m.chamber == Legislator.Chamber.SENATE]
    senators.sort(key=lambda m: (m.state, m.state_rank != "senior", m.last_name))
    candidates = [DistrictCandidate(s, d, house.get((s, d))) for s, d in sorted(seats)]
    certain = len(candidates) == 1
    return LookupResult(
        precision=precision,
        certain=certain,
        state=states[0] if len(states) == 1 else None,
        district=candidates[0].district if certain else None,
        candidates=candidates,
        senators=senators,
        senators_certain=len(states) == 1,
        representatives=[c.representative for c in candidates if c.representative],
        code="found" if certain else ("cross_state" if len(states) > 1 else "split"),
    )
