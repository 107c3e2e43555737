"""A member of Congress as an office: its code, the name mail is addressed to, merge fields.

Office codes are the ones Communicating with Congress (CWC) uses, and the site uses them
everywhere an office is named (deliveries, calls, reports): "H" + state + two-digit district
(at-large seats and delegates "00"), "S" + state + "0" + Senate class. Pure functions of a
legislator's fields, so the CWC client can use them without the ORM.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from legislators.states import STATES_BY_CODE

OFFICE_CODE_RE = re.compile(r"^(H[A-Z]{2}[0-9]{2}|S[A-Z]{2}0[123])$")
SENATE = "senate"


def house_office_code(state: str, district: int) -> str:
    """`HVA04`; at-large seats, delegates and the resident commissioner are district 0."""
    return f"H{state.upper()}{int(district):02d}"


def senate_office_code(state: str, senate_class: int) -> str:
    """`SWY02` for the class 2 senator from Wyoming."""
    if senate_class not in (1, 2, 3):
        raise ValueError("a Senate class is 1, 2 or 3")
    return f"S{state.upper()}0{senate_class}"


def is_cwc_office(code: str) -> bool:
    return bool(OFFICE_CODE_RE.match(code or ""))


def office_code_for(legislator) -> str:
    if legislator.chamber == SENATE:
        if legislator.senate_class in (1, 2, 3):
            return senate_office_code(legislator.state, legislator.senate_class)
        return f"S{legislator.state}-{legislator.bioguide_id}"[:16]  # not reachable by CWC
    return house_office_code(legislator.state, legislator.district or 0)


def member_title(state: str) -> str:
    """What the state's House member is called, translated."""
    facts = STATES_BY_CODE.get(state)
    title = facts.house_member_title if facts else "Representative"
    return {
        "Delegate": _("Delegate"),
        "Resident Commissioner": _("Resident Commissioner"),
    }.get(title, _("Representative"))


def title_for(legislator) -> str:
    return _("Senator") if legislator.chamber == SENATE else member_title(legislator.state)


def formal_name(legislator) -> str:
    """The title and the name the member goes by: "Senator Tim Kaine"."""
    first = legislator.nickname or legislator.first_name
    return f"{title_for(legislator)} {first} {legislator.last_name}"


def salutation(legislator) -> str:
    """How a letter to the member opens: "Senator Kaine"."""
    return f"{title_for(legislator)} {legislator.last_name}"


def legislator_values(legislator) -> dict[str, str]:
    """The `legislator.*` merge fields of letters and call scripts."""
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
        "legislator.salutation": salutation(legislator),
        "legislator.chamber": _("Senate") if legislator.chamber == SENATE else _("House"),
        "legislator.state": legislator.state,
        "legislator.district": district,
    }
