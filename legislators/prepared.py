"""Lookup answers as prepared by the last import: JSON fragments put together per request.

A whole answer per ZIP and language would be half a gigabyte, so an import prepares the
pieces many answers share (each member, office, seat and header, in each language) and,
per ZIP, the list of pieces that make its answer. Answering is then a join of bytes.

Each process keeps the current set in memory (an `AnswerBook`) and asks the database
which set is current at most every `CHECK_SECONDS`: after an import, other processes
switch to the new set within that time, and every answer comes whole from one set.
`legislators.services.answer_sets` writes the sets; this module only reads them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings

from actioncenter.caching import MISSING, ProcessCache
from legislators.models import AnswerFragment, AnswerSet, ZipAnswer

CHECK_SECONDS = 2.0
NEUTRAL = ""  # the language of fragments that read the same in every language
# What answers for a street address are put together from (seat → member, state →
# senators, member → offices), and the names of parent committees, which the page shows.
MAPS = ("map:house", "map:senators", "map:offices", "map:committees")
# Pieces of JSON punctuation between fragments, the same in every set.
LITERALS = {",": b",", "}": b"}", "null": b"null", "senators": b'],"senators":['}


class OfficeSpot(NamedTuple):
    """What choosing a member's nearest district office needs to know about an office."""

    key: str
    phone: bool
    latitude: float | None
    longitude: float | None
    zip_code: str


def seat_key(state: str, district: int) -> str:
    return f"{state}-{district}"


def seats_key(seats: list[tuple[str, int]]) -> str:
    return ",".join(seat_key(state, district) for state, district in sorted(seats))


def answer_parts(
    seats: list[tuple[str, int]],
    *,
    precision: str,
    house: dict[str, str],
    senators: dict[str, list[str]],
    office_for,
) -> list[str]:
    """The fragment keys of the answer for `seats`, in order.

    `house` maps a seat key to its member's bioguide id (vacant seats are missing),
    `senators` a state to its senators in the order answers list them, and
    `office_for(bioguide_id)` gives the key of the office to show, or None.
    """

    def member(bioguide: str) -> list[str]:
        return [f"member:{bioguide}", office_for(bioguide) or "null", f"member-end:{bioguide}"]

    states = sorted({state for state, _district in seats})
    parts = [f"head:{precision}:{seats_key(seats)}"]
    for index, (state, district) in enumerate(sorted(seats)):
        parts += [","] if index else []
        bioguide = house.get(seat_key(state, district))
        parts.append(f"seat:{seat_key(state, district)}")
        parts += [*(member(bioguide) if bioguide else ["null"]), "}"]
    parts.append("senators")
    for index, bioguide in enumerate(b for state in states for b in senators.get(state, [])):
        parts += [","] if index else []
        parts += member(bioguide)
    parts.append(f"tail:{','.join(states)}")
    return parts


@dataclass(frozen=True)
class Answer:
    """An answer ready to send: its JSON bytes and its strong ETag (None when unknown)."""

    body: bytes
    etag: str | None


@dataclass(frozen=True)
class AnswerBook:
    """One answer set in memory: fragments per language, and each ZIP's parts."""

    version: str
    fragments: dict[str, dict[str, bytes]]
    zips: dict[str, tuple[str, ...]]
    house: dict[str, str]
    senators: dict[str, list[str]]
    offices: dict[str, list[OfficeSpot]]
    committees: dict[str, str]

    def language(self, language: str | None) -> str:
        return language if language in self.fragments else settings.LANGUAGE_CODE

    def zip_answer(self, zip5: str, language: str | None) -> Answer:
        language = self.language(language)
        fragments = self.fragments[language]
        parts = self.zips.get(zip5)
        if parts is None:  # a ZIP the crosswalk doesn't know: the message names it
            body = fragments["unknown:0"] + zip5.encode() + fragments["unknown:1"]
        else:
            body = b"".join([fragments[key] for key in parts])
        return Answer(body, f'"{self.version}.{language}.{zip5}"')

    def seats_answer(
        self, seats: list[tuple[str, int]], *, precision: str, language: str | None, office_for
    ) -> bytes | None:
        """The answer for seats found another way (a street address); None when no header
        was prepared for them (several districts for one address)."""
        fragments = self.fragments[self.language(language)]
        parts = answer_parts(
            seats, precision=precision, house=self.house, senators=self.senators,
            office_for=office_for,
        )  # fmt: skip
        if parts[0] not in fragments:
            return None
        return b"".join([fragments[key] for key in parts])


_current = ProcessCache("legislators.answer-set", size=1, ttl=CHECK_SECONDS)
_books = ProcessCache("legislators.answer-books", size=2)
NO_BOOK = None


def answer_book():
    """The current AnswerBook, NO_BOOK when no set was ever prepared, or MISSING when this
    process must first ask the database which set is current (`answer_book_for`)."""
    version = _current.get("version")
    if version is MISSING:
        return MISSING
    return _books.get(version) if version else NO_BOOK


def answer_book_for(version: str | None) -> AnswerBook | None:
    """The book of `version` (read from the database as current), remembered as current."""
    if not version:
        _current.set("version", "")
        return NO_BOOK
    book = _books.get(version)
    if book is MISSING:
        book = _load(version)
        if book is None:  # replaced twice since we asked: ask again next time
            return NO_BOOK
        _books.set(version, book)
    _current.set("version", version)
    return book


def current_answer_version() -> str | None:
    return AnswerSet.objects.filter(is_current=True).values_list("version", flat=True).first()


def current_answer_book() -> AnswerBook | None:
    """The current AnswerBook, asking the database when the last check is too old."""
    book = answer_book()
    return answer_book_for(current_answer_version()) if book is MISSING else book


def forget_answer_book() -> None:
    """Ask the database again on the next lookup (after this process prepared a set)."""
    _current.clear()


def _load(version: str) -> AnswerBook | None:
    answer_set = AnswerSet.objects.filter(version=version).values_list("pk", flat=True).first()
    rows = AnswerFragment.objects.filter(answer_set_id=answer_set).values_list(
        "language", "key", "body"
    )
    by_language: dict[str, dict[str, bytes]] = {}
    for language, key, body in rows.iterator(chunk_size=5000):
        by_language.setdefault(language, {})[sys.intern(key)] = bytes(body)
    neutral = by_language.pop(NEUTRAL, None)
    if answer_set is None or neutral is None:
        return None
    maps = {key: json.loads(neutral.pop(key)) for key in MAPS}
    shared = {**LITERALS, **neutral}
    zips = {
        zip_code: tuple(sys.intern(key) for key in parts.split(" "))
        for zip_code, parts in ZipAnswer.objects.filter(answer_set_id=answer_set)
        .values_list("zip_code", "parts")
        .iterator(chunk_size=5000)
    }
    return AnswerBook(
        version=version,
        fragments={language: {**shared, **own} for language, own in by_language.items()},
        zips=zips,
        house=maps["map:house"],
        senators=maps["map:senators"],
        offices={
            bioguide: [OfficeSpot(*spot) for spot in spots]
            for bioguide, spots in maps["map:offices"].items()
        },
        committees=maps["map:committees"],
    )
