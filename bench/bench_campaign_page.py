"""Campaign page render time with no signatures vs 1,000,000 signatures (PostgreSQL).

Creates its own PostgreSQL database (dropped at the end), loads the demo campaign, times
GET /c/<slug>/ in-process (Django test client, production-like settings), then seeds
1,000,000 supporters and signatures in bulk (INSERT ... SELECT generate_series, a tenth of
them listed publicly) with their counters, and times the page again.
Prints medians and the ratio (goal <= 1.2) and the query count of each render.

    .venv/bin/python bench/bench_campaign_page.py [--signatures 1000000] [--renders 200]

Prints "skipped" and exits 0 without PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from _postgres import PG, admin_sql, postgres_available

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = f"ac_bench_campaign_page_{os.getpid()}"

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--signatures", type=int, default=1_000_000)
    parser.add_argument("--renders", type=int, default=200)
    options = parser.parse_args()
    if not postgres_available():
        return
    admin_sql(f'CREATE DATABASE "{DB_NAME}"')
    try:
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
        print(f"page shows {shown} signatures: {shown in client.get(url).content.decode()}")
        print(f"ratio {full_ms / empty_ms:.2f} (goal <= 1.2)")
        connection.close()
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


if __name__ == "__main__":
    main()
