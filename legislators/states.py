"""States, DC and territories: public facts kept as the project's own reference table.

FIPS and USPS codes, 2020 apportionment of voting House seats (118th to 122nd
Congress), whether the seat is elected at-large, what the House member is called and
how many senators there are.
"""

from typing import NamedTuple


class StateFacts(NamedTuple):
    fips: str
    code: str
    name: str
    type: str
    voting_house_seats: int
    at_large: bool
    house_member_title: str
    senators: int


STATES: tuple[StateFacts, ...] = (
    StateFacts("01", "AL", "Alabama", "state", 7, False, "Representative", 2),
    StateFacts("02", "AK", "Alaska", "state", 1, True, "Representative", 2),
    StateFacts("04", "AZ", "Arizona", "state", 9, False, "Representative", 2),
    StateFacts("05", "AR", "Arkansas", "state", 4, False, "Representative", 2),
    StateFacts("06", "CA", "California", "state", 52, False, "Representative", 2),
    StateFacts("08", "CO", "Colorado", "state", 8, False, "Representative", 2),
    StateFacts("09", "CT", "Connecticut", "state", 5, False, "Representative", 2),
    StateFacts("10", "DE", "Delaware", "state", 1, True, "Representative", 2),
    StateFacts("11", "DC", "District of Columbia", "district", 0, True, "Delegate", 0),
    StateFacts("12", "FL", "Florida", "state", 28, False, "Representative", 2),
    StateFacts("13", "GA", "Georgia", "state", 14, False, "Representative", 2),
    StateFacts("15", "HI", "Hawaii", "state", 2, False, "Representative", 2),
    StateFacts("16", "ID", "Idaho", "state", 2, False, "Representative", 2),
    StateFacts("17", "IL", "Illinois", "state", 17, False, "Representative", 2),
    StateFacts("18", "IN", "Indiana", "state", 9, False, "Representative", 2),
    StateFacts("19", "IA", "Iowa", "state", 4, False, "Representative", 2),
    StateFacts("20", "KS", "Kansas", "state", 4, False, "Representative", 2),
    StateFacts("21", "KY", "Kentucky", "state", 6, False, "Representative", 2),
    StateFacts("22", "LA", "Louisiana", "state", 6, False, "Representative", 2),
    StateFacts("23", "ME", "Maine", "state", 2, False, "Representative", 2),
    StateFacts("24", "MD", "Maryland", "state", 8, False, "Representative", 2),
    StateFacts("25", "MA", "Massachusetts", "state", 9, False, "Representative", 2),
    StateFacts("26", "MI", "Michigan", "state", 13, False, "Representative", 2),
    StateFacts("27", "MN", "Minnesota", "state", 8, False, "Representative", 2),
    StateFacts("28", "MS", "Mississippi", "state", 4, False, "Representative", 2),
    StateFacts("29", "MO", "Missouri", "state", 8, False, "Representative", 2),
    StateFacts("30", "MT", "Montana", "state", 2, False, "Representative", 2),
    StateFacts("31", "NE", "Nebraska", "state", 3, False, "Representative", 2),
    StateFacts("32", "NV", "Nevada", "state", 4, False, "Representative", 2),
    StateFacts("33", "NH", "New Hampshire", "state", 2, False, "Representative", 2),
    StateFacts("34", "NJ", "New Jersey", "state", 12, False, "Representative", 2),
    StateFacts("35", "NM", "New Mexico", "state", 3, False, "Representative", 2),
    StateFacts("36", "NY", "New York", "state", 26, False, "Representative", 2),
    StateFacts("37", "NC", "North Carolina", "state", 14, False, "Representative", 2),
    StateFacts("38", "ND", "North Dakota", "state", 1, True, "Representative", 2),
    StateFacts("39", "OH", "Ohio", "state", 15, False, "Representative", 2),
    StateFacts("40", "OK", "Oklahoma", "state", 5, False, "Representative", 2),
    StateFacts("41", "OR", "Oregon", "state", 6, False, "Representative", 2),
    StateFacts("42", "PA", "Pennsylvania", "state", 17, False, "Representative", 2),
    StateFacts("44", "RI", "Rhode Island", "state", 2, False, "Representative", 2),
    StateFacts("45", "SC", "South Carolina", "state", 7, False, "Representative", 2),
    StateFacts("46", "SD", "South Dakota", "state", 1, True, "Representative", 2),
    StateFacts("47", "TN", "Tennessee", "state", 9, False, "Representative", 2),
    StateFacts("48", "TX", "Texas", "state", 38, False, "Representative", 2),
    StateFacts("49", "UT", "Utah", "state", 4, False, "Representative", 2),
    StateFacts("50", "VT", "Vermont", "state", 1, True, "Representative", 2),
    StateFacts("51", "VA", "Virginia", "state", 11, False, "Representative", 2),
    StateFacts("53", "WA", "Washington", "state", 10, False, "Representative", 2),
    StateFacts("54", "WV", "West Virginia", "state", 2, False, "Representative", 2),
    StateFacts("55", "WI", "Wisconsin", "state", 8, False, "Representative", 2),
    StateFacts("56", "WY", "Wyoming", "state", 1, True, "Representative", 2),
    StateFacts("60", "AS", "American Samoa", "territory", 0, True, "Delegate", 0),
    StateFacts("66", "GU", "Guam", "territory", 0, True, "Delegate", 0),
    StateFacts("69", "MP", "Northern Mariana Islands", "territory", 0, True, "Delegate", 0),
    StateFacts("72", "PR", "Puerto Rico", "territory", 0, True, "Resident Commissioner", 0),
    StateFacts("78", "VI", "U.S. Virgin Islands", "territory", 0, True, "Delegate", 0),
)

STATES_BY_CODE: dict[str, StateFacts] = {state.code: state for state in STATES}

# Territories without ZCTAs (so without crosswalk rows): ZIP ranges commonly
# published for them, inclusive. They elect one delegate each (district 0).
TERRITORY_ZIP_RANGES: tuple[tuple[str, str, str], ...] = (
    ("00801", "00851", "VI"),
    ("96910", "96932", "GU"),
    ("96950", "96952", "MP"),
    ("96799", "96799", "AS"),
)


def territory_for_zip(zip5: str) -> str | None:
    """The territory whose published ZIP range holds `zip5`, or None."""
    for first, last, code in TERRITORY_ZIP_RANGES:
        if first <= zip5 <= last:
            return code
    return None
