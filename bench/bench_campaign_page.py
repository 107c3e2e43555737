"""Campaign page render time with no signatures vs 1,000,000 signatures (PostgreSQL).

Creates its own PostgreSQL database (dropped at the end), loads the demo campaign, times
GET /c/<slug>/ in-process (Django test client, production-like settings), then seeds
1,000,000 supporters and signatures in bulk (INSERT ... SELECT generate_series, a tenth of
them listed publicly) with their counters, and times the page again.
Prints medians and the ratio (goal <= 1.2) and the query count of each render.

    .venv/bin/python bench/bench_campaign_page.py [--signatures 1000000] [--renders 200]
        [--json PATH]

Its database is `ac_bench_campaign_page_<pid>`, dropped also when the run is interrupted.

Prints "skipped" and exits 0 without PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from _interrupt import run_main, shielded, stop_on_terminate
from _postgres import (
    PG,
    admin_sql,
    close_django_connections,
    database_name,
    drop_database,
    postgres_problem,
)
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = database_name("campaign_page")

SEED_SQL = [
    """
    INSERT INTO campaigns_supporter (email, first_name, last_name, zip_code, address1, city,
        state, source, created_at, updated_at)
    SELECT 'bench' || n || '@example.org', 'Name' || (n %% 997), 'Bench', '22150', '', '',
        '', 'bench', now() - (n || ' seconds')::interval, now()
    FROM generate_series(1, %(count)s) AS n
    """,
    """
    INSERT INTO petitions_signature (campaign_id, supporter_id, zip_code, state, district,
        comment, source, show_publicly, created_at)
    SELECT %(campaign)s, s.id, '22150', 'VA', 8, '', 'bench', s.id %% 10 = 0, s.created_at
    FROM campaigns_supporter s WHERE s.email LIKE 'bench%%@example.org'
    """,
    """
    INSERT INTO campaigns_participation (campaign_id, supporter_id, created_at)
    SELECT %(campaign)s, s.id, s.created_at
    FROM campaigns_supporter s WHERE s.email LIKE 'bench%%@example.org'
    """,
]


def time_page(client, url: str, renders: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(10):  # warm-up
        assert client.get(url).status_code == 200
    samples = []
    for _ in range(renders):
        started = time.perf_counter()
        client.get(url)
        samples.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(samples) * 1000, len(queries.captured_queries)


def seed(campaign_id: int, count: int) -> float:
    from django.db import connection, transaction
    from django.utils import timezone

    from metrics.bulk import Tally
    from metrics.record import Place

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in SEED_SQL:
            cursor.execute(statement, {"count": count, "campaign": campaign_id})
        # Counted through the bulk API demo data uses, as one day's events.
        tally = Tally(campaign_id)
        for metric in ("signatures", "supporters"):
            tally.add(
                metric, day=timezone.localdate(), place=Place("VA", 8), source="bench",
                amount=count,
            )  # fmt: skip
        tally.flush()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--signatures", type=int, default=1_000_000)
    parser.add_argument("--renders", type=int, default=200)
    add_json_argument(parser)
    options = parser.parse_args()
    report = Report(
        "bench_campaign_page", options.json, signatures=options.signatures,
        renders=options.renders,
    )  # fmt: skip
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    try:
        admin_sql(f'CREATE DATABASE "{DB_NAME}"')
        os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench._campaigns_settings"
        os.environ.pop("CACHE_URL", None)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from devdata.demo import load_demo

        call_command("migrate", verbosity=0)
        campaign = load_demo()
        client = Client()
        url = campaign.get_absolute_url()
        empty_ms, empty_queries = time_page(client, url, options.renders)
        print(
            f"0 signatures:         median {empty_ms:6.2f} ms per render, {empty_queries} queries"
        )
        seconds = seed(campaign.pk, options.signatures)
        print(f"seeded {options.signatures:,} signatures in {seconds:.1f} s")
        full_ms, full_queries = time_page(client, url, options.renders)
        print(
            f"{options.signatures:,} signatures: median {full_ms:6.2f} ms per render, "
            f"{full_queries} queries"
        )
        shown = f"{options.signatures:,}"
        shows = shown in client.get(url).content.decode()
        print(f"page shows {shown} signatures: {shows}")
        print(f"ratio {full_ms / empty_ms:.2f} (goal <= 1.2)")
        report.figure(
            f"campaign page, {shown} signatures", full_ms, "ms", higher_is_better=False,
            reference="same page, no signatures", reference_value=empty_ms, goal="ratio <= 1.2",
            note=f"median of {options.renders} renders; queries {empty_queries} and "
            f"{full_queries}",
        )  # fmt: skip
        report.figure("page shows the count", int(shows), "yes/no", higher_is_better=True,
                      goal="== 1")  # fmt: skip
        connection.close()
    finally:
        with shielded():
            close_django_connections()
            drop_database(DB_NAME)
    return 0


if __name__ == "__main__":
    sys.exit(run_main(main))
