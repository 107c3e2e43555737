"""Signing through POST /api/v1/campaigns/{slug}/signatures under gunicorn on PostgreSQL,
against a bare Django view that inserts one row, same run, same concurrency.

Creates its own PostgreSQL database (and drops it at the end), loads the demo campaign,
starts gunicorn on a free loopback port and drives both endpoints with the same number of
concurrent client processes, alternating rounds. Every signature is a new person, so each
request does the full work (supporter, signature, attribution, counters, consent).
Prints requests/s per round, medians, the ratio (goal >= 0.6; the median of each round's
own ratio) and p50/p99 latency (goal p99 < 150 ms), then checks the totals are exact.

    .venv/bin/python bench/bench_signatures.py [--clients 16] [--workers 2xcores+1]
        [--seconds 5] [--rounds 5] [--json PATH]

Its database is `ac_bench_signatures_<pid>`; gunicorn is stopped and the database dropped
at the end, also when the run is interrupted.

Prints "skipped" and exits 0 without PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

from _interrupt import run_main, shielded, spawn, stop, stop_on_terminate
from _postgres import PG, admin_sql, database_name, drop_database, postgres_problem
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = database_name("signatures")
BIN = Path(sys.executable).parent
SLUG = "protect-gender-based-asylum"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env() -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench._campaigns_settings",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "ERROR",
    }
    for name in ("CELERY_BROKER_URL", "CACHE_URL"):
        env.pop(name, None)
    return env


def prepare_database() -> None:
    admin_sql(f'CREATE DATABASE "{DB_NAME}"')
    manage = [str(BIN / "python"), "manage.py"]
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run(
            [*manage, *command], cwd=ROOT, env=server_env(), check=True, stdout=subprocess.DEVNULL
        )
    admin_sql(
        "CREATE TABLE bench_baseline_row (id bigserial PRIMARY KEY, email varchar(254), "
        "first_name varchar(100), zip_code varchar(10), created_at timestamptz DEFAULT now())",
        DB_NAME,
    )


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    server = spawn(
        [
            str(BIN / "gunicorn"),
            "actioncenter.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "error",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=server_env(),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not start")


def client_loop(args: tuple) -> tuple[int, list[float], int]:
    """One client: POST as fast as answers come back for `seconds`; (ok, latencies, errors)."""
    port, path, seconds, client_id, round_id = args
    latencies, ok, errors, n = [], 0, 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        n += 1
        body = json.dumps(
            {
                "first_name": "Bench",
                "last_name": "Signer",
                "zip_code": "22150",
                "email": f"r{round_id}-c{client_id}-{n}@bench.example.org",
            }
        )
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", path, body, {"Content-Type": "application/json"})
            status = connection.getresponse().status
            connection.close()
        except OSError:
            status = 0
        latencies.append(time.perf_counter() - started)
        if status == 201:
            ok += 1
        else:
            errors += 1
    return ok, latencies, errors


def run_round(pool, port: int, path: str, clients: int, seconds: float, round_id: str):
    jobs = [(port, path, seconds, client, round_id) for client in range(clients)]
    started = time.perf_counter()
    results = pool.map(client_loop, jobs)
    elapsed = time.perf_counter() - started
    ok = sum(r[0] for r in results)
    errors = sum(r[2] for r in results)
    latencies = sorted(lat for r in results for lat in r[1])
    return ok / elapsed, latencies, ok, errors


def percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0.0


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * os.cpu_count() + 1,
        help="gunicorn sync workers (default 2 x cores + 1, as in the production config)",
    )
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    add_json_argument(parser)
    options = parser.parse_args()
    report = Report(
        "bench_signatures", options.json, clients=options.clients, workers=options.workers,
        seconds=options.seconds, rounds=options.rounds,
    )  # fmt: skip
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    server = None
    try:
        prepare_database()
        port = free_port()
        server = start_gunicorn(port, options.workers)
        measure(options, port, report)
    finally:
        with shielded():
            if server is not None:
                stop(server)
            drop_database(DB_NAME)
    return 0


def measure(options, port: int, report: Report) -> None:
    sign_path = f"/api/v1/campaigns/{SLUG}/signatures"
    figures = {"baseline": [], "signing": []}
    latencies = {"baseline": [], "signing": []}
    signed = 0
    with Pool(options.clients) as pool:
        run_round(pool, port, sign_path, options.clients, 1, "warm")  # warm-up
        run_round(pool, port, "/bench/baseline-insert", options.clients, 1, "warm")
        signed = len(admin_sql("SELECT 1 FROM petitions_signature", DB_NAME))
        endpoints = [("baseline", "/bench/baseline-insert"), ("signing", sign_path)]
        for round_number in range(options.rounds):
            # Each round runs both, first one first and then the other, so a machine
            # that speeds up or slows down during the run favours neither.
            order = endpoints if round_number % 2 == 0 else endpoints[::-1]
            for name, path in order:
                rate, lat, ok, errors = run_round(
                    pool, port, path, options.clients, options.seconds, str(round_number)
                )
                figures[name].append(rate)
                latencies[name].extend(lat)
                signed += ok if name == "signing" else 0
                print(
                    f"round {round_number + 1} {name:9s} {rate:8.1f} req/s "
                    f"p50 {percentile(sorted(lat), 0.5):6.1f} ms "
                    f"p99 {percentile(sorted(lat), 0.99):6.1f} ms errors {errors}"
                )
    print(
        f"clients {options.clients}, gunicorn sync workers {options.workers}, "
        f"{options.rounds} rounds of {options.seconds:g} s"
    )
    for name in figures:
        lat = sorted(latencies[name])
        print(
            f"{name:9s} median {statistics.median(figures[name]):8.1f} req/s   "
            f"p50 {percentile(lat, 0.5):6.1f} ms   p99 {percentile(lat, 0.99):6.1f} ms"
        )
    # Each round's own ratio, then their median: both endpoints of a round ran within
    # seconds of each other, so a change in the machine's speed between rounds cancels.
    pairs = zip(figures["signing"], figures["baseline"], strict=True)
    ratios = [sign / base for sign, base in pairs]
    print("ratio per round " + ", ".join(f"{ratio:.2f}" for ratio in ratios))
    of_medians = statistics.median(figures["signing"]) / statistics.median(figures["baseline"])
    print(f"ratio of the medians {of_medians:.2f}")
    ratio = statistics.median(ratios)
    p99 = percentile(sorted(latencies["signing"]), 0.99)
    print(
        f"ratio signing/baseline {ratio:.2f} (goal >= 0.60); "
        f"signing p99 {p99:.1f} ms (goal < 150 ms)"
    )
    rows = admin_sql(
        "SELECT metric, SUM(value) FROM metrics_counter GROUP BY metric ORDER BY metric",
        DB_NAME,
    )
    stored = admin_sql("SELECT COUNT(*) FROM petitions_signature", DB_NAME)[0][0]
    cells = admin_sql(
        "SELECT SUM(value) FROM metrics_cell WHERE metric = 'signatures'",
        DB_NAME,
    )[0][0]
    totals = dict(rows)
    exact = totals.get("signatures") == cells == stored == signed
    print(
        f"totals exact: {exact} "
        f"(signatures counter {totals.get('signatures')}, breakdown cells {cells}, "
        f"rows {stored}, 201 answers {signed})"
    )
    report.figure(
        "signing", statistics.median(figures["signing"]), "req/s", higher_is_better=True,
        reference="bare insert view", reference_value=statistics.median(figures["baseline"]),
        ratio_of_rounds=True, ratio=ratio, goal="ratio >= 0.6",
        note="ratio: median of the rounds' own ratios; per round "
        + ", ".join(f"{each:.2f}" for each in ratios),
    )  # fmt: skip
    report.figure(
        "signing p99 latency", p99, "ms", higher_is_better=False,
        reference="bare insert view p99", goal="< 150",
        reference_value=percentile(sorted(latencies["baseline"]), 0.99),
    )  # fmt: skip
    report.figure("signing totals exact", int(exact), "yes/no", higher_is_better=True, goal="== 1")


if __name__ == "__main__":
    sys.exit(run_main(main))
