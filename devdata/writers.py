"""Made-up rows of each action kind, counted as the services count them.

Each writer inserts a chunk of planned actions with `bulk_create` and adds to a
`metrics.bulk.Tally` what the live services record for the same actions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time

from django.apps import apps
from django.utils import timezone

from calls.models import CallLog
from campaigns.models import ConsentRecord, Participation, Supporter
from campaigns.services.actions import supporter_counts
from devdata.activity import PlannedAction
from devdata.letters import demo_outreach_create
from legislators.models import Legislator
from legislators.offices import house_office_code, senate_office_code
from letters.models import Delivery, Letter, OfficeReach
from letters.outbox.transitions import status_metric
from letters.services.submit import letter_counts
from metrics.bulk import Tally
from metrics.record import Place

DELIVERY_OUTCOMES = (("sent", 85), ("queued", 5), ("failed", 3), ("needs_manual", 7))


def acted_at(action: PlannedAction, rng: random.Random) -> datetime:
    """A time of day during waking hours, in the site's time zone."""
    seconds = rng.randint(7 * 3600, 23 * 3600)
    naive = datetime.combine(action.day, time(seconds // 3600, seconds // 60 % 60, seconds % 60))
    return timezone.make_aware(naive)


class Counts:
    """What the planned actions add to the totals, on their own day and place."""

    def __init__(self, campaign_id: int):
        self.tally = Tally(campaign_id)

    def add(self, deltas: dict[str, int], action: PlannedAction, *, place: Place | None = None):
        place = place or Place(action.state, action.district)
        for metric, amount in deltas.items():
            self.tally.add(metric, day=action.day, place=place, source=action.source, amount=amount)

    def flush(self) -> None:
        self.tally.flush()


class OfficeDirectory:
    """Office codes and current members per seat, looked up once."""

    def __init__(self):
        self._house_code = house_office_code
        self._senate_code = senate_office_code
        self.members: dict[tuple[str, int | None], list] = {}
        for legislator in Legislator.objects.filter(is_current=True):
            seat = (legislator.state, legislator.district if legislator.district is not None
                    else None)  # fmt: skip
            key = seat if legislator.chamber == "house" else (legislator.state, None)
            self.members.setdefault(key, []).append(legislator)

    def offices(self, state: str, district: int) -> list[tuple[str, str, str, int | None, object]]:
        """(code, name, chamber, district, legislator) for the House seat and two Senate seats."""
        house = (self.members.get((state, district)) or [None])[0]
        offices = [
            (self._house_code(state, district), _name(house, f"{state}-{district:02d}"),
             "house", district, house),
        ]  # fmt: skip
        senators = sorted(self.members.get((state, None), []), key=lambda s: s.senate_class or 0)
        for number, senator in enumerate(senators[:2] or [None, None], start=1):
            senate_class = getattr(senator, "senate_class", None) or number
            if state in ("DC", "PR", "GU", "VI", "AS", "MP"):
                break
            offices.append(
                (self._senate_code(state, senate_class), _name(senator, f"{state} senator"),
                 "senate", None, senator)
            )  # fmt: skip
        return offices


def _name(legislator, fallback: str) -> str:
    return legislator.official_full_name if legislator is not None else fallback


class LetterWriter:
    """Letters with one delivery per office, counted as the outreach services count them."""

    def __init__(self, campaign, counts: Counts, rng: random.Random):
        self.campaign = campaign
        self.counts = counts
        self.rng = rng
        self.action, _call = demo_outreach_create(campaign)
        self.directory = OfficeDirectory()
        self.reached: set[str] = set()
        self._new_reach: list[str] = []

    def write(self, planned: Sequence[tuple[PlannedAction, object]]) -> None:
        letters = Letter.objects.bulk_create(
            [self._letter(action, supporter) for action, supporter in planned], batch_size=2000
        )
        deliveries = []
        for letter, (action, _supporter) in zip(letters, planned, strict=True):
            rows = self._deliveries(letter, action)
            deltas = letter_counts(personalized=action.personalized, offices=len(rows))
            # Each delivery has already left "queued" for its outcome, as the outbox moves it.
            deltas["deliveries_queued"] -= len(rows)
            for delivery in rows:
                metric = status_metric(delivery.status)
                deltas[metric] = deltas.get(metric, 0) + 1
            self.counts.add(deltas, action)
            deliveries += rows
        Delivery.objects.bulk_create(deliveries, batch_size=2000)
        OfficeReach.objects.bulk_create(
            [OfficeReach(campaign=self.campaign, office_code=code) for code in self._new_reach],
            ignore_conflicts=True,
        )
        self._new_reach = []

    def _letter(self, action: PlannedAction, supporter):
        return Letter(
            action=self.action, campaign=self.campaign, supporter=supporter, prefix="Mx.",
            first_name=action.first_name, last_name=action.last_name,
            address1=f"{action.number % 9000 + 100} Main Street", city="Springfield",
            state=action.state, zip_code=action.zip_code, email=action.email,
            district=action.district, personalized=action.personalized, source=action.source,
            created_at=acted_at(action, self.rng),
        )  # fmt: skip

    def _deliveries(self, letter, action: PlannedAction) -> list:
        statuses, weights = zip(*DELIVERY_OUTCOMES, strict=True)
        rows = []
        for code, name, chamber, district, legislator in self.directory.offices(
            action.state, action.district
        ):
            status = self.rng.choices(statuses, weights)[0]
            final = status != "queued"
            rows.append(
                Delivery(
                    letter=letter, campaign=self.campaign, supporter_id=letter.supporter_id,
                    legislator=legislator, office_code=code, office_name=name, chamber=chamber,
                    office_state=action.state, office_district=district,
                    subject=self.action.subject, channel="cwc" if final else "", status=status,
                    attempts=1 if final else 0, created_at=letter.created_at,
                    sent_at=letter.created_at if status == "sent" else None,
                    finished_at=letter.created_at if final else None,
                )
            )  # fmt: skip
            if status == "sent" and code not in self.reached:
                self.reached.add(code)
                self._new_reach.append(code)
                self.counts.add({"offices_reached": 1}, action, place=Place(action.state, district))
        return rows


class CallWriter:
    """Reported calls (no supporter is stored with a call)."""

    def __init__(self, campaign, counts: Counts, rng: random.Random):
        self.campaign = campaign
        _letter, self.action = demo_outreach_create(campaign)
        self.counts = counts
        self.rng = rng
        self.directory = OfficeDirectory()

    def write(self, planned: Sequence[tuple[PlannedAction, object]]) -> None:
        rows = []
        for action, _supporter in planned:
            code, _name, _chamber, _district, legislator = self.rng.choice(
                self.directory.offices(action.state, action.district)
            )
            rows.append(
                CallLog(
                    action=self.action, legislator=legislator, office_code=code,
                    outcome=action.outcome, state=action.state, district=action.district,
                    created_at=acted_at(action, self.rng),
                )
            )  # fmt: skip
            self.counts.add({"calls": 1, f"calls_{action.outcome}": 1}, action)
        CallLog.objects.bulk_create(rows, batch_size=2000)


class SupporterWriter:
    """New supporters for a chunk of planned actions, counted as distinct and new."""

    def __init__(self, campaign, counts: Counts, rng: random.Random):
        self.campaign = campaign
        self.counts = counts
        self.rng = rng

    def write(self, planned: Sequence[PlannedAction]) -> list:
        supporters = Supporter.objects.bulk_create(
            [
                Supporter(
                    email=action.email,
                    first_name=action.first_name,
                    last_name=action.last_name,
                    zip_code=action.zip_code,
                    source=action.source,
                    created_at=acted_at(action, self.rng),
                )  # fmt: skip
                for action in planned
            ],
            batch_size=2000,
        )
        Participation.objects.bulk_create(
            [
                Participation(
                    campaign=self.campaign, supporter=supporter, created_at=supporter.created_at
                )
                for supporter in supporters
            ],
            batch_size=2000,
        )
        for action in planned:  # each made-up person is new to us, and to the campaign
            self.counts.add(supporter_counts(first_action=True, new_supporter=True), action)
        return supporters


class _ConsentedActionWriter:
    """Action rows that carry a consent record (signatures, sign-ups), counted as the
    services count them. Subclasses name the model, the consent purpose and the metric."""

    model_name = ""
    purpose = ""
    metric = ""

    def __init__(self, campaign, counts: Counts, rng: random.Random):
        self.campaign = campaign
        self.counts = counts
        self.rng = rng

    def fields(self, action: PlannedAction) -> dict:
        return {"state": action.state, "district": action.district, "source": action.source}

    def write(self, planned: Sequence[tuple[PlannedAction, object]]) -> None:
        model = apps.get_model(self.model_name)
        rows, consents = [], []
        for action, supporter in planned:
            created = acted_at(action, self.rng)
            rows.append(
                model(
                    campaign=self.campaign,
                    supporter=supporter,
                    created_at=created,
                    **self.fields(action),
                )
            )
            consents.append(
                ConsentRecord(
                    supporter=supporter,
                    campaign=self.campaign,
                    purpose=self.purpose,
                    created_at=created,
                )  # fmt: skip
            )
            self.counts.add({self.metric: 1}, action)
        model.objects.bulk_create(rows, batch_size=2000)
        ConsentRecord.objects.bulk_create(consents, batch_size=2000)


class SignupWriter(_ConsentedActionWriter):
    model_name, purpose, metric = "signups.Signup", "signup", "signups"


class SignatureWriter(_ConsentedActionWriter):
    model_name, purpose, metric = "petitions.Signature", "petition", "signatures"

    def fields(self, action: PlannedAction) -> dict:
        return {**super().fields(action), "zip_code": action.zip_code}
