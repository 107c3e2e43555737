"""GET /api/v1/representatives?zip= under gunicorn on PostgreSQL vs a bare Django JSON view.

Creates its own PostgreSQL database, loads the reference data (which prepares the
answers), then for each cache configuration (the in-process cache, no cache, then Redis at
--redis-url when it answers) starts gunicorn (sync workers) on a free loopback port and
drives it with the same number of concurrent client processes for both endpoints,
alternating rounds: a bare `JsonResponse` view behind the same middleware, and the
representative lookup for a fixed random sample of real ZIPs (after a warm-up pass).
Prints requests/s per round, the medians, the ratios (goal: lookup >= 0.9 x bare; each
round pairs both endpoints back to back, so the per-round ratio is the figure least
disturbed by other load on the machine) and the lookup's p99 latency (goal < 50 ms),
then one table of the configurations. Stops gunicorn and drops the database at the end.

    .venv/bin/python bench/bench_representatives_api.py [--source FOLDER_OR_URL]
        [--concurrency 4] [--workers 3] [--seconds 4] [--rounds 5]
        [--redis-url auto | --redis-url redis://HOST:PORT/DB | --redis-url ""] [--json PATH]

Its database is `ac_bench_representatives_<pid>`; with `--redis-url auto` (the default)
the Redis configuration uses an empty Redis database the run claims (bench/_redis.py)
and empties at the end. gunicorn is stopped, the database dropped and the Redis database
emptied also when the run is interrupted.

The data source defaults to LEGISLATORS_DATA_SOURCE, else ACTIONCENTER_TEST_DATA.
Prints "skipped" and exits 0 without a data source or PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import _redis
from _interrupt import run_main, shielded, spawn, stop, stop_on_terminate
from _postgres import PG, database_name, drop_database, postgres_problem, recreate_database
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = database_name("representatives")
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(cache_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench._representatives_settings",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("CACHE_URL", None)
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


# What browsers and HTTP libraries send (requests, fetch); --accept-encoding "" measures
# clients that take the answer uncompressed. The bare view's 11 bytes are never compressed.
HEADERS = {"Accept-Encoding": os.environ.get("BENCH_ACCEPT_ENCODING", "gzip, deflate")}


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={k: v for k, v in HEADERS.items() if v})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def hammer(port: int, paths: list[str], seconds: float, seed: int) -> tuple[int, int, list]:
    """One client: requests back to back for `seconds`; returns (ok, errors, latencies)."""
    order = paths[:]
    random.Random(seed).shuffle(order)
    ok = errors = index = 0
    latencies = []
    deadline = time.perf_counter() + seconds
    while (started := time.perf_counter()) < deadline:
        status = get(port, order[index % len(order)])
        latencies.append(time.perf_counter() - started)
        index += 1
        if status == 200:
            ok += 1
        else:
            errors += 1
    return ok, errors, latencies


def warm(port: int, paths: list[str], repeats: int, seed: int) -> int:
    order = paths * repeats
    random.Random(seed).shuffle(order)
    return sum(get(port, path) == 200 for path in order)


def measure(pool, port, paths, seconds, concurrency) -> tuple[float, int, list]:
    started = time.perf_counter()
    futures = [pool.submit(hammer, port, paths, seconds, seed) for seed in range(concurrency)]
    results = [future.result() for future in futures]
    elapsed = time.perf_counter() - started
    latencies = [latency for _ok, _err, each in results for latency in each]
    return sum(r[0] for r in results) / elapsed, sum(r[1] for r in results), latencies


def p99(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def redis_answers(url: str) -> bool:
    host, _, port = url.split("://", 1)[1].split("/", 1)[0].partition(":")
    try:
        socket.create_connection((host, int(port or 6379)), timeout=1).close()
        return True
    except OSError:
        return False


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            if get(port, "/bench/bare") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 30 s")


def run(args, report: Report) -> int:
    env = server_env("")
    manage = [str(BIN / "python"), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    started = time.perf_counter()
    subprocess.run([*manage, "load_legislators", "--source", args.source], env=env, check=True)
    print(f"import into PostgreSQL (answers prepared): {time.perf_counter() - started:.2f} s")

    import psycopg

    with psycopg.connect(f"{PG}/{DB_NAME}") as connection:
        zips = [
            row[0]
            for row in connection.execute("SELECT DISTINCT zcta FROM legislators_zipdistrict")
        ]
    sample = random.Random(7).sample(sorted(zips), min(args.zips, len(zips)))
    # The in-process cache, no cache at all (Django's dummy cache: nothing is kept), Redis.
    configurations = [("", "in-process memory"), ("dummycache://", "no cache")]
    if args.redis_url and redis_answers(args.redis_url):
        configurations.append((args.redis_url, "redis"))
    elif args.redis_url:
        print(f"Redis at {args.redis_url} does not answer: measuring without it only")
    rows = [(name, *serve_and_measure(args, url, sample)) for url, name in configurations]
    print(
        f"\ngunicorn sync workers: {args.workers}, client processes: {args.concurrency}, "
        f"ZIPs: {len(sample)}, rounds: {args.rounds} x {args.seconds:g} s"
    )
    print("cache              bare req/s  lookup req/s  ratio of medians  median ratio  p99 ms")
    for name, bare, api, ratios, latency, _bare_latency in rows:
        print(
            f"{name:<18} {statistics.median(bare):10.0f}  {statistics.median(api):12.0f}"
            f"  {statistics.median(api) / statistics.median(bare):16.2f}"
            f"  {statistics.median(ratios):12.2f}  {latency * 1000:6.1f}"
        )
    print("goal: lookup >= 0.90 x bare with each cache, p99 < 50 ms")
    for name, bare, api, ratios, latency, bare_latency in rows:
        cache = {"in-process memory": "in-process cache", "no cache": "no cache"}.get(
            name, f"{name} cache"
        )
        report.figure(
            f"representatives API, {cache}", statistics.median(api), "req/s",
            higher_is_better=True, reference="bare JSON view",
            reference_value=statistics.median(bare), ratio=statistics.median(ratios),
            ratio_of_rounds=True, goal="ratio >= 0.9",
            note="ratio: median of the rounds' own ratios; per round "
            + ", ".join(f"{ratio:.2f}" for ratio in ratios),
        )  # fmt: skip
        report.figure(
            f"representatives API p99, {cache}", latency * 1000, "ms", higher_is_better=False,
            reference="bare JSON view p99", reference_value=bare_latency * 1000, goal="< 50",
        )  # fmt: skip
    return 0


def serve_and_measure(args, cache_url: str, sample: list[str]):
    """Start gunicorn with `cache_url` (in-process cache when empty) and measure both
    endpoints; returns (bare rates, lookup rates, per-round ratios, lookup p99 seconds,
    bare view p99 seconds)."""
    api_paths = [f"/api/v1/representatives?zip={zip5}" for zip5 in sample]
    bare_paths = ["/bench/bare"]
    name = {"": "in-process memory", "dummycache://": "no cache"}.get(
        cache_url, cache_url.split("://")[0]
    )
    port = free_port()
    server = spawn(
        [
            str(BIN / "gunicorn"),
            "actioncenter.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=server_env(cache_url),
        cwd=ROOT,
    )
    try:
        wait_until_up(port, server)
        with ProcessPoolExecutor(max_workers=args.concurrency) as pool:
            # Warm-up: each worker loads the answers once, and requests land on workers
            # unpredictably; 4 x workers requests per ZIP leave a given worker
            # without a given ZIP with probability ((w-1)/w)^(4w), about 1%.
            started = time.perf_counter()
            repeats = -(-4 * args.workers // args.concurrency)
            futures = [
                pool.submit(warm, port, api_paths, repeats, seed)
                for seed in range(args.concurrency)
            ]
            warmed = sum(future.result() for future in futures)
            print(f"[{name}] warm-up: {warmed} lookups in {time.perf_counter() - started:.1f} s")
            measure(pool, port, bare_paths, 1.0, args.concurrency)
            bare, api, latencies, bare_latencies = [], [], [], []
            for round_number in range(1, args.rounds + 1):
                rate, errors, each = measure(pool, port, bare_paths, args.seconds, args.concurrency)
                bare.append(rate)
                bare_latencies += each
                print(
                    f"[{name}] round {round_number}: bare JSON view   {rate:8.0f} req/s"
                    f"  errors {errors}"
                )
                rate, errors, each = measure(pool, port, api_paths, args.seconds, args.concurrency)
                api.append(rate)
                latencies += each
                print(
                    f"[{name}] round {round_number}: representatives  {rate:8.0f} req/s"
                    f"  errors {errors}"
                )
    finally:
        stop(server)
    ratios = [lookup / baseline for lookup, baseline in zip(api, bare, strict=True)]
    print(f"[{name}] ratio per round: " + ", ".join(f"{ratio:.2f}" for ratio in ratios))
    return bare, api, ratios, p99(latencies), p99(bare_latencies)


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        default=os.environ.get("LEGISLATORS_DATA_SOURCE")
        or os.environ.get("ACTIONCENTER_TEST_DATA", ""),
    )
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--zips", type=int, default=200)
    parser.add_argument(
        "--redis-url",
        default="auto",
        help='the Redis of the second configuration: "auto" (an empty database this run '
        'claims), a URL, or "" to measure without Redis only',
    )
    parser.add_argument(
        "--accept-encoding",
        default=HEADERS["Accept-Encoding"],
        help='the clients\' Accept-Encoding ("" for none); default what browsers send',
    )
    add_json_argument(parser)
    args = parser.parse_args()
    HEADERS["Accept-Encoding"] = os.environ["BENCH_ACCEPT_ENCODING"] = args.accept_encoding
    report = Report(
        "bench_representatives_api", args.json, concurrency=args.concurrency,
        workers=args.workers, seconds=args.seconds, rounds=args.rounds, zips=args.zips,
    )  # fmt: skip
    if not args.source:
        report.skip("set LEGISLATORS_DATA_SOURCE or ACTIONCENTER_TEST_DATA (or --source)")
        return 0
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    claimed: list[int] = []
    try:
        if args.redis_url == "auto":
            args.redis_url = ""
            if problem := _redis.redis_problem():
                print(f"{problem}: measuring without it only")
            else:
                claimed = _redis.claim(1, "bench_representatives_api")
                args.redis_url = _redis.url(claimed[0])
        recreate_database(DB_NAME)
        return run(args, report)
    finally:
        with shielded():
            drop_database(DB_NAME)
            _redis.release(claimed)


if __name__ == "__main__":
    sys.exit(run_main(main))
