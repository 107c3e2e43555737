"""Read and validate the congress-legislators YAML files and the ZIP crosswalk CSVs.

Everything here is parsed and checked before the importer writes anything, so a
malformed or missing file fails with a message naming the file (and the record
or line) and leaves the database untouched.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from legislators.states import STATES_BY_CODE

LEGISLATORS_FILE = "legislators-current.yaml"
OFFICES_FILE = "legislators-district-offices.yaml"
SOCIAL_FILE = "legislators-social-media.yaml"
COMMITTEES_FILE = "committees-current.yaml"
MEMBERSHIP_FILE = "committee-membership-current.yaml"
YAML_FILES = (LEGISLATORS_FILE, OFFICES_FILE, SOCIAL_FILE, COMMITTEES_FILE, MEMBERSHIP_FILE)
CROSSWALK_FILE = "zccd.csv"

LEGISLATORS_BASE_URL = "https://unitedstates.github.io/congress-legislators/"
UPSTREAM_URLS = {name: LEGISLATORS_BASE_URL + name for name in YAML_FILES} | {
    CROSSWALK_FILE: "https://raw.githubusercontent.com/OpenSourceActivismTech/"
    "us-zipcodes-congress/master/zccd.csv",
}
UPSTREAM_LABEL = "upstream"
HTTP_TIMEOUT = (10, 60)  # connect, read (seconds)
# Census "98" = delegate district, "00" = at-large; the project stores both as 0.
AT_LARGE_CODES = {98: 0}
SOCIAL_KEYS = ("twitter", "facebook", "youtube", "youtube_id", "instagram", "mastodon")

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def source_error(message: str, *, code: str = "source_malformed") -> ApplicationError:
    return ApplicationError(message, code=code, status=502)


class Source:
    """Where the files come from: a folder or a base URL (empty = upstream URLs)."""

    label: str

    def read(self, name: str) -> str:
        raise NotImplementedError

    def crosswalk_names(self) -> list[str]:
        raise NotImplementedError


class FolderSource(Source):
    def __init__(self, folder: Path):
        self.folder = folder
        self.label = str(folder)

    def read(self, name: str) -> str:
        path = self.folder / name
        if not path.is_file():
            raise source_error(
                _("%(file)s: file is missing.") % {"file": name}, code="source_missing"
            )
        return path.read_text(encoding="utf-8-sig")

    def crosswalk_names(self) -> list[str]:
        names = sorted(path.name for path in self.folder.glob("zccd*.csv"))
        if not names:
            raise source_error(
                _("%(file)s: no ZIP crosswalk file (zccd*.csv) in the source.")
                % {"file": self.label},
                code="source_missing",
            )
        return names


class UrlSource(Source):
    def __init__(self, base_url: str = ""):
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.label = self.base_url or UPSTREAM_LABEL

    def url_for(self, name: str) -> str:
        return self.base_url + name if self.base_url else UPSTREAM_URLS[name]

    def read(self, name: str) -> str:
        url = self.url_for(name)
        try:
            response = requests.get(url, timeout=HTTP_TIMEOUT)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise source_error(
                _("%(file)s: could not reach %(url)s (%(reason)s). Are you offline?")
                % {"file": name, "url": url, "reason": type(exc).__name__},
                code="source_unreachable",
            ) from exc
        if response.status_code == 404:
            raise source_error(
                _("%(file)s: file is missing at %(url)s.") % {"file": name, "url": url},
                code="source_missing",
            )
        if response.status_code >= 400:
            raise source_error(
                _("%(file)s: %(url)s answered HTTP %(status)s.")
                % {"file": name, "url": url, "status": response.status_code},
                code="source_unreachable",
            )
        response.encoding = "utf-8"
        return response.text.lstrip("\ufeff")

    def crosswalk_names(self) -> list[str]:
        return [CROSSWALK_FILE]


def source_from_setting(value: str) -> Source:
    value = (value or "").strip()
    if not value:
        return UrlSource()
    if re.match(r"^https?://", value):
        return UrlSource(value)
    folder = Path(value).expanduser()
    if not folder.is_dir():
        raise source_error(
            _("%(file)s: not a folder or an http(s) URL.") % {"file": value},
            code="source_missing",
        )
    return FolderSource(folder.resolve())


@dataclass
class SourceData:
    """Plain, validated records ready to be written."""

    legislators: dict[str, dict] = field(default_factory=dict)
    offices: dict[str, tuple[str, dict]] = field(default_factory=dict)
    committees: dict[str, tuple[str | None, dict]] = field(default_factory=dict)
    memberships: dict[tuple[str, str], dict] = field(default_factory=dict)
    zip_rows: set[tuple[str, str, int]] = field(default_factory=set)


def _load_yaml(name: str, text: str):
    try:
        return yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 (safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise source_error(
            _("%(file)s:%(where)s invalid YAML (%(problem)s).")
            % {"file": name, "where": where, "problem": problem}
        ) from exc


def _record_error(name: str, index: int, key: str, problem: str) -> ApplicationError:
    return source_error(
        _("%(file)s: record %(index)s (%(key)s): %(problem)s.")
        % {"file": name, "index": index + 1, "key": key or "?", "problem": problem}
    )


def _as_list(name: str, data) -> list:
    if not isinstance(data, list):
        raise source_error(_("%(file)s: expected a list of records.") % {"file": name})
    return data


def _date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _str(value) -> str:
    return "" if value is None else str(value).strip()


def parse_legislator(name: str, index: int, person) -> dict:
    bioguide = _str((person.get("id") or {}).get("bioguide")) if isinstance(person, dict) else ""
    if not bioguide:
        raise _record_error(name, index, bioguide, "no id.bioguide")
    names, terms = person.get("name") or {}, person.get("terms")
    if not names.get("first") or not names.get("last"):
        raise _record_error(name, index, bioguide, "no name.first / name.last")
    if not isinstance(terms, list) or not terms or not isinstance(terms[-1], dict):
        raise _record_error(name, index, bioguide, "no terms")
    term = terms[-1]
    kind, state = term.get("type"), _str(term.get("state"))
    if kind not in ("rep", "sen"):
        raise _record_error(name, index, bioguide, f"unknown term type {kind!r}")
    if state not in STATES_BY_CODE:
        raise _record_error(name, index, bioguide, f"unknown state {state!r}")
    district = None
    if kind == "rep":
        if not isinstance(term.get("district"), int) or term["district"] < 0:
            raise _record_error(name, index, bioguide, "House term without a district number")
        district = AT_LARGE_CODES.get(term["district"], term["district"])
    ids = person["id"]
    try:
        term_start, term_end = _date(term.get("start")), _date(term.get("end"))
    except ValueError as exc:
        raise _record_error(name, index, bioguide, f"bad term date ({exc})") from exc
    full = _str(names.get("official_full")) or f"{names['first']} {names['last']}"
    return {
        "bioguide_id": bioguide,
        "thomas_id": _str(ids.get("thomas")),
        "govtrack_id": ids.get("govtrack") if isinstance(ids.get("govtrack"), int) else None,
        "first_name": _str(names.get("first")),
        "middle_name": _str(names.get("middle")),
        "last_name": _str(names.get("last")),
        "suffix": _str(names.get("suffix")),
        "nickname": _str(names.get("nickname")),
        "official_full_name": full,
        "party": _str(term.get("party")),
        "chamber": "house" if kind == "rep" else "senate",
        "state": state,
        "district": district,
        "senate_class": term.get("class") if kind == "sen" else None,
        "state_rank": _str(term.get("state_rank")) if kind == "sen" else "",
        "term_start": term_start,
        "term_end": term_end,
        "dc_office": _str(term.get("office")),
        "dc_address": _str(term.get("address")),
        "dc_phone": _str(term.get("phone")),
        "website": _str(term.get("url")),
        "contact_form_url": _str(term.get("contact_form")),
        "social": {},
        "is_current": True,
    }


def parse_offices(name: str, data, known: dict[str, dict]) -> dict[str, tuple[str, dict]]:
    offices: dict[str, tuple[str, dict]] = {}
    for index, entry in enumerate(_as_list(name, data)):
        bioguide = _str(((entry or {}).get("id") or {}).get("bioguide"))
        if not bioguide or not isinstance(entry.get("offices", []), list):
            raise _record_error(name, index, bioguide, "no id.bioguide or offices list")
        if bioguide not in known:
            continue  # a member who has left since the offices file was updated
        for office in entry.get("offices") or []:
            office_id = _str(office.get("id"))
            if not office_id:
                raise _record_error(name, index, bioguide, "office without an id")
            offices[office_id] = (bioguide, _office_fields(office))
    return offices


def _office_fields(office: dict) -> dict:
    def coordinate(key):
        value = office.get(key)
        return float(value) if isinstance(value, int | float) else None

    return {
        "address": _str(office.get("address")),
        "suite": _str(office.get("suite")),
        "building": _str(office.get("building")),
        "city": _str(office.get("city")),
        "state": _str(office.get("state"))[:2],
        "zip_code": _str(office.get("zip")),
        "phone": _str(office.get("phone")),
        "fax": _str(office.get("fax")),
        "latitude": coordinate("latitude"),
        "longitude": coordinate("longitude"),
    }


def apply_social(name: str, data, known: dict[str, dict]) -> None:
    for index, entry in enumerate(_as_list(name, data)):
        bioguide = _str(((entry or {}).get("id") or {}).get("bioguide"))
        if not bioguide or not isinstance(entry.get("social"), dict):
            raise _record_error(name, index, bioguide, "no id.bioguide or social mapping")
        if bioguide in known:
            social = entry["social"]
            known[bioguide]["social"] = {k: str(social[k]) for k in SOCIAL_KEYS if social.get(k)}


def parse_committees(name: str, data) -> dict[str, tuple[str | None, dict]]:
    committees: dict[str, tuple[str | None, dict]] = {}
    for index, entry in enumerate(_as_list(name, data)):
        thomas_id = _str((entry or {}).get("thomas_id"))
        kind = entry.get("type") if isinstance(entry, dict) else None
        if not thomas_id or kind not in ("house", "senate", "joint") or not entry.get("name"):
            raise _record_error(name, index, thomas_id, "needs thomas_id, type and name")
        committees[thomas_id] = (None, _committee_fields(entry, kind))
        for sub in entry.get("subcommittees") or []:
            sub_id = _str(sub.get("thomas_id"))
            if not sub_id or not sub.get("name"):
                raise _record_error(name, index, thomas_id, "subcommittee without thomas_id/name")
            committees[thomas_id + sub_id] = (thomas_id, _committee_fields(sub, kind))
    return committees


def _committee_fields(entry: dict, kind: str) -> dict:
    return {
        "name": _str(entry.get("name")),
        "type": kind,
        "url": _str(entry.get("url")),
        "phone": _str(entry.get("phone")),
        "address": _str(entry.get("address")),
        "jurisdiction": _str(entry.get("jurisdiction")),
        "is_current": True,
    }


def parse_memberships(name: str, data, committees, known) -> dict[tuple[str, str], dict]:
    if not isinstance(data, dict):
        raise source_error(_("%(file)s: expected a mapping of committees.") % {"file": name})
    memberships: dict[tuple[str, str], dict] = {}
    for index, (thomas_id, members) in enumerate(data.items()):
        if not isinstance(members, list):
            raise _record_error(name, index, str(thomas_id), "members are not a list")
        if thomas_id not in committees:
            continue
        for member in members:
            bioguide = _str((member or {}).get("bioguide"))
            if not bioguide:
                raise _record_error(name, index, str(thomas_id), "member without bioguide")
            if bioguide not in known:
                continue
            rank = member.get("rank")
            memberships[(thomas_id, bioguide)] = {
                "side": _str(member.get("party"))
                if member.get("party") in ("majority", "minority")
                else "",
                "rank": rank if isinstance(rank, int) else None,
                "title": _str(member.get("title")),
            }
    return memberships


def parse_crosswalk(name: str, text: str, rows: set[tuple[str, str, int]]) -> None:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"state_abbr", "zcta", "cd"} - set(reader.fieldnames or [])
    if missing:
        raise source_error(
            _("%(file)s: line 1: missing columns %(columns)s.")
            % {"file": name, "columns": ", ".join(sorted(missing))}
        )
    for row in reader:
        zcta, state, cd = ((row.get(k) or "").strip() for k in ("zcta", "state_abbr", "cd"))
        if not (re.fullmatch(r"\d{5}", zcta) and state in STATES_BY_CODE and cd.isdigit()):
            raise source_error(
                _(
                    "%(file)s: line %(line)s: expected a 5-digit ZCTA, a state code and a "
                    "district number, got %(row)s."
                )
                % {"file": name, "line": reader.line_num, "row": f"{zcta!r},{state!r},{cd!r}"}
            )
        district = int(cd)
        rows.add((zcta, state, AT_LARGE_CODES.get(district, district)))


def read_source(source: Source) -> SourceData:
    """Read and validate every file of `source`; raises ApplicationError naming the file."""
    data = SourceData()
    people = _as_list(LEGISLATORS_FILE, _load_yaml(LEGISLATORS_FILE, source.read(LEGISLATORS_FILE)))
    for index, person in enumerate(people):
        record = parse_legislator(LEGISLATORS_FILE, index, person)
        if record["bioguide_id"] in data.legislators:
            raise _record_error(LEGISLATORS_FILE, index, record["bioguide_id"], "duplicate")
        data.legislators[record["bioguide_id"]] = record
    known = data.legislators
    data.offices = parse_offices(
        OFFICES_FILE, _load_yaml(OFFICES_FILE, source.read(OFFICES_FILE)), known
    )
    apply_social(SOCIAL_FILE, _load_yaml(SOCIAL_FILE, source.read(SOCIAL_FILE)), known)
    data.committees = parse_committees(
        COMMITTEES_FILE, _load_yaml(COMMITTEES_FILE, source.read(COMMITTEES_FILE))
    )
    data.memberships = parse_memberships(
        MEMBERSHIP_FILE,
        _load_yaml(MEMBERSHIP_FILE, source.read(MEMBERSHIP_FILE)),
        data.committees,
        known,
    )
    for name in source.crosswalk_names():
        parse_crosswalk(name, source.read(name), data.zip_rows)
    if not data.legislators or not data.zip_rows:
        raise source_error(
            _("%(file)s: no records.")
            % {"file": LEGISLATORS_FILE if not data.legislators else CROSSWALK_FILE}
        )
    return data
