"""Prepare the lookup answers of the data in the tables, as the JSON bytes the API sends.

Fragments are rendered by the API's own serializers and renderer, then cut where answers
differ (the nearest office inside a member, the candidates inside an answer), so an answer
put together by `legislators.prepared` is byte for byte the one built from the tables.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import translation
from rest_framework.renderers import JSONRenderer

from legislators.api.serializers import (
    CandidateSerializer,
    DistrictOfficeSerializer,
    LookupHeadSerializer,
    LookupResultSerializer,
    RepresentativeSerializer,
)
from legislators.models import AnswerFragment, AnswerSet, Legislator, ZipAnswer, ZipDistrict
from legislators.prepared import (
    NEUTRAL,
    OfficeSpot,
    answer_parts,
    forget_answer_book,
    seat_key,
    seats_key,
)
from legislators.selectors import legislator_list, parent_committee_names
from legislators.services.answers import DistrictCandidate, LookupResult, result_for_members
from legislators.services.lookup import nearest_office
from legislators.states import TERRITORY_ZIP_RANGES

BATCH = 2000
ZIP_MARK = "\x00zip\x00"  # where the unknown-ZIP answer names the ZIP


def _json(value) -> bytes:
    return b"null" if value is None else JSONRenderer().render(value)


def _cut(data: dict, key: str) -> tuple[bytes, bytes]:
    """The JSON object `data` as the bytes before the value of `key` and those after it."""
    items = list(data.items())
    index = [name for name, _value in items].index(key)
    before, after = dict(items[:index]), dict(items[index + 1 :])
    head = _json(before)[:-1] + (b"," if before else b"") + _json(key) + b":"
    return head, (b"," + _json(after)[1:]) if after else b"}"


@transaction.atomic
def answer_set_prepare() -> AnswerSet:
    """Prepare the answers of every ZIP from the tables and make them the current set.

    Run by the import in its transaction, so the set becomes current exactly when the data
    it was made from is committed. With unchanged data the current set is kept (same
    version, same ETags); otherwise the sets older than the one it replaces are deleted.
    """
    fragments, zips = _prepare()
    version = _digest(fragments, zips)
    current = AnswerSet.objects.filter(is_current=True).first()
    if current is not None and current.version == version:
        return current
    AnswerSet.objects.filter(is_current=False).delete()
    answer_set = AnswerSet.objects.create(version=version)
    AnswerFragment.objects.bulk_create(
        [
            AnswerFragment(answer_set=answer_set, language=language, key=key, body=body)
            for (language, key), body in fragments.items()
        ],
        batch_size=BATCH,
    )
    ZipAnswer.objects.bulk_create(
        [ZipAnswer(answer_set=answer_set, zip_code=z, parts=" ".join(p)) for z, p in zips.items()],
        batch_size=BATCH,
    )
    AnswerSet.objects.filter(is_current=True).update(is_current=False)
    AnswerSet.objects.filter(pk=answer_set.pk).update(is_current=True)
    forget_answer_book()
    transaction.on_commit(forget_answer_book)
    return answer_set


def _digest(fragments: dict, zips: dict) -> str:
    digest = hashlib.sha256()
    for (language, key), body in sorted(fragments.items()):
        digest.update(f"{language}\x1f{key}\x1f{len(body)}\x1f".encode() + body)
    for zip_code, parts in sorted(zips.items()):
        digest.update(f"{zip_code}\x1f{' '.join(parts)}\x1e".encode())
    return digest.hexdigest()[:32]


def _crosswalk() -> dict[str, list[tuple[str, int]]]:
    """Every ZIP's sorted districts: the crosswalk's, and the territories' ZIP ranges."""
    seats = defaultdict(set)
    for zcta, state, district in ZipDistrict.objects.values_list("zcta", "state", "district"):
        seats[zcta].add((state, district))
    for first, last, code in TERRITORY_ZIP_RANGES:
        for number in range(int(first), int(last) + 1):
            seats.setdefault(f"{number:05d}", {(code, 0)})
    return {zip5: sorted(found) for zip5, found in seats.items()}


def _prepare() -> tuple[dict[tuple[str, str], bytes], dict[str, list[str]]]:
    members = list(legislator_list(current=True))
    crosswalk = _crosswalk()
    house = {
        seat_key(m.state, m.district): m for m in members if m.chamber == Legislator.Chamber.HOUSE
    }
    by_state = defaultdict(list)
    # In the order every answer lists senators (result_for_members sorts them).
    for senator in result_for_members([], members, precision="zip").senators:
        by_state[senator.state].append(senator)
    spots = {m.bioguide_id: [_spot(office) for office in m.offices.all()] for m in members}
    fragments = _neutral_fragments(members, house, by_state, spots, crosswalk)
    seats = {seat for found in crosswalk.values() for seat in found}
    seats |= {(m.state, m.district) for m in house.values()}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            fragments |= _language_fragments(language, members, house, by_state, seats, crosswalk)
    zips = {
        zip5: answer_parts(
            found,
            precision="zip",
            house={key: m.bioguide_id for key, m in house.items()},
            senators={state: [s.bioguide_id for s in group] for state, group in by_state.items()},
            office_for=lambda bioguide, zip5=zip5: _office_key(
                nearest_office(spots[bioguide], zip5=zip5)
            ),
        )
        for zip5, found in crosswalk.items()
    }
    return fragments, zips


def _spot(office) -> OfficeSpot:
    return OfficeSpot(
        f"office:{office.office_id}",
        bool(office.phone),
        office.latitude,
        office.longitude,
        office.zip_code,
    )


def _office_key(spot: OfficeSpot | None) -> str | None:
    return spot.key if spot else None


def _neutral_fragments(members, house, by_state, spots, crosswalk) -> dict:
    """Offices, committees and the maps answers for a street address are put together from."""
    fragments = {}
    for member in members:
        data = RepresentativeSerializer(member).data
        fragments[NEUTRAL, f"member-end:{member.bioguide_id}"] = _cut(data, "nearest_office")[1]
        for office in member.offices.all():
            body = _json(DistrictOfficeSerializer(office).data)
            fragments[NEUTRAL, f"office:{office.office_id}"] = body
    groups = {tuple(sorted({state for state, _d in found})) for found in crosswalk.values()}
    groups |= {(state,) for state in [*by_state, *(m.state for m in house.values())]}
    for group in groups:
        codes = LookupResult(
            precision="zip",
            certain=False,
            state=None,
            district=None,
            candidates=[DistrictCandidate(state, 0, None) for state in group],
        ).states_without_senators
        fragments[NEUTRAL, f"tail:{','.join(group)}"] = (
            b'],"states_without_senators":' + _json(codes) + b"}"
        )
    maps = {
        "map:house": {key: m.bioguide_id for key, m in house.items()},
        "map:senators": {s: [m.bioguide_id for m in group] for s, group in by_state.items()},
        "map:offices": spots,
        "map:committees": parent_committee_names(),
    }
    for key, value in maps.items():
        fragments[NEUTRAL, key] = json.dumps(value, separators=(",", ":")).encode()
    return fragments


def _language_fragments(language, members, house, by_state, seats, crosswalk) -> dict:
    fragments = {}
    for member in members:
        head, _tail = _cut(RepresentativeSerializer(member).data, "nearest_office")
        fragments[language, f"member:{member.bioguide_id}"] = head
    for state, district in seats:
        data = CandidateSerializer(DistrictCandidate(state, district, None)).data
        fragments[language, f"seat:{seat_key(state, district)}"] = _cut(data, "representative")[0]
    members_of = _members_of(house, by_state)
    for found in {tuple(found) for found in crosswalk.values()}:
        fragments[language, f"head:zip:{seats_key(found)}"] = _head(found, members_of, "zip")
    for seat in seats:
        fragments[language, f"head:address:{seats_key([seat])}"] = _head(
            [seat], members_of, "address"
        )
    unknown = LookupResult(
        precision="none", certain=False, state=None, district=None, code="unknown_zip",
        zip_code=ZIP_MARK,
    )  # fmt: skip
    body = _json(LookupResultSerializer(unknown).data)
    mark = _json(ZIP_MARK)[1:-1]
    if body.count(mark) != 1:
        raise ValueError(f"the unknown-ZIP message must name the ZIP once ({language})")
    fragments[language, "unknown:0"], fragments[language, "unknown:1"] = body.split(mark)
    return fragments


def _members_of(house, by_state):
    def members_of(seats) -> list[Legislator]:
        states = {state for state, _district in seats}
        found = [house[key] for s, d in seats if (key := seat_key(s, d)) in house]
        return found + [senator for state in sorted(states) for senator in by_state[state]]

    return members_of


def _head(seats, members_of, precision: str) -> bytes:
    result = result_for_members(list(seats), members_of(seats), precision=precision)
    return _json(LookupHeadSerializer(result).data)[:-1] + b',"candidates":['
