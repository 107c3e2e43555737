"""Small congress-legislators style source folders for importer tests."""

import copy
from pathlib import Path

import yaml


def person(bioguide, first, last, *, kind="rep", state="VA", district=8, **term):
    current = {
        "type": kind,
        "start": "2025-01-03",
        "end": "2027-01-03",
        "state": state,
        "party": "Democrat",
        "url": f"https://{last.lower()}.house.gov",
        "address": "1 Rayburn House Office Building Washington DC 20515",
        "office": "1 Rayburn House Office Building",
        "phone": "202-225-0001",
        **term,
    }
    if kind == "rep":
        current["district"] = district
    else:
        current.setdefault("class", 1)
        current.setdefault("state_rank", "senior")
    return {
        "id": {"bioguide": bioguide, "govtrack": 1, "thomas": "00001"},
        "name": {"first": first, "last": last, "official_full": f"{first} {last}"},
        "terms": [current],
    }


def default_people():
    return [
        person("R000001", "Rita", "Rep", state="VA", district=8),
        person("R000002", "Ann", "Other", state="VA", district=11),
        person("S000001", "Sam", "Senior", kind="sen", state="VA", state_rank="senior"),
        person(
            "S000002", "Jo", "Junior", kind="sen", state="VA", state_rank="junior", **{"class": 2}
        ),
    ]


DEFAULT_OFFICES = [
    {
        "id": {"bioguide": "R000001"},
        "offices": [
            {
                "id": "R000001-alexandria",
                "address": "5249 Duke St.",
                "city": "Alexandria",
                "state": "VA",
                "zip": "22304",
                "phone": "703-658-5403",
                "latitude": 38.81,
                "longitude": -77.12,
            }
        ],
    }
]
DEFAULT_SOCIAL = [{"id": {"bioguide": "R000001"}, "social": {"twitter": "RepRita"}}]
DEFAULT_COMMITTEES = [
    {
        "type": "senate",
        "name": "Committee on the Judiciary",
        "thomas_id": "SSJU",
        "url": "https://www.judiciary.senate.gov/",
        "subcommittees": [{"name": "Immigration", "thomas_id": "04"}],
    },
    {"type": "house", "name": "House Committee on the Judiciary", "thomas_id": "HSJU"},
]
DEFAULT_MEMBERSHIP = {
    "SSJU": [{"name": "Sam Senior", "party": "majority", "rank": 1, "bioguide": "S000001"}],
    "SSJU04": [{"name": "Sam Senior", "party": "majority", "rank": 1, "bioguide": "S000001"}],
    "HSJU": [
        {
            "name": "Rita Rep",
            "party": "minority",
            "rank": 2,
            "title": "Ranking Member",
            "bioguide": "R000001",
        }
    ],
}
DEFAULT_CROSSWALK = (
    "state_fips,state_abbr,zcta,cd\r\n51,VA,22046,8\r\n51,VA,22150,8\r\n51,VA,22150,11\r\n"
)


def write_source(
    folder: Path,
    *,
    people=None,
    offices=None,
    social=None,
    committees=None,
    membership=None,
    crosswalk: str = DEFAULT_CROSSWALK,
    extra_crosswalks: dict[str, str] | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "legislators-current.yaml": default_people() if people is None else people,
        "legislators-district-offices.yaml": DEFAULT_OFFICES if offices is None else offices,
        "legislators-social-media.yaml": DEFAULT_SOCIAL if social is None else social,
        "committees-current.yaml": DEFAULT_COMMITTEES if committees is None else committees,
        "committee-membership-current.yaml": (
            DEFAULT_MEMBERSHIP if membership is None else membership
        ),
    }
    for name, content in files.items():
        (folder / name).write_text(
            yaml.safe_dump(copy.deepcopy(content), sort_keys=False), encoding="utf-8"
        )
    (folder / "zccd.csv").write_text(crosswalk, encoding="utf-8", newline="")
    for name, text in (extra_crosswalks or {}).items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder
