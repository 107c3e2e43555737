"""In-process ZIP lookup: median time of `lookup_by_zip` (goal: < 100 µs once warm).

Loads the reference data into a throwaway PostgreSQL database (dropped at the end),
then times `legislators.services.lookup.lookup_by_zip` for a fixed random sample of
real ZIPs: first calls (database), and repeated calls (the per-process cache, checked
against the shared cache's data version on every call, so the answer is exact).
Beside them, the reference: a bare Django JSON view answered in-process through the same
settings and middleware (the test client), the least a request to the lookup API costs.
Prints medians and the 95th percentile. Then the API itself, `GET /api/v1/representatives?zip=`,
called through Django's WSGI handler in this process against the same bare view, in
alternating rounds: the processor time per request of each (time the process spends, so
other load on the machine disturbs it little) and the median of the per-round ratios
(goal: lookup >= 0.9 x bare, the server side of bench_representatives_api.py's goal).

    .venv/bin/python bench/bench_lookup.py [--source FOLDER_OR_URL] [--zips 2000] [--json PATH]

Its database is `ac_bench_lookup_<pid>`, dropped also when the run is interrupted.

The data source defaults to LEGISLATORS_DATA_SOURCE, else ACTIONCENTER_TEST_DATA;
prints "skipped" and exits 0 when neither is set, or without PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = database_name("lookup")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def time_calls(function, arguments: list[str]) -> list[float]:
    """Microseconds per call."""
    timings = []
    for argument in arguments:
        started = time.perf_counter_ns()
        function(argument)
        timings.append((time.perf_counter_ns() - started) / 1000)
    return timings


def bare_view_us(count: int) -> list[float]:
    """Microseconds per request of the bare JSON view (bench/_representatives_urls.py),
    in-process through the whole middleware stack."""
    from django.test import Client, override_settings

    with override_settings(ROOT_URLCONF="bench._representatives_urls"):
        client = Client(HTTP_HOST="127.0.0.1")
        for _ in range(50):  # warm-up
            assert client.get("/bench/bare").status_code == 200
        return time_calls(client.get, ["/bench/bare"] * count)


def wsgi_rounds(zips: list[str], rounds: int = 15, per_round: int = 400):
    """[(bare µs, lookup µs)] of processor time per request, one pair per round, through
    the WSGI handler and every middleware, as gunicorn calls it."""
    import io

    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()

    def call(path: str, query: str) -> None:
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000",
            "REMOTE_ADDR": "127.0.0.1", "HTTP_ACCEPT_ENCODING": "gzip, deflate",
            "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        }  # fmt: skip
        statuses = []
        body = handler(environ, lambda status, headers: statuses.append(status))
        b"".join(body)
        body.close()
        assert statuses[0].startswith("200"), (path, query, statuses)

    def per_request_us(path: str, queries: list[str]) -> float:
        started = time.process_time_ns()
        for query in queries:
            call(path, query)
        return (time.process_time_ns() - started) / 1000 / len(queries)

    lookups = [f"zip={zip5}" for zip5 in zips]
    per_request_us("/api/v1/representatives", lookups)  # warm-up: the answers' first build
    pairs = []
    for _round in range(rounds):
        queries = [lookups[(_round * per_round + i) % len(lookups)] for i in range(per_round)]
        bare = per_request_us("/bench/bare", [""] * per_round)
        pairs.append((bare, per_request_us("/api/v1/representatives", queries)))
    return pairs


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        default=os.environ.get("LEGISLATORS_DATA_SOURCE")
        or os.environ.get("ACTIONCENTER_TEST_DATA", ""),
    )
    parser.add_argument("--zips", type=int, default=2000)
    add_json_argument(parser)
    args = parser.parse_args()
    report = Report("bench_lookup", args.json, zips=args.zips)
    if not args.source:
        report.skip("set LEGISLATORS_DATA_SOURCE or ACTIONCENTER_TEST_DATA (or --source)")
        return 0
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    try:
        recreate_database(DB_NAME)
        os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
        os.environ.pop("CACHE_URL", None)  # in-process memory cache
        # The local settings served like production, with the bare view's URLconf and no
        # API throttle (every request of this process comes from one address).
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench._representatives_settings"
        os.environ["LOG_LEVEL"] = "WARNING"
        import django

        django.setup()
        from django.core.management import call_command

        from legislators.models import ZipDistrict
        from legislators.services.lookup import lookup_by_zip

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("load_legislators", "--source", args.source)
        print(f"import: {time.perf_counter() - started:.2f} s")

        all_zips = sorted(set(ZipDistrict.objects.values_list("zcta", flat=True)))
        sample = random.Random(42).sample(all_zips, min(args.zips, len(all_zips)))
        cold = time_calls(lookup_by_zip, sample)
        warm = []
        for _round in range(5):
            warm += time_calls(lookup_by_zip, sample)
        plus_four = time_calls(lookup_by_zip, [f"{zip5}-0001" for zip5 in sample])
        bare = bare_view_us(len(sample))
        pairs = wsgi_rounds(sample[:200])
    finally:
        with shielded():
            close_django_connections()
            drop_database(DB_NAME)

    print(f"ZIPs sampled: {len(sample)} of {len(all_zips)}")
    print(f"first lookup (database): median {statistics.median(cold):.0f} µs")
    print(
        f"repeated lookup:        median {statistics.median(warm):.1f} µs, "
        f"p95 {percentile(warm, 0.95):.1f} µs  (goal < 100 µs)"
    )
    print(f"ZIP+4 (repeated):       median {statistics.median(plus_four):.1f} µs")
    reference = statistics.median(bare)
    print(f"bare JSON view (in-process, same middleware): median {reference:.0f} µs")
    ratios = [bare_us / lookup_us for bare_us, lookup_us in pairs]
    bare_cpu = statistics.median(bare_us for bare_us, _lookup in pairs)
    lookup_cpu = statistics.median(lookup_us for _bare, lookup_us in pairs)
    print(
        f"lookup API through WSGI: {lookup_cpu:.0f} µs of processor time per request, "
        f"bare view {bare_cpu:.0f} µs; ratio per round: "
        + ", ".join(f"{ratio:.2f}" for ratio in ratios)
    )
    print(f"median ratio {statistics.median(ratios):.2f}  (goal >= 0.9)")
    report.figure(
        "lookup API request, processor time (WSGI, in-process)", 1e6 / lookup_cpu, "req/s",
        higher_is_better=True, reference="bare JSON view through WSGI, same rounds",
        reference_value=1e6 / bare_cpu, reference_unit="req/s",
        ratio=statistics.median(ratios), ratio_of_rounds=True, goal="ratio >= 0.9",
        note=f"{lookup_cpu:.0f} µs vs {bare_cpu:.0f} µs of processor time per request",
    )  # fmt: skip
    for name, timings, goal in (
        ("repeated lookup", warm, "< 100"),
        ("first lookup (database)", cold, ""),
        ("ZIP+4 lookup (repeated)", plus_four, ""),
    ):
        report.figure(
            name, statistics.median(timings), "µs", higher_is_better=False,
            reference="bare JSON view, in-process", reference_value=reference, goal=goal,
            note=f"p95 {percentile(timings, 0.95):.1f} µs",
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(run_main(main))
