"""GET /api/v1/representatives?zip= under gunicorn on PostgreSQL vs a bare Django JSON view.

Creates its own PostgreSQL database, loads the reference data, starts gunicorn
(sync workers) on a free loopback port, and drives it with the same number of
concurrent client processes for both endpoints, alternating rounds:
a bare `JsonResponse` view behind the same middleware, and the representative
lookup for a fixed random sample of real ZIPs (after a warm-up pass). Prints
requests/s per round, the medians and the ratios (goal: lookup >= 0.7 x bare;
each round pairs both endpoints back to back, so the per-round ratio is the
figure least disturbed by other load on the machine).
Stops gunicorn and drops the database at the end.

    .venv/bin/python bench/bench_representatives_api.py [--source FOLDER_OR_URL]
        [--concurrency 4] [--workers 3] [--seconds 4] [--rounds 5] [--cache-url redis://...]

The data source defaults to LEGISLATORS_DATA_SOURCE, else ACTIONCENTER_TEST_DATA.
Prints "skipped" and exits 0 without a data source or PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _interrupt import stop_on_terminate
from _postgres import PG, admin_sql, postgres_available

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = f"ac_bench_representatives_{os.getpid()}"
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


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def hammer(port: int, paths: list[str], seconds: float, seed: int) -> tuple[int, int]:
    """One client: requests back to back for `seconds`; returns (ok, errors)."""
    order = paths[:]
    random.Random(seed).shuffle(order)
    ok = errors = index = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        status = get(port, order[index % len(order)])
        index += 1
        if status == 200:
            ok += 1
        else:
            errors += 1
    return ok, errors


def warm(port: int, paths: list[str], repeats: int, seed: int) -> int:
    order = paths * repeats
    random.Random(seed).shuffle(order)
    return sum(get(port, path) == 200 for path in order)


def measure(pool, port, paths, seconds, concurrency) -> tuple[float, int]:
    started = time.perf_counter()
    futures = [pool.submit(hammer, port, paths, seconds, seed) for seed in range(concurrency)]
    results = [future.result() for future in futures]
    elapsed = time.perf_counter() - started
    return sum(ok for ok, _ in results) / elapsed, sum(err for _, err in results)


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


def run(args) -> int:
    env = server_env(args.cache_url)
    manage = [str(BIN / "python"), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    started = time.perf_counter()
    subprocess.run([*manage, "load_legislators", "--source", args.source], env=env, check=True)
    print(f"import into PostgreSQL: {time.perf_counter() - started:.2f} s")

    import psycopg

    with psycopg.connect(f"{PG}/{DB_NAME}") as connection:
        zips = [
            row[0]
            for row in connection.execute("SELECT DISTINCT zcta FROM legislators_zipdistrict")
        ]
    sample = random.Random(7).sample(sorted(zips), min(args.zips, len(zips)))
    api_paths = [f"/api/v1/representatives?zip={zip5}" for zip5 in sample]
    bare_paths = ["/bench/bare"]

    port = free_port()
    server = subprocess.Popen(
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
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_up(port, server)
        with ProcessPoolExecutor(max_workers=args.concurrency) as pool:
            # Warm-up: each worker keeps its own memo, and requests land on workers
            # unpredictably; 4 x workers requests per ZIP leave a given worker
            # without a given ZIP with probability ((w-1)/w)^(4w), about 1%.
            started = time.perf_counter()
            repeats = -(-4 * args.workers // args.concurrency)
            futures = [
                pool.submit(warm, port, api_paths, repeats, seed)
                for seed in range(args.concurrency)
            ]
            warmed = sum(future.result() for future in futures)
            print(f"warm-up: {warmed} lookups in {time.perf_counter() - started:.1f} s")
            measure(pool, port, bare_paths, 1.0, args.concurrency)
            bare, api = [], []
            for round_number in range(1, args.rounds + 1):
                rate, errors = measure(pool, port, bare_paths, args.seconds, args.concurrency)
                bare.append(rate)
                print(f"round {round_number}: bare JSON view    {rate:8.0f} req/s  errors {errors}")
                rate, errors = measure(pool, port, api_paths, args.seconds, args.concurrency)
                api.append(rate)
                print(f"round {round_number}: representatives  {rate:8.0f} req/s  errors {errors}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    cache = args.cache_url.split("://")[0] if args.cache_url else "in-process memory"
    print(
        f"gunicorn sync workers: {args.workers}, client processes: {args.concurrency}, "
        f"ZIPs: {len(sample)}, cache: {cache}"
    )
    print(f"bare JSON view median:   {statistics.median(bare):8.0f} req/s")
    print(f"representatives median:  {statistics.median(api):8.0f} req/s")
    ratios = [lookup / baseline for lookup, baseline in zip(api, bare, strict=True)]
    print("ratio per round: " + ", ".join(f"{ratio:.2f}" for ratio in ratios))
    print(
        f"ratio of medians: {statistics.median(api) / statistics.median(bare):.2f}, "
        f"median ratio: {statistics.median(ratios):.2f}  (goal >= 0.70)"
    )
    return 0


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
    parser.add_argument("--cache-url", default="", help="e.g. redis://127.0.0.1:6379/12")
    args = parser.parse_args()
    if not args.source:
        print("skipped: set LEGISLATORS_DATA_SOURCE or ACTIONCENTER_TEST_DATA (or --source)")
        return 0
    if not postgres_available():
        return 0
    admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    admin_sql(f"CREATE DATABASE {DB_NAME}")
    try:
        return run(args)
    finally:
        admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
