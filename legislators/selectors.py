"""Reads over legislators, committees and the ZIP crosswalk.

Querysets come with their relations prefetched so templates and serializers
never trigger further queries.
"""

import re

from django.db.models import F, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from legislators.models import (
    AnswerSet,
    Committee,
    CommitteeMembership,
    Legislator,
    ZipDistrict,
)

ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")


def normalize_zip(zip_code: str) -> str | None:
    """The 5-digit ZIP of "12345", "12345-6789" or "123456789"; None for anything else."""
    match = ZIP_RE.match((zip_code or "").strip())
    return match.group(1) if match else None


def zip_districts(zip_code: str) -> list[tuple[str, int]]:
    """Sorted distinct (state, district) pairs of a ZIP from the crosswalk; [] when unknown."""
    zip5 = normalize_zip(zip_code)
    if zip5 is None:
        return []
    rows = (
        ZipDistrict.objects.filter(zcta=zip5)
        .order_by("state", "district")
        .values_list("state", "district")
        .distinct()
    )
    return list(rows)


def crosswalk_loaded() -> bool:
    """Whether the ZIP crosswalk has been imported (an empty one answers no ZIP at all)."""
    return ZipDistrict.objects.exists()


def legislator_data_status() -> str:
    """ "ok", or "not_loaded" until `load_legislators` has imported members and the ZIP
    crosswalk (lookups then answer that they are not ready)."""
    loaded = crosswalk_loaded() and Legislator.objects.filter(is_current=True).exists()
    return "ok" if loaded else "not_loaded"


def zip_districts_and_answer_version(zip5: str) -> tuple[list[tuple[str, int]], str | None]:
    """The ZIP's districts (as `zip_districts`) and the version of the current answer set.

    What a process that has not yet looked for prepared answers needs, in one query when
    the crosswalk knows the ZIP: either the answer set, or the districts to answer from
    the tables without it.
    """
    current = AnswerSet.objects.filter(is_current=True).values_list("version", flat=True)
    rows = list(
        ZipDistrict.objects.filter(zcta=zip5)
        .annotate(answers=Subquery(current[:1]))
        .order_by("state", "district")
        .values_list("state", "district", "answers")
        .distinct()
    )
    if not rows:
        return [], current.first()
    return [(state, district) for state, district, _version in rows], rows[0][2]


def _membership_prefetch() -> Prefetch:
    return Prefetch(
        "committee_memberships",
        # Each committee followed by its subcommittees.
        queryset=CommitteeMembership.objects.select_related("committee__parent").order_by(
            Coalesce("committee__parent__name", "committee__name"),
            F("committee__parent_id").asc(nulls_first=True),
            "committee__name",
        ),
    )


def legislator_list(
    *,
    state: str = "",
    chamber: str = "",
    committee: str = "",
    current: bool | None = True,
    with_details: bool = True,
) -> QuerySet[Legislator]:
    """Legislators filtered by state code, chamber and committee thomas_id.

    With `with_details`, district offices and committee memberships (with their
    committees) are prefetched: two extra queries whatever the number of rows.
    """
    queryset = Legislator.objects.all()
    if current is not None:
        queryset = queryset.filter(is_current=current)
    if state:
        queryset = queryset.filter(state=state.upper())
    if chamber:
        queryset = queryset.filter(chamber=chamber)
    if committee:
        queryset = queryset.filter(committee_memberships__committee__thomas_id=committee)
    if with_details:
        queryset = queryset.prefetch_related("offices", _membership_prefetch())
    return queryset.order_by("state", "chamber", "district", "last_name", "first_name")


def legislator_get(bioguide_id: str) -> Legislator | None:
    """One legislator (current or former) with offices and committees, or None."""
    return (
        Legislator.objects.prefetch_related("offices", _membership_prefetch())
        .filter(bioguide_id=bioguide_id)
        .first()
    )


def committee_members(
    committee_thomas_id: str, *, include_subcommittees: bool = False
) -> QuerySet[Legislator]:
    """Current members of a committee (and of its subcommittees only when asked)."""
    ids = [committee_thomas_id]
    if include_subcommittees:
        ids += list(
            Committee.objects.filter(parent__thomas_id=committee_thomas_id).values_list(
                "thomas_id", flat=True
            )
        )
    return (
        Legislator.objects.filter(
            is_current=True, committee_memberships__committee__thomas_id__in=ids
        )
        .distinct()
        .order_by("state", "chamber", "district", "last_name")
    )


def parent_committee_names() -> dict[str, str]:
    """THOMAS id → name of every committee that has subcommittees."""
    return dict(
        Committee.objects.filter(subcommittees__isnull=False)
        .distinct()
        .values_list("thomas_id", "name")
    )


def committee_list(*, include_subcommittees: bool = False) -> QuerySet[Committee]:
    queryset = Committee.objects.filter(is_current=True)
    if not include_subcommittees:
        queryset = queryset.filter(parent__isnull=True)
    return queryset.order_by("type", "name")


def current_members_for_seats(seats: list[tuple[str, int]], states: list[str]):
    """Current House members of the given seats and senators of the given states.

    One query (plus two prefetches for offices and committees).
    """
    condition = Q(chamber=Legislator.Chamber.SENATE, state__in=states)
    for state, district in seats:
        condition |= Q(chamber=Legislator.Chamber.HOUSE, state=state, district=district)
    return (
        Legislator.objects.filter(condition, is_current=True)
        .prefetch_related("offices", _membership_prefetch())
        .order_by("state", "chamber", "district", "state_rank", "last_name")
    )


def constituent_filter(legislator: Legislator, *, prefix: str = "") -> Q:
    """Rows (with `state` and `district` fields) of people this legislator represents."""
    condition = Q(**{f"{prefix}state": legislator.state})
    if legislator.chamber != Legislator.Chamber.SENATE:
        condition &= Q(**{f"{prefix}district": legislator.district or 0})
    return condition
