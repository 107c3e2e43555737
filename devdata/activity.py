"""Realistic made-up activity for demos and benchmarks (no real person is ever generated).

`activity_plan` is pure: from a seed it yields actions spread over days (a launch
spike, a slow decline, quieter weekends, a second push), over ZIP codes weighted
like the population of the crosswalk, and over source codes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

SOURCES = (("", 30), ("email", 30), ("facebook", 12), ("partner-mgaj", 10),
           ("partner-local", 8), ("twitter", 6), ("press", 4))  # fmt: skip
CALL_OUTCOMES = (("reached", 45), ("voicemail", 40), ("busy", 15))
FIRST_NAMES = ("Alex", "Sam", "Jordan", "Maria", "Wei", "Fatima", "Luis", "Aisha", "Noor",
               "Emily", "Kofi", "Ana", "David", "Priya", "Chen", "Olga", "Jamal")  # fmt: skip
LAST_NAMES = ("Rivera", "Nguyen", "Smith", "Okafor", "Garcia", "Kim", "Haddad", "Johnson",
              "Lopez", "Patel", "Cohen", "Mensah", "Silva", "Novak", "Brown", "Ali")  # fmt: skip
# Used when the ZIP crosswalk has not been loaded: (ZIP, state, district).
FALLBACK_PLACES = (("10001", "NY", 12), ("11201", "NY", 10), ("90012", "CA", 34),
                   ("94103", "CA", 11), ("60614", "IL", 5), ("77002", "TX", 18),
                   ("33130", "FL", 27), ("98101", "WA", 7), ("02139", "MA", 7),
                   ("30303", "GA", 5), ("19104", "PA", 3), ("85004", "AZ", 3),
                   ("80202", "CO", 1), ("55401", "MN", 5), ("97204", "OR", 3),
                   ("22201", "VA", 8), ("20001", "DC", 0), ("82001", "WY", 0))  # fmt: skip


@dataclass(frozen=True)
class PlannedAction:
    number: int
    kind: str
    day: date
    zip_code: str
    state: str
    district: int
    source: str
    first_name: str
    last_name: str
    personalized: bool = False
    outcome: str = ""
    batch: str = "demo"

    @property
    def email(self) -> str:
        """A made-up address on a reserved domain; unique per batch and number."""
        return f"{self.batch}-{self.number}@example.org"


def daily_weights(days: int, rng: random.Random) -> list[float]:
    """Relative activity per day: launch spike, decay, weekend dip, a second push."""
    push = rng.randint(days // 3, max(days // 3, 2 * days // 3)) if days > 3 else 0
    weights = []
    for offset in range(days):
        weight = 0.15 + math.exp(-offset / 6) + 0.6 * math.exp(-abs(offset - push) / 2)
        if offset % 7 in (5, 6):
            weight *= 0.6
        weights.append(weight)
    return weights


def _choices(pairs: Sequence[tuple[str, int]]) -> tuple[list[str], list[int]]:
    return [value for value, _weight in pairs], [weight for _value, weight in pairs]


def activity_plan(
    *,
    actions: int,
    start: date,
    days: int,
    places: Sequence[tuple[str, str, int]],
    kinds: Sequence[tuple[str, float]],
    seed: int = 1,
    batch: str = "demo",
) -> Iterator[PlannedAction]:
    """`actions` actions from `start` over `days` days, in day order; `kinds` gives each
    action kind (its slug) with its share of a typical campaign's actions."""
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, not security
    day_weights = daily_weights(days, rng)
    total = sum(day_weights)
    counts = [int(actions * weight / total) for weight in day_weights]
    counts[0] += actions - sum(counts)
    kind_names = [slug for slug, _share in kinds]
    kind_weights = [share for _slug, share in kinds]
    sources, source_weights = _choices(SOURCES)
    outcomes, outcome_weights = _choices(CALL_OUTCOMES)
    number = 0
    for offset, count in enumerate(counts):
        day = start + timedelta(days=offset)
        for _ in range(count):
            number += 1
            kind = rng.choices(kind_names, kind_weights)[0]
            zip_code, state, district = places[rng.randrange(len(places))]
            yield PlannedAction(
                number=number,
                kind=kind,
                day=day,
                zip_code=zip_code,
                state=state,
                district=district,
                source=rng.choices(sources, source_weights)[0],
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                # Drawn for every action; only the kinds they concern read them.
                personalized=rng.random() < 0.35,
                outcome=rng.choices(outcomes, outcome_weights)[0],
                batch=batch,
            )
