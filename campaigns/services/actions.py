"""Recording one supporter action (a signature, a sign-up, a letter) in one statement.

Every action of a supporter follows the same rules, written once here:

* the supporter is upserted by email (`campaigns.services.supporters`);
* the action counts for the state and district of the ZIP code, or of the address the
  geocoder placed (`campaigns.services.attribution`);
* the action's row is inserted unless this supporter already has one (the model's unique
  constraint), and only a new row counts: its metrics, "supporters" the first time this
  person acts on the campaign, "supporters_new" when this action created the supporter;
* the consents given with it are recorded with it.

All of it is one statement: atomic on its own, exact under any concurrency, and one round
trip on the hot path of the public signing endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actioncenter.db.statements import Sql, Statement, insert, quote, with_steps
from actioncenter.fastpaths import execute_prepared
from campaigns.models import ConsentRecord, Participation, Partner
from campaigns.services.attribution import given_place_step, place_step
from campaigns.services.supporters import Person, supporter_upsert_step
from metrics.models import Cell, Counter
from metrics.record import Place, adding_upsert_sql, free_cell_shard_sql, random_shard
from metrics.registry import Metric, declare

METRIC_NAME = re.compile(r"[a-z][a-z0-9_]*")
SUPPORTER_METRICS = declare(
    Metric("supporters", _("Supporters"), broken_down=True),
    Metric("supporters_new", _("New supporters")),
)


def supporter_counts(*, first_action: bool, new_supporter: bool) -> dict[str, int]:
    """What a supporter's action adds to the supporter totals: "supporters" the first time
    this person acts on the campaign, "supporters_new" as well when the action is how they
    joined us (it created the supporter)."""
    if not first_action:
        return {}
    return {"supporters": 1, "supporters_new": 1} if new_supporter else {"supporters": 1}


@dataclass(frozen=True)
class Recorded:
    supporter_id: int
    supporter_inserted: bool
    action_id: int | None  # None: this supporter had already taken this action
    place: Place

    @property
    def created(self) -> bool:
        return self.action_id is not None


@dataclass(frozen=True)
class Action:
    """What a kind records: its row and what a new one counts and consents to."""

    model: type
    campaign_id: int
    values: Mapping  # the row's own fields (the supporter, state and district are added)
    unique: Sequence[str]  # the fields of the constraint "one per supporter"
    counts: Mapping[str, int]  # metrics a new row adds to, e.g. {"signatures": 1}
    consents: Sequence[str] = ()  # ConsentRecord purposes given with it
    partner_ids: Sequence[int] = ()  # co-sponsors the supporter agreed to hear from
    source: str = ""
    place: Place | None = None  # None: from the supporter's ZIP code


def action_record(action: Action, person: Person, *, safe_to_repeat: bool = False) -> Recorded:
    """Record the action (see the module's rules) and return what happened.

    `safe_to_repeat`: run outside a transaction, where a connection found dead is replaced
    and the statement run again (a second run records nothing more).
    """
    statement = _statement(action, person)
    [(supporter_id, inserted, action_id, state, district)] = execute_prepared(
        statement.sql, statement.params, safe_to_repeat=safe_to_repeat
    )
    return Recorded(supporter_id, inserted, action_id, Place(state or "", district))


def _statement(action: Action, person: Person) -> Statement:
    now = timezone.now()
    campaign = action.campaign_id
    place = place_step(person.zip_code) if action.place is None else given_place_step(action.place)
    row = insert(
        action.model,
        {
            **action.values,
            "campaign": campaign,
            "supporter": Sql("supporter.id"),
            "state": Sql("place.state"),
            "district": Sql("place.district"),
        },
        source="FROM supporter, place",
        conflict=action.unique,
        returning="id, supporter_id, state, district",
    )
    participation = insert(
        Participation,
        {"campaign": campaign, "supporter": Sql("act.supporter_id"), "created_at": now},
        source="FROM act",
        conflict=["campaign", "supporter"],
        returning="supporter_id",
    )
    steps = [
        ("place", place),
        ("supporter", supporter_upsert_step(person, source=action.source, columns="id")),
        ("act", row),
        ("joined", participation),
        ("events", _events(action.counts)),
        ("counted", _headline(campaign)),
        ("cells", _cells(campaign, now, action.source)),
        *_consents(campaign, action, now),
    ]
    final = (
        "SELECT supporter.id, supporter.inserted, act.id, act.state, act.district "
        "FROM supporter LEFT JOIN act ON TRUE"
    )
    return with_steps(steps, final)


def _events(counts: Mapping[str, int]) -> Statement:
    """One row (metric, amount, state, district) per metric a new action adds to: its own,
    then the supporter totals (`supporter_counts`) for a first action on the campaign.

    Metric names and amounts are written into the SQL, not passed as parameters: they
    come from the code, and as constants the planner folds them (a prepared statement
    with them as parameters runs markedly slower)."""
    rows = ", ".join(f"({_metric(metric)}, {int(counts[metric])})" for metric in sorted(counts))
    sql = (
        f"SELECT counts.metric, counts.amount, act.state, act.district FROM act, "  # noqa: S608
        f"(VALUES {rows}) AS counts (metric, amount)"
    )
    returning = supporter_counts(first_action=True, new_supporter=False)
    new = supporter_counts(first_action=True, new_supporter=True)
    for metric, amount in new.items():
        only_new = "" if metric in returning else " JOIN supporter ON supporter.inserted"
        sql += (
            f" UNION ALL SELECT {_metric(metric)}, {int(amount)}, act.state, act.district "  # noqa: S608
            f"FROM act JOIN joined USING (supporter_id){only_new}"
        )
    return Statement(sql, [])


def _metric(name: str) -> str:
    """A metric's name as an SQL literal; names are identifiers declared in the code."""
    if not METRIC_NAME.fullmatch(name):
        raise ValueError(f"not a metric name: {name!r}")
    return f"'{name}'::varchar"


def _headline(campaign: int) -> Statement:
    # Sorted by metric: one lock order for every writer, so concurrent actions never deadlock.
    rows = "SELECT %s, metric, %s, amount FROM events ORDER BY metric"
    return Statement(adding_upsert_sql(Counter, source=rows), [campaign, random_shard()])


def _cells(campaign: int, now, source: str) -> Statement:
    key = ("%s", "metric", "%s", "COALESCE(state, '')", "COALESCE(district, -1)", "%s")
    shard = free_cell_shard_sql(*key)
    rows = (
        f"SELECT %s, metric, %s, COALESCE(state, ''), COALESCE(district, -1), %s, {shard}, "  # noqa: S608
        "amount FROM events ORDER BY metric"
    )
    day = timezone.localdate(now)
    params = [campaign, day, source[:64], campaign, day, source[:64]]
    return Statement(adding_upsert_sql(Cell, source=rows), params)


def _consents(campaign: int, action: Action, now) -> list[tuple[str, Statement]]:
    """The consents of a new action: its purposes, then each co-sponsor agreed to."""
    given = {"supporter": Sql("act.supporter_id"), "campaign": campaign, "created_at": now}
    partner_ids = [int(pk) for pk in action.partner_ids]
    purposes = insert(
        ConsentRecord,
        {**given, "partner": None, "purpose": Sql("purpose")},
        source="FROM act, unnest(%s::varchar[]) AS purpose",
        source_params=[list(action.consents)],
    )
    partners = insert(
        ConsentRecord,
        {**given, "partner": Sql("partner.id"), "purpose": ConsentRecord.Purpose.PARTNER},
        source=f"FROM act JOIN {quote(Partner._meta.db_table)} AS partner "
        "ON partner.campaign_id = %s AND partner.cosponsor AND partner.id = ANY(%s::bigint[]) "
        "WHERE cardinality(%s::bigint[]) > 0",  # most act without: skip the lookup
        source_params=[campaign, partner_ids, partner_ids],
    )
    return [("consented", purposes), ("consented_partners", partners)]
