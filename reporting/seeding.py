"""Writing planned activity to the database in bulk, with exact counters.

Rows are inserted with `bulk_create` in chunks; the counters get the same
events the services would have recorded, summed per (day, state, district,
source, metric) and written once per group, so `campaign_totals` stays exact.
"""

from __future__ import annotations

import contextlib
import itertools
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, time

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from campaigns.rollups import rollups_fold, rollups_reset
from campaigns.totals import CELL_COLUMNS, HEADLINE_COLUMNS, adding_upsert_sql
from reporting.activity import FALLBACK_PLACES, PlannedAction

DELIVERY_OUTCOMES = (("sent", 85), ("queued", 5), ("failed", 3), ("needs_manual", 7))


@contextlib.contextmanager
def given_timestamps(*fields):
    """Let bulk inserts keep the `created_at` we give instead of "now"."""
    saved = [(field, field.auto_now_add) for field in fields]
    for field, _flag in saved:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field, flag in saved:
            field.auto_now_add = flag


def moment(action: PlannedAction, rng: random.Random) -> datetime:
    """A time of day during waking hours, in the site's time zone."""
    seconds = rng.randint(7 * 3600, 23 * 3600)
    naive = datetime.combine(action.day, time(seconds // 3600, seconds // 60 % 60, seconds % 60))
    return timezone.make_aware(naive)


class Events:
    """Counter events summed before they are written."""

    def __init__(self, campaign_id: int):
        self.campaign_id = campaign_id
        self.pending: Counter = Counter()

    def add(self, metric: str, action: PlannedAction, amount: int = 1, **where) -> None:
        state = where.get("state", action.state)
        district = where.get("district", action.district)
        key = (metric, action.day, state, district, action.source)
        self.pending[key] += amount

    def flush(self) -> None:
        """Add the summed events to the counters, as record_event would, many rows at a time."""
        from campaigns.models import BreakdownCounter
        from campaigns.models import Counter as HeadlineCounter
        from campaigns.models.totals import NO_DISTRICT

        headline: Counter = Counter()
        cells = []
        for (metric, day, state, district, source), amount in self.pending.items():
            if not amount:
                continue
            headline[metric] += amount
            district_value = NO_DISTRICT if district is None else district
            cells.append(
                (self.campaign_id, metric, day, state[:2], district_value, source[:64], 0, amount)
            )
        headline_rows = [(self.campaign_id, metric, 0, value) for metric, value in headline.items()]
        _add(HeadlineCounter._meta.db_table, HEADLINE_COLUMNS, headline_rows)
        _add(BreakdownCounter._meta.db_table, CELL_COLUMNS, cells)
        self.pending.clear()


def _add(table: str, columns: list[str], rows: list[tuple]) -> None:
    """The statement the counters use, one row at a time in a batch."""
    with connection.cursor() as cursor:
        cursor.executemany(adding_upsert_sql(table, columns), rows)


class OfficeDirectory:
    """Office codes and current members per seat, looked up once."""

    def __init__(self):
        from campaigns.delivery.cwc import house_office_code, senate_office_code
        from legislators.models import Legislator

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

    def __init__(self, campaign, events: Events, rng: random.Random):
        from campaigns.outreach.demo import demo_outreach_create

        self.campaign = campaign
        self.events = events
        self.rng = rng
        self.action, self.call_action = demo_outreach_create(campaign)
        self.directory = OfficeDirectory()
        self.reached: set[str] = set()
        self._new_reach: list[str] = []

    @transaction.atomic
    def write(self, planned: Sequence[tuple[PlannedAction, object]]) -> None:
        from campaigns.outreach.models import Delivery, Letter, OfficeReach

        letters = Letter.objects.bulk_create(
            [self._letter(action, supporter) for action, supporter in planned], batch_size=2000
        )
        deliveries = []
        for letter, (action, _supporter) in zip(letters, planned, strict=True):
            self.events.add("letters", action)
            if action.personalized:
                self.events.add("letters_personalized", action)
            deliveries += self._deliveries(letter, action)
        Delivery.objects.bulk_create(deliveries, batch_size=2000)
        OfficeReach.objects.bulk_create(
            [OfficeReach(campaign=self.campaign, office_code=code) for code in self._new_reach],
            ignore_conflicts=True,
        )
        self._new_reach = []

    def _letter(self, action: PlannedAction, supporter):
        from campaigns.outreach.models import Letter

        return Letter(
            action=self.action, campaign=self.campaign, supporter=supporter, prefix="Mx.",
            first_name=action.first_name, last_name=action.last_name,
            address1=f"{action.number % 9000 + 100} Main Street", city="Springfield",
            state=action.state, zip_code=action.zip_code, email=action.email,
            district=action.district, personalized=action.personalized, source=action.source,
            created_at=moment(action, self.rng),
        )  # fmt: skip

    def _deliveries(self, letter, action: PlannedAction) -> list:
        from campaigns.outreach.models import Delivery

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
            self.events.add(f"deliveries_{status}", action)
            if status == "sent" and code not in self.reached:
                self.reached.add(code)
                self._new_reach.append(code)
                self.events.add("offices_reached", action, state=action.state, district=district)
        return rows


class CallWriter:
    def __init__(self, campaign, call_action, events: Events, rng: random.Random):
        self.campaign = campaign
        self.action = call_action
        self.events = events
        self.rng = rng
        self.directory = OfficeDirectory()

    @transaction.atomic
    def write(self, planned: Iterable[PlannedAction]) -> None:
        from campaigns.outreach.models import CallLog

        rows = []
        for action in planned:
            code, _name, _chamber, _district, legislator = self.rng.choice(
                self.directory.offices(action.state, action.district)
            )
            rows.append(
                CallLog(
                    action=self.action, legislator=legislator, office_code=code,
                    outcome=action.outcome, state=action.state, district=action.district,
                    created_at=moment(action, self.rng),
                )
            )  # fmt: skip
            self.events.add("calls", action)
            self.events.add(f"calls_{action.outcome}", action)
        CallLog.objects.bulk_create(rows, batch_size=2000)


class SupporterWriter:
    """New supporters for a chunk of planned actions, counted as distinct and new."""

    def __init__(self, campaign, events: Events, rng: random.Random):
        self.campaign = campaign
        self.events = events
        self.rng = rng

    def write(self, planned: Sequence[PlannedAction]) -> list:
        from campaigns.models import Participation, Supporter

        supporters = Supporter.objects.bulk_create(
            [
                Supporter(
                    email=action.email,
                    first_name=action.first_name,
                    last_name=action.last_name,
                    zip_code=action.zip_code,
                    source=action.source,
                    created_at=moment(action, self.rng),
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
            self.events.add("supporters", action)
            self.events.add("supporters_new", action)
        return supporters


class _ConsentedActionWriter:
    """Action rows that carry a consent record (signatures, sign-ups), counted as the
    services count them. Subclasses name the model, the consent purpose and the metric."""

    model_name = ""
    purpose = ""
    metric = ""

    def __init__(self, campaign, events: Events, rng: random.Random):
        self.campaign = campaign
        self.events = events
        self.rng = rng

    def fields(self, action: PlannedAction) -> dict:
        return {"state": action.state, "district": action.district, "source": action.source}

    def write(self, planned: Sequence[tuple[PlannedAction, object]]) -> None:
        from campaigns.models import ConsentRecord

        model = apps.get_model("campaigns", self.model_name)
        rows, consents = [], []
        for action, supporter in planned:
            created = moment(action, self.rng)
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
            self.events.add(self.metric, action)
        model.objects.bulk_create(rows, batch_size=2000)
        ConsentRecord.objects.bulk_create(consents, batch_size=2000)


class SignupWriter(_ConsentedActionWriter):
    model_name, purpose, metric = "Signup", "signup", "signups"


class SignatureWriter(_ConsentedActionWriter):
    model_name, purpose, metric = "Signature", "petition", "signatures"

    def fields(self, action: PlannedAction) -> dict:
        return {**super().fields(action), "zip_code": action.zip_code}


def places(seed: int, limit: int = 4000) -> list[tuple[str, str, int]]:
    """(ZIP, state, district) triples from the crosswalk, or a built-in list without it."""
    from legislators.models import ZipDistrict

    rows = list(ZipDistrict.objects.values_list("zcta", "state", "district")[:100_000])
    if not rows:
        return list(FALLBACK_PLACES)
    # ZIPs split between districts are attributed to no district by the services; keep the
    # demo simple by using ZIPs inside one district only.
    seats: dict[str, set] = {}
    for zcta, state, district in rows:
        seats.setdefault(zcta, set()).add((state, district))
    single = [
        (zcta, *next(iter(pairs))) for zcta, pairs in sorted(seats.items()) if len(pairs) == 1
    ]
    random.Random(seed).shuffle(single)  # noqa: S311 - made-up demo data
    return single[:limit] or list(FALLBACK_PLACES)


def already_seeded(batch: str) -> bool:
    from campaigns.models import Supporter

    return Supporter.objects.filter(email__startswith=f"{batch}-").exists()


def campaign_for_seeding(slug: str, kinds: Sequence[str]):
    """The campaign with the given slug, created (live) when missing, with each kind's config."""
    from campaigns.models import Campaign, Petition, SignupAction

    campaign, _created = Campaign.objects.get_or_create(
        slug=slug,
        defaults={
            "title": slug.replace("-", " ").capitalize(),
            "summary": "Made-up activity for demonstrations and benchmarks.",
            "status": "live",
        },
    )
    if "petition" in kinds:
        Petition.objects.get_or_create(campaign=campaign, defaults={"text": campaign.summary})
    if "signup" in kinds:
        SignupAction.objects.get_or_create(campaign=campaign)
    return campaign


def _chunks(iterable: Iterable, size: int) -> Iterable[list]:
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def outreach_timestamps() -> list:
    """The auto-dated fields of letters, deliveries and calls (when that app is installed)."""
    if not apps.is_installed("campaigns.outreach"):
        return []
    from campaigns.outreach.models import CallLog, Delivery, Letter

    return [model._meta.get_field("created_at") for model in (Letter, Delivery, CallLog)]


def write_bulk(campaign, plan: Iterable[PlannedAction], *, seed: int, chunk: int = 5000) -> int:
    """Insert the planned actions chunk by chunk; returns how many were written."""
    rng = random.Random(seed)  # noqa: S311 - made-up demo data
    events = Events(campaign.pk)
    supporters = SupporterWriter(campaign, events, rng)
    signatures = SignatureWriter(campaign, events, rng)
    signups = SignupWriter(campaign, events, rng)
    letters = calls = None
    written = 0
    with given_timestamps(*outreach_timestamps()):
        for actions in _chunks(plan, chunk):
            with transaction.atomic():
                people = supporters.write(actions)
                by_kind: dict[str, list] = {}
                for action, person in zip(actions, people, strict=True):
                    by_kind.setdefault(action.kind, []).append((action, person))
                if by_kind.get("petition"):
                    signatures.write(by_kind["petition"])
                if by_kind.get("signup"):
                    signups.write(by_kind["signup"])
                if by_kind.get("letter"):
                    letters = letters or LetterWriter(campaign, events, rng)
                    letters.write(by_kind["letter"])
                if by_kind.get("call"):
                    letters = letters or LetterWriter(campaign, events, rng)
                    calls = calls or CallWriter(campaign, letters.call_action, events, rng)
                    calls.write([action for action, _person in by_kind["call"]])
                events.flush()
            written += len(actions)
    # The cells of past days changed: rebuild the rollups from them, as the nightly fold
    # would have.
    rollups_reset(campaign.pk)
    rollups_fold(campaign.pk)
    _refresh_statistics()
    return written


def _refresh_statistics() -> None:
    """After a bulk load, give PostgreSQL's planner fresh statistics of the tables reports
    read (autovacuum would, a little later); elsewhere nothing to do."""
    if connection.vendor != "postgresql":
        return
    from campaigns.models import BreakdownCounter, Rollup

    with connection.cursor() as cursor:
        for model in (BreakdownCounter, Rollup):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
