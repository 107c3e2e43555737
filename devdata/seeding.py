"""Writing planned activity to the database in bulk, with exact totals.

Rows are inserted with `bulk_create` in chunks by each kind's writer (`devdata.writers`);
the totals get what the services would have recorded, summed per (day, state, district,
source, metric) and written once per group through `metrics.bulk`, then the rollups of the
past days are rebuilt, as the nightly fold would have made them.
"""

from __future__ import annotations

import contextlib
import itertools
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from calls.kind import CALL
from calls.models import CallLog
from campaigns import kinds
from campaigns.models import Campaign, Supporter
from devdata.activity import FALLBACK_PLACES, PlannedAction
from devdata.letters import demo_outreach_create
from devdata.writers import (
    CallWriter,
    Counts,
    LetterWriter,
    SignatureWriter,
    SignupWriter,
    SupporterWriter,
)
from legislators.models import ZipDistrict
from letters.kind import LETTER
from letters.models import Delivery, Letter
from metrics.fold import fold_campaign, fold_reset
from metrics.models import Cell, Rollup
from petitions.kind import PETITION
from petitions.models import Petition
from signups.kind import SIGNUP
from signups.models import SignupAction


@dataclass(frozen=True)
class KindSeeding:
    writer: type
    configure: Callable  # gives a campaign this kind's settings (safe to repeat)


SEEDING = {
    PETITION: KindSeeding(
        SignatureWriter,
        lambda campaign: Petition.objects.get_or_create(
            campaign=campaign, defaults={"text": campaign.summary}
        ),
    ),
    LETTER: KindSeeding(LetterWriter, demo_outreach_create),
    CALL: KindSeeding(CallWriter, demo_outreach_create),
    SIGNUP: KindSeeding(SignupWriter, lambda campaign: SignupAction.objects.get_or_create(
        campaign=campaign
    )),
}  # fmt: skip


def seeded_kinds(slugs: Sequence[str] | None = None) -> list[kinds.ActionKind]:
    """The kinds made-up activity can be written for (all, or those named)."""
    known = [kind for kind in kinds.all_kinds() if kind in SEEDING]
    if slugs is None:
        return known
    unknown = set(slugs) - {kind.slug for kind in known}
    if unknown:
        raise ValueError(f"no made-up activity for {', '.join(sorted(unknown))}")
    return [kind for kind in known if kind.slug in slugs]


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


def places(seed: int, limit: int = 4000) -> list[tuple[str, str, int]]:
    """(ZIP, state, district) triples from the crosswalk, or a built-in list without it."""
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
    return Supporter.objects.filter(email__startswith=f"{batch}-").exists()


def campaign_for_seeding(slug: str, wanted: Sequence[kinds.ActionKind]) -> Campaign:
    """The campaign with the given slug, created (live) when missing, with each kind's config."""
    campaign, _created = Campaign.objects.get_or_create(
        slug=slug,
        defaults={
            "title": slug.replace("-", " ").capitalize(),
            "summary": "Made-up activity for demonstrations and benchmarks.",
            "status": "live",
            "sensitive": False,
        },
    )
    for kind in wanted:
        SEEDING[kind].configure(campaign)
    return campaign


def _chunks(iterable: Iterable, size: int) -> Iterable[list]:
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def write_bulk(campaign, plan: Iterable[PlannedAction], *, seed: int, chunk: int = 5000) -> int:
    """Insert the planned actions chunk by chunk; returns how many were written."""
    rng = random.Random(seed)  # noqa: S311 - made-up demo data
    counts = Counts(campaign.pk)
    supporters = SupporterWriter(campaign, counts, rng)
    by_slug = {kind.slug: kind for kind in seeded_kinds()}
    writers: dict[str, object] = {}
    written = 0
    dated = [model._meta.get_field("created_at") for model in (Letter, Delivery, CallLog)]
    with given_timestamps(*dated):
        for actions in _chunks(plan, chunk):
            with transaction.atomic():
                people = supporters.write(actions)
                groups: dict[str, list] = {}
                for action, person in zip(actions, people, strict=True):
                    groups.setdefault(action.kind, []).append((action, person))
                for slug, pairs in groups.items():
                    if slug not in writers:
                        writers[slug] = SEEDING[by_slug[slug]].writer(campaign, counts, rng)
                    writers[slug].write(pairs)
                counts.flush()
            written += len(actions)
    # The cells of past days changed: rebuild the rollups from them, as the nightly fold
    # would have.
    fold_reset(campaign.pk)
    fold_campaign(campaign.pk)
    _refresh_statistics()
    return written


def _refresh_statistics() -> None:
    """After a bulk load, give PostgreSQL's planner fresh statistics of the tables reports
    read (autovacuum would, a little later)."""
    with connection.cursor() as cursor:
        for model in (Cell, Rollup):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
