"""Streaming CSV export: 1,000,000 signatures through a real server, in bounded memory.

Creates its own PostgreSQL database, seeds a campaign with N signatures
(`manage.py seed_activity --kinds petition`), starts gunicorn (one worker,
gthread) on a free port, signs a reporter in, downloads the signatures export
and samples the serving worker's resident memory (VmRSS, and VmHWM at the end)
while it streams. Prints rows, bytes, seconds, rows/s, and the worker's memory
before and at its peak.

Before the download the same worker answers a bare Django JSON view (--bare requests):
its resident memory then is the reference the peak is compared with, and the bare view's
rate through the same server is shown beside the export's rows/s.

Goal: peak RSS of the serving process under 200 MB.

    .venv/bin/python bench/bench_export.py [--rows 1000000] [--bare 500] [--keep] [--json PATH]

Its database is `ac_bench_export_<pid>`; gunicorn is stopped and the database dropped at
the end (unless --keep), also when the run is interrupted.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres); prints "skipped" otherwise.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

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
from _staff import verified_session_cookie

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = database_name("export")
SECRET = "bench-export-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ENVIRONMENT = {
    "DATABASE_URL": f"{PG}/{DB_NAME}",
    # The local settings, plus the bare JSON view of bench/_representatives_urls.py.
    "DJANGO_SETTINGS_MODULE": "bench._export_settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": SECRET,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "LOG_LEVEL": "WARNING",
}


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> tuple[subprocess.Popen, int]:
    """gunicorn with one gthread worker; returns the master and the worker's pid."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "actioncenter.wsgi",
        "--bind", f"127.0.0.1:{port}",
        "--workers", "1",
        "--threads", "2",
        "--timeout", "600",
        "--log-level", "warning",
    ]  # fmt: skip
    server = spawn(command, cwd=ROOT, env={**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()  # noqa: S310
            break
        except OSError:
            time.sleep(0.3)
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return server, int(children[0])


def session_cookie() -> str:
    """A signed-in reporter's session, created directly in the database."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("bench-reporter", password="bench-password-1234")  # noqa: S106
    user.groups.add(Group.objects.get(name="Reporter"))
    return verified_session_cookie(user)


def bare_requests(port: int, count: int) -> float:
    """The bare JSON view `count` times, one after another: requests/s."""
    started = time.perf_counter()
    for _ in range(count):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare", timeout=10) as answer:  # noqa: S310
            answer.read()
    return count / (time.perf_counter() - started)


def download(url: str, cookie: str, worker: int) -> dict:
    peak = {"rss": memory_kb(worker, "VmRSS")}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak["rss"] = max(peak["rss"], memory_kb(worker, "VmRSS"))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    size = lines = 0
    with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310
        status = response.status
        while chunk := response.read(256 * 1024):
            size += len(chunk)
            lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"status": status, "bytes": size, "lines": lines, "seconds": elapsed, **peak}


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--bare", type=int, default=500, help="bare JSON view requests first")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    add_json_argument(parser)
    args = parser.parse_args()
    report = Report("bench_export", args.json, rows=args.rows, bare=args.bare)
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    server = None
    try:
        recreate_database(DB_NAME)
        os.environ.update(ENVIRONMENT)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command(
            "seed_activity", campaign="bench-export", actions=args.rows, days=90,
            kinds="petition", verbosity=0,
        )  # fmt: skip
        print(f"seeded {args.rows:,} signatures in {time.perf_counter() - started:.1f} s")
        cookie = session_cookie()
        from django.db import connections

        connections.close_all()
        port = free_port()
        server, worker = start_server(port)
        bare_rate = bare_requests(port, args.bare)
        before = memory_kb(worker, "VmRSS")
        url = f"http://127.0.0.1:{port}/staff/campaigns/bench-export/export/signatures.csv"
        result = download(url, cookie, worker)
        high_water = memory_kb(worker, "VmHWM")
        rows = result["lines"] - 1
        print(
            f"HTTP {result['status']}: {rows:,} rows, {result['bytes'] / 1e6:.1f} MB "
            f"in {result['seconds']:.1f} s ({rows / result['seconds']:,.0f} rows/s)"
        )
        print(
            f"serving worker RSS: {before / 1024:.1f} MB before, "
            f"{result['rss'] / 1024:.1f} MB peak sampled, "
            f"{high_water / 1024:.1f} MB high-water mark"
        )
        print(f"bare JSON view before it, same worker: {bare_rate:,.0f} req/s")
        ok = rows == args.rows and high_water / 1024 < 200
        print("goal met (peak RSS < 200 MB)" if ok else "GOAL MISSED")
        report.figure(
            f"worker peak RSS streaming {args.rows:,} rows", high_water / 1024, "MB",
            higher_is_better=False, reference=f"same worker after {args.bare} bare JSON views",
            reference_value=before / 1024, goal="< 200", note="VmHWM of the serving worker",
        )  # fmt: skip
        report.figure(
            "rows streamed", rows, "rows", higher_is_better=True,
            reference="signatures seeded", reference_value=args.rows, goal="ratio == 1",
        )  # fmt: skip
        report.figure(
            "streaming rate", rows / result["seconds"], "rows/s", higher_is_better=True,
            reference="bare JSON view", reference_value=bare_rate, reference_unit="req/s",
            note="shown, no goal: rows per second against one client's bare requests",
        )  # fmt: skip
        return 0 if ok else 1
    finally:
        with shielded():
            if server is not None:
                stop(server, timeout=30)
            close_django_connections()
            if not args.keep:
                drop_database(DB_NAME)


if __name__ == "__main__":
    sys.exit(run_main(main))
