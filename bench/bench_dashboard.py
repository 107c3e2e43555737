"""Staff dashboard: a campaign with 1,000,000 actions against an empty campaign.

Creates its own PostgreSQL database, seeds one campaign with N actions
(`manage.py seed_activity`: real rows in the action tables and exact
counters) and one campaign with none, then renders the campaign's dashboard page
(all time, and a 30-day range) and the campaign list for a signed-in reporter,
several times each, and prints the medians and the ratio to the empty campaign.

Four figures per page (medians):
- first view of the day: the hourly fold and report warm-up (beat tasks) have run, then
  one new action, then the view;
- right after a new action: only today's cells are summed again;
- unchanged: repeated views while nothing changes;
- after a cache flush (shown, not part of the goal): nothing is kept, neither in the shared
  cache nor in the web process, so the folded days are read from the rollup rows, as
  after a cache restart and a deploy before the next warm-up.
Goal: under 1 s, and within 1.5x of the empty campaign, for the first three.

    .venv/bin/python bench/bench_dashboard.py [--actions 1000000] [--repeat 7] [--keep]
        [--reuse DATABASE] [--json PATH]
    (--reuse: measure the database a --keep run left, without seeding again)

Its database is `ac_bench_dashboard_<pid>`, dropped at the end (unless --keep), also when
the run is interrupted.

With ACTIONCENTER_TEST_DATA pointing at the reference data, the ZIP crosswalk and the
current members are loaded first, so the actions spread over every district.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres); prints "skipped" otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from _interrupt import run_main, shielded, stop_on_terminate
from _postgres import (
    PG,
    close_django_connections,
    database_name,
    drop_database,
    postgres_problem,
    recreate_database,
)
from _report import Report, add_json_argument
from _staff import verified_login

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = database_name("dashboard")


def setup_django() -> None:
    os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "actioncenter.settings.local"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def timed(client, url: str, repeat: int, campaign_id: int) -> dict:
    """Render times in seconds (medians): see the module's docstring."""
    from django.core.cache import cache

    from actioncenter.caching import ProcessCache
    from metrics.record import Place, record
    from staff.tasks import reports_warm

    def get() -> float:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return time.perf_counter() - started

    def act() -> None:
        record(campaign_id=campaign_id, deltas={"signatures": 1}, place=Place("NY", 12))

    get()  # templates compiled, connection open
    flushed, first = [], []
    for _ in range(3):
        cache.clear()
        ProcessCache.clear_all()  # a web process that has not read the folded days yet
        flushed.append(get())
        cache.clear()
        reports_warm()  # what the scheduler (a worker process) runs after the fold
        ProcessCache.clear_all()  # this web process did not see that run
        act()
        first.append(get())
    after_action = []
    for _ in range(repeat):
        act()
        after_action.append(get())
    warm = [get() for _ in range(repeat)]
    return {
        "first": statistics.median(first),
        "after_action": statistics.median(after_action),
        "warm": statistics.median(warm),
        "flushed": statistics.median(flushed),
    }


def main() -> int:
    global DB_NAME
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", metavar="DATABASE", default="", help="use the database a --keep run left"
    )
    add_json_argument(parser)
    args = parser.parse_args()
    report = Report("bench_dashboard", args.json, actions=args.actions, repeat=args.repeat)
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    if args.reuse:
        args.keep = True
        DB_NAME = args.reuse
    try:
        if not args.reuse:
            recreate_database(DB_NAME)
        if args.keep:
            print(f"database {DB_NAME} (kept)")
        setup_django()
        return run(args, report)
    finally:
        with shielded():
            close_django_connections()
            if not args.keep:
                drop_database(DB_NAME)


def seed(actions: int) -> None:
    from django.core.management import call_command

    data = os.environ.get("ACTIONCENTER_TEST_DATA", "")
    if data:  # real ZIPs and members: actions spread over every district, as in production
        call_command("load_legislators", source=data, verbosity=0)
    started = time.perf_counter()
    call_command(
        "seed_activity", campaign="bench-busy", actions=actions, days=120, verbosity=0,
    )  # fmt: skip
    call_command("seed_activity", campaign="bench-empty", actions=0, verbosity=0)
    print(f"seeded {actions:,} actions in {time.perf_counter() - started:.1f} s")


def run(args, report: Report) -> int:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from metrics.record import Place, record

    call_command("migrate", verbosity=0)
    if not args.reuse:
        seed(args.actions)
    user, _created = User.objects.get_or_create(username="bench-reporter")
    user.groups.add(Group.objects.get(name="Reporter"))
    client = Client()
    verified_login(client, user)
    today = timezone.localdate()
    period = f"?date_from={(today - timedelta(days=30)).isoformat()}&date_to={today.isoformat()}"
    pages = {
        "busy campaign": reverse("staff:campaign", args=["bench-busy"]),
        "busy, last 30 days": reverse("staff:campaign", args=["bench-busy"]) + period,
        "empty campaign": reverse("staff:campaign", args=["bench-empty"]),
        "empty, last 30 days": reverse("staff:campaign", args=["bench-empty"]) + period,
        "campaign list": reverse("staff:dashboard"),
    }
    from campaigns.models import Campaign

    ids = {slug: Campaign.objects.get(slug=slug).pk for slug in ("bench-busy", "bench-empty")}
    figures = {}
    for label, url in pages.items():
        campaign_id = ids["bench-empty" if label.startswith("empty") else "bench-busy"]
        figures[label] = timed(client, url, args.repeat, campaign_id)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        row = figures[label]
        print(
            f"{label:20} first of the day {row['first'] * 1000:6.1f} ms  after a new action "
            f"{row['after_action'] * 1000:6.1f} ms  unchanged {row['warm'] * 1000:6.1f} ms  "
            f"after a cache flush {row['flushed'] * 1000:6.1f} ms  queries {len(queries)}"
        )
    # The staff API's breakdown by district (what partners' tools and the district CSV read):
    # the folded days come from the rollups, today from the cells. Shown apart.
    api = reverse("staff-totals")
    api_ms = {}
    for slug in ("bench-busy", "bench-empty"):
        url = f"{api}?campaign={slug}&dimension=district"
        seconds = []
        for _ in range(args.repeat):
            record(campaign_id=ids[slug], deltas={"signatures": 1}, place=Place("NY", 12))
            started = time.perf_counter()
            response = client.get(url, HTTP_ACCEPT="application/json")
            seconds.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        api_ms[slug] = statistics.median(seconds) * 1000
        print(f"staff API totals by district, {slug}, after a new action: {api_ms[slug]:6.1f} ms")
    ratios = {
        kind: figures["busy campaign"][kind] / figures["empty campaign"][kind]
        for kind in ("first", "after_action", "warm", "flushed")
    }
    print(
        "ratio busy/empty: "
        + ", ".join(f"{kind.replace('_', ' ')} {value:.2f}" for kind, value in ratios.items())
        + "; goal <= 1.5"
    )
    busy = [figures["busy campaign"], figures["busy, last 30 days"]]
    kinds = ("first", "after_action", "warm")
    ok = all(row[kind] < 1.0 for row in busy for kind in kinds) and all(
        ratios[kind] <= 1.5 for kind in kinds
    )
    print(
        "goal met (first view of the day, after a new action and unchanged: < 1 s, <= 1.5x empty)"
        if ok
        else "GOAL MISSED"
    )
    names = {
        "first": "first view of the day",
        "after_action": "after a new action",
        "warm": "unchanged",
        "flushed": "after a cache flush",
    }
    size = f"{args.actions:,} actions"
    for busy_label, empty_label, span, ratio_goal in (
        ("busy campaign", "empty campaign", "all time", "ratio <= 1.5 and "),
        ("busy, last 30 days", "empty, last 30 days", "last 30 days", ""),
    ):
        for kind, name in names.items():
            report.figure(
                f"{size}, {span}, {name}", figures[busy_label][kind] * 1000, "ms",
                higher_is_better=False, reference=f"empty campaign, {span}",
                reference_value=figures[empty_label][kind] * 1000,
                goal="" if kind == "flushed" else f"{ratio_goal}< 1000",
                note=f"median of {args.repeat} views" if kind != "first" else "median of 3",
            )  # fmt: skip
    report.figure(
        "campaign list, unchanged", figures["campaign list"]["warm"] * 1000, "ms",
        higher_is_better=False, note="shown, no goal",
    )  # fmt: skip
    report.figure(
        f"{size}, staff API totals by district", api_ms["bench-busy"], "ms",
        higher_is_better=False, reference="empty campaign", reference_value=api_ms["bench-empty"],
        note="after a new action; shown, no goal",
    )  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(run_main(main))
