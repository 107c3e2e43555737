"""Which state and congressional district an action counts for, from the ZIP code."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    state: str = ""
    district: int | None = None


def place_for_zip(zip_code: str) -> Place:
    """One (state, district) → both; several districts in one state → the state only;
    several states or an unknown ZIP → nothing."""
    from legislators.selectors import zip_districts

    pairs = zip_districts(zip_code or "")
    states = {state for state, _district in pairs}
    if len(pairs) == 1:
        state, district = pairs[0]
        return Place(state=state, district=district)
    if len(states) == 1:
        return Place(state=states.pop())
    return Place()
