"""From a legislator to the office a letter goes to, and to the merge-field values."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from campaigns.delivery.base import Office
from campaigns.delivery.cwc import house_office_code, senate_office_code
from legislators.models import Legislator
from legislators.states import STATES_BY_CODE


@dataclass(frozen=True)
class Recipient:
    """A legislator a supporter's letter goes to, and why they were chosen."""

    legislator: Legislator
    why: str
    stance: str = "unknown"

    @property
    def office(self) -> Office:
        return office_for(self.legislator)


def office_code_for(legislator: Legislator) -> str:
    if legislator.chamber == Legislator.Chamber.SENATE:
        if legislator.senate_class in (1, 2, 3):
            return senate_office_code(legislator.state, legislator.senate_class)
        return f"S{legislator.state}-{legislator.bioguide_id}"[:16]  # not reachable by CWC
    return house_office_code(legislator.state, legislator.district or 0)


def title_for(legislator: Legislator) -> str:
    if legislator.chamber == Legislator.Chamber.SENATE:
        return _("Senator")
    facts = STATES_BY_CODE.get(legislator.state)
    title = facts.house_member_title if facts else "Representative"
    return {
        "Delegate": _("Delegate"),
        "Resident Commissioner": _("Resident Commissioner"),
    }.get(title, _("Representative"))


def formal_name(legislator: Legislator) -> str:
    return f"{title_for(legislator)} {legislator.first_name} {legislator.last_name}"


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


def legislator_values(legislator: Legislator) -> dict[str, str]:
    """The `legislator.*` merge fields."""
    if legislator.district is None:
        district = ""
    elif legislator.district == 0:
        district = _("at-large")
    else:
        district = str(legislator.district)
    return {
        "legislator.title": title_for(legislator),
        "legislator.first_name": legislator.first_name,
        "legislator.last_name": legislator.last_name,
        "legislator.formal_name": formal_name(legislator),
        "legislator.chamber": _("Senate") if legislator.is_senator else _("House"),
        "legislator.state": legislator.state,
        "legislator.district": district,
    }


def supporter_values(*, first_name: str, last_name: str, city: str, state: str) -> dict[str, str]:
    """The `supporter.*` merge fields."""
    return {
        "supporter.first_name": first_name,
        "supporter.last_name": last_name,
        "supporter.city": city,
        "supporter.state": state,
    }
