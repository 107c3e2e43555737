"""Which state and congressional district an action counts for, from the ZIP code.

One (state, district) → both; several districts in one state → the state only; several
states or an unknown ZIP → nothing. The rule is one SQL query over the crosswalk, run on
its own by `place_for_zip` and as a step of the statement that records an action.
"""

from actioncenter.db.statements import Statement
from legislators.models import ZipDistrict
from legislators.selectors import normalize_zip
from metrics.record import Place


def place_step(zip_code: str) -> Statement:
    """A SELECT of one row (state, district) for the ZIP code ('' and NULL when unknown)."""
    table = ZipDistrict._meta.db_table
    return Statement(
        "SELECT CASE WHEN COUNT(*) = 1 OR COUNT(DISTINCT state) = 1 THEN MIN(state) "  # noqa: S608
        "ELSE '' END AS state, CASE WHEN COUNT(*) = 1 THEN MIN(district) END AS district "
        f"FROM (SELECT DISTINCT state, district FROM {table} WHERE zcta = %s) AS pairs",
        [normalize_zip(zip_code) or ""],
    )


def given_place_step(place: Place) -> Statement:
    """The same row, for a place already known (a street address the geocoder placed)."""
    return Statement(
        "SELECT %s::varchar AS state, %s::smallint AS district", [place.state, place.district]
    )


def place_for_zip(zip_code: str) -> Place:
    [(state, district)] = place_step(zip_code).rows()
    return Place(state=state or "", district=district)
