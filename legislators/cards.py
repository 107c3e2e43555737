"""What the find page shows of an answer: one card per House seat and per senator.

Cards are made from the answer as the API sends it (JSON decoded), so the page shows what
the API says, whether the answer was prepared by the import or built from the tables.
"""

from __future__ import annotations

from django.urls import reverse

from legislators.models import DistrictOffice, Legislator


def answer_cards(answer: dict, *, committee_names: dict[str, str]) -> dict:
    """House cards (a vacant seat has no member) and senate cards for the page.

    `committee_names` gives the names of parent committees (by THOMAS id), with which
    subcommittees are shown ("Committee on the Judiciary: Immigration").
    """
    house = [
        {
            "label": candidate["label"],
            "member": _member(candidate["representative"], committee_names)
            if candidate["representative"]
            else None,
        }
        for candidate in answer["candidates"]
    ]
    senate = [_member(senator, committee_names) for senator in answer["senators"]]
    return {"house_cards": house, "senate_cards": senate}


def _member(data: dict, committee_names: dict[str, str]) -> dict:
    # Unsaved instances only to reuse the models' own formatting of seats and phones.
    seat = Legislator(state=data["state"], district=data["district"], dc_phone=data["dc_phone"])
    office = data["nearest_office"]
    return {
        **data,
        "url": reverse("legislators:legislator-detail", args=[data["bioguide_id"]]),
        "seat_label": seat.seat_label,
        "dc_phone_tel": seat.dc_phone_tel,
        "office": {**office, "phone_tel": DistrictOffice(phone=office["phone"]).phone_tel}
        if office
        else None,
        "committees": [_committee_label(m, committee_names) for m in data["committees"]],
    }


def _committee_label(membership: dict, committee_names: dict[str, str]) -> str:
    committee = membership["committee"]
    name = committee["name"]
    if parent := committee_names.get(committee["parent"] or ""):
        name = f"{parent}: {name}"
    return f"{name} ({membership['title']})" if membership["title"] else name
