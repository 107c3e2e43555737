"""Streaming CSV export: 1,000,000 signatures through a real server, in bounded memory.

Creates its own PostgreSQL database, seeds a campaign with N signatures
(`manage.py seed_activity --kinds petition`), starts gunicorn (one worker,
gthread) on a free port, signs a reporter in, downloads the signatures export
and samples the serving worker's resident memory (VmRSS, and VmHWM at the end)
while it streams. Prints rows, bytes, seconds, rows/s, and the worker's memory
before and at its peak.

Goal: peak RSS of the serving process under 200 MB.

    .venv/bin/python bench/bench_export.py [--rows 1000000] [--keep]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres); prints "skipped" otherwise.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from _interrupt import stop_on_terminate
from _postgres import PG, drop_database, postgres_available, recreate_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = f"ac_bench_export_{os.getpid()}"
SECRET = "bench-export-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ENVIRONMENT = {
    "DATABASE_URL": f"{PG}/{DB_NAME}",
    "DJANGO_SETTINGS_MODULE": "actioncenter.settings.local",
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
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENVIRONMENT})
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
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("bench-reporter", password="bench-password-1234")  # noqa: S106
    user.groups.add(Group.objects.get(name="Reporter"))
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


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
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if not postgres_available():
        return 0
    recreate_database(DB_NAME)
    os.environ.update(ENVIRONMENT)
    import django

    django.setup()
    server = None
    try:
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
        ok = rows == args.rows and high_water / 1024 < 200
        print("goal met (peak RSS < 200 MB)" if ok else "GOAL MISSED")
        return 0 if ok else 1
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(DB_NAME)


if __name__ == "__main__":
    sys.exit(main())
