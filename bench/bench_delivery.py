"""Letters to Congress: delivery throughput through the outbox, against a local CWC server.

PostgreSQL + Redis + one real Celery worker (prefork, concurrency 2). The script
creates its own database and uses its own Redis database number, writes N letters
x 3 offices as queued deliveries, enqueues one task per delivery and times the
worker until every delivery is `sent`. In the same run it times a trivial task
(`actioncenter.ping`) through the same worker, and prints both rates and their
ratio (goal: deliveries/s >= 0.5 x the trivial rate). Both are timed the same way:
the worker stops consuming while the queue is filled, and the clock runs from the
moment it resumes until the queue is drained, so neither rate shares the CPU with
the publisher. The local CWC server
counts each DeliveryId once, and keeps every document to check it against the
published schema once the timed rounds are over (when the reference data is
available): the script checks zero lost, zero duplicates and every document valid.

    .venv/bin/python bench/bench_delivery.py [--letters 10000] [--pings 3000] [--rounds 3]
        [--json PATH]

Rounds alternate the trivial tasks and a share of the deliveries, so both rates see
the same machine; the script prints each round and the medians.

The database is `ac_bench_delivery_<pid>`, the broker and the cache two empty Redis
databases the run claims (bench/_redis.py): all three are dropped or emptied at the end,
and the worker and the CWC server stopped, also when the run is interrupted (Ctrl-C,
SIGTERM) or fails.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on 127.0.0.1:6379;
prints "skipped" and exits 0 when either is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import _redis
from _interrupt import run_main, shielded, spawn, stop, stop_on_terminate
from _postgres import (
    PG,
    close_django_connections,
    database_name,
    drop_database,
    postgres_problem,
    recreate_database,
)
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = database_name("delivery")
API_KEY = "bench-key"
WORKER_LOG = Path(tempfile.gettempdir()) / f"bench-delivery-{os.getpid()}-worker.log"
BROKER = ""  # the Redis database main() claims


def start_cwc_server() -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "tests.fakes.cwc_server", "--port", "0", "--api-key", API_KEY]
    command += ["--validate-later"]  # the schema check runs after the timed rounds
    data = os.environ.get("ACTIONCENTER_TEST_DATA", "")
    schema = Path(data) / "samples" / "cwc" / "cwc_schema_v2.rng" if data else None
    if schema and schema.exists():
        command += ["--schema", str(schema)]
    process = spawn(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    if not url.startswith("http"):
        raise RuntimeError("the local CWC server did not start")
    return process, url


def cwc_stats(url: str) -> dict:
    """The server's counts, every delivered id, and its schema check of every document."""
    with urllib.request.urlopen(f"{url}/_stats?ids=1&validate=1", timeout=600) as answer:  # noqa: S310
        return json.load(answer)


def configure_environment(cwc_url: str, cache_db: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="actioncenter.settings.test",
        DATABASE_URL=f"{PG}/{DB_NAME}",
        CELERY_BROKER_URL=BROKER,
        TEST_TASKS_EAGER="0",
        CACHE_URL=_redis.url(cache_db),
        CWC_HOUSE_BASE_URL=cwc_url,
        CWC_HOUSE_API_KEY=API_KEY,
        CWC_SENATE_BASE_URL=cwc_url,
        CWC_SENATE_API_KEY=API_KEY,
        CWC_DELIVERY_AGENT="Bench Delivery Agent",
        CWC_DELIVERY_AGENT_ACK_EMAIL="ack@example.org",
        CWC_DELIVERY_AGENT_CONTACT_NAME="Bench Contact",
        CWC_DELIVERY_AGENT_CONTACT_EMAIL="contact@example.org",
        CWC_DELIVERY_AGENT_CONTACT_PHONE="202-555-0100",
        DELIVERY_STUCK_AFTER_SECONDS="3600",
        LOG_LEVEL="WARNING",
    )


def start_worker(concurrency: int) -> subprocess.Popen:
    from actioncenter.celery import app

    with open(WORKER_LOG, "ab") as log:
        process = spawn(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "actioncenter",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=bench-delivery-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5):
            return process
        if process.poll() is not None:
            break
    raise RuntimeError(f"worker did not start; see {WORKER_LOG}")


def broker_idle(client) -> bool:
    """The default queue is empty and nothing is reserved unacknowledged."""
    return client.llen("celery") == 0 and client.hlen("unacked") == 0


def time_drain(publish, timeout: float = 3600) -> float:
    """Seconds the running worker takes to drain what `publish()` queues.

    The worker stops consuming while the queue is filled and resumes when the clock
    starts, so the publisher's CPU time is not charged to the rate being measured.
    """
    import redis

    from actioncenter.celery import app

    client = redis.Redis.from_url(BROKER)
    app.control.cancel_consumer("celery", reply=True, timeout=5)
    publish()
    started = time.perf_counter()
    app.control.add_consumer("celery", reply=True, timeout=5)
    while not broker_idle(client):
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"the queue was not drained within {timeout:.0f} s")
        time.sleep(0.02)
    return time.perf_counter() - started


def time_pings(count: int) -> float:
    """Trivial-task rate (tasks/s) through the running worker."""
    from actioncenter.tasks import ping

    def publish() -> None:
        with ping.app.producer_or_acquire() as producer:
            for _ in range(count):
                ping.apply_async(producer=producer, ignore_result=True)

    return count / time_drain(publish)


def create_letters(letters: int) -> list[str]:
    """N letters from N supporters, each to a House member and two senators (bulk inserts:
    the benchmark times delivery, not submission)."""
    from django.utils import timezone

    from campaigns.models import Campaign, Supporter
    from devdata.letters import DEMO_LETTER, DEMO_SUBJECT
    from letters.models import Delivery, Letter, LetterAction
    from metrics.record import record

    campaign = bench_campaign(Campaign)
    action = LetterAction.objects.create(
        campaign=campaign, subject=DEMO_SUBJECT, template=DEMO_LETTER
    )
    supporters = Supporter.objects.bulk_create(
        [Supporter(email=f"bench{n}@example.org") for n in range(letters)], batch_size=2000
    )
    rows = Letter.objects.bulk_create(
        [
            Letter(
                action=action,
                campaign=campaign,
                supporter=supporter,
                prefix="Mx.",
                first_name="Bench",
                last_name=f"Supporter{n}",
                address1="1100 Main Street",
                city="Arlington",
                state="VA",
                zip_code="22201",
                email=supporter.email,
                district=8,
            )
            for n, supporter in enumerate(supporters)
        ],
        batch_size=2000,
    )
    offices = [("HVA08", "house", 8), ("SVA01", "senate", None), ("SVA02", "senate", None)]
    now = timezone.now()
    deliveries = Delivery.objects.bulk_create(
        [
            Delivery(
                letter=letter,
                campaign=campaign,
                supporter_id=letter.supporter_id,
                office_code=code,
                office_name=f"Office {code}",
                chamber=chamber,
                office_state="VA",
                office_district=district,
                subject=DEMO_SUBJECT,
                body="Dear member, please name gender as a protected ground of asylum.",
                next_attempt_at=now,
            )
            for letter in rows
            for code, chamber, district in offices
        ],
        batch_size=3000,
    )
    record(campaign_id=campaign.pk, deltas={"deliveries_queued": len(deliveries)})
    return [str(delivery.pk) for delivery in deliveries]


def bench_campaign(model):
    return model.objects.create(slug="bench-delivery", title="Delivery benchmark")


def enqueue(delivery_ids: list[str]) -> None:
    from letters.tasks import delivery_send_task

    with delivery_send_task.app.producer_or_acquire() as producer:
        for delivery_id in delivery_ids:
            delivery_send_task.apply_async((delivery_id,), producer=producer)


def delivered_count() -> int:
    from letters.models import Delivery

    return Delivery.objects.filter(status__in=Delivery.FINAL).count()


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--pings", type=int, default=3_000, help="trivial tasks per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--keep-db", action="store_true")
    add_json_argument(parser)
    args = parser.parse_args()
    report = Report(
        "bench_delivery", args.json, letters=args.letters, pings=args.pings,
        rounds=args.rounds, concurrency=args.concurrency,
    )  # fmt: skip
    problem = postgres_problem() or _redis.redis_problem()
    if problem:
        report.skip(problem)
        return 0

    global BROKER
    redis_dbs: list[int] = []
    started: list[subprocess.Popen] = []
    try:
        redis_dbs = _redis.claim(2, "bench_delivery")
        BROKER = _redis.url(redis_dbs[0])
        print(f"database {DB_NAME}, broker {BROKER}, cache {_redis.url(redis_dbs[1])}")
        recreate_database(DB_NAME)
        server, cwc_url = start_cwc_server()
        started.append(server)
        configure_environment(cwc_url, redis_dbs[1])
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        delivery_ids = create_letters(args.letters)
        total = len(delivery_ids)
        started.append(start_worker(args.concurrency))
        ping_rates, delivery_rates, seconds = [], [], 0.0
        for number in range(args.rounds):  # alternating, so both see the same machine
            ping_rates.append(time_pings(args.pings))
            batch = delivery_ids[number :: args.rounds]
            batch_seconds = time_drain(lambda batch=batch: enqueue(batch))
            delivery_rates.append(len(batch) / batch_seconds)
            seconds += batch_seconds
            print(
                f"round {number + 1}: trivial {ping_rates[-1]:7.1f}/s   "
                f"deliveries {delivery_rates[-1]:7.1f}/s   "
                f"ratio {delivery_rates[-1] / ping_rates[-1]:.2f}",
                flush=True,
            )
        rates = (statistics.median(delivery_rates), statistics.median(ping_rates))
        ratios = [rate / ping for rate, ping in zip(delivery_rates, ping_rates, strict=True)]
        report.figure(
            "deliveries through the outbox", rates[0], "/s", higher_is_better=True,
            reference="trivial Celery task", reference_value=rates[1], goal="ratio >= 0.5",
            note="ratio of the medians; per round: " + ", ".join(f"{r:.2f}" for r in ratios),
        )  # fmt: skip
        report_checks(report, args, total, delivered_count(), seconds, rates, cwc_url, delivery_ids)
    finally:
        with shielded():
            for process in reversed(started):  # the worker, then the CWC server
                stop(process, timeout=30)
            close_django_connections()
            if not args.keep_db:
                drop_database(DB_NAME)
            _redis.release(redis_dbs)
    WORKER_LOG.unlink(missing_ok=True)  # kept only when the run failed
    return 0


def report_checks(report, args, total, done, seconds, rates, cwc_url, delivery_ids) -> None:
    from letters.models import Delivery
    from metrics.totals import campaign_totals

    stats = cwc_stats(cwc_url)
    expected = {delivery_id.replace("-", "") for delivery_id in delivery_ids}
    accepted = set(stats["ids"])
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
    rate, ping_rate = rates
    print(f"letters: {args.letters} x 3 offices = {total} deliveries")
    print(f"worker: prefork, concurrency {args.concurrency}")
    print(f"delivered: {done}/{total} final, {sent} sent, in {seconds:.1f} s")
    print(f"deliveries/s (median of {args.rounds} rounds): {rate:.1f}")
    print(f"trivial task (actioncenter.ping) /s (median): {ping_rate:.1f}")
    print(f"ratio of the medians, deliveries/trivial: {rate / ping_rate:.2f} (goal >= 0.5)")
    print(f"CWC server: {stats['posts']} posts, {stats['accepted']} distinct DeliveryIds")
    print(f"lost: {len(expected - accepted)}")
    print(f"duplicates: {stats['duplicates']}")
    if stats["schema_checked"]:
        print(
            f"CWC schema: {stats['schema_checked'] - stats['schema_invalid']} of "
            f"{stats['schema_checked']} documents valid"
        )
    else:
        print("CWC schema: not checked (set ACTIONCENTER_TEST_DATA to the reference data)")
    print(f"unexpected ids at the server: {len(accepted - expected)}")
    totals = campaign_totals(Delivery.objects.values_list("campaign_id", flat=True).first())
    counted_sent, counted_queued = totals.get("deliveries_sent", 0), totals.get("deliveries_queued")
    exact = counted_sent == sent and not counted_queued
    print(
        f"totals: deliveries_sent {counted_sent}, deliveries_queued {counted_queued} "
        f"(exact: {exact})"
    )
    report.figure(
        "deliveries final", done, "count", higher_is_better=True,
        reference="deliveries queued", reference_value=total, goal="ratio == 1",
    )  # fmt: skip
    for name, count in (
        ("deliveries lost", len(expected - accepted)),
        ("duplicate posts", stats["duplicates"]),
        ("unexpected ids at the server", len(accepted - expected)),
    ):
        report.figure(name, count, "count", higher_is_better=False, goal="== 0")
    if stats["schema_checked"]:
        report.figure(
            "documents failing the CWC schema", stats["schema_invalid"], "count",
            higher_is_better=False, goal="== 0", note=f"of {stats['schema_checked']} checked",
        )  # fmt: skip
    report.figure("delivery totals exact", int(exact), "yes/no", higher_is_better=True, goal="== 1")


if __name__ == "__main__":
    sys.exit(run_main(main))
