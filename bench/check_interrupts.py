"""Interrupt benchmarks mid-run and check they leave nothing behind.

For each signal (SIGINT as Ctrl-C sends it, SIGTERM) and each delay, starts a benchmark
with small arguments, sends it the signal after the delay, waits for it to exit, then
checks that none of the processes it spawned remains (gunicorn, Celery, the CWC server:
they carry its pid in BENCH_OWNER, see _interrupt.py), that its databases are dropped
and that no Redis database is still claimed by it.

    .venv/bin/python bench/check_interrupts.py [--script bench_delivery.py]
        [--delays 5 25] [--signals INT TERM]

Exit code 0 when every run left nothing behind.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

import _redis
from _interrupt import leftovers, shielded, stop_on_terminate
from _postgres import databases_of

HERE = Path(__file__).resolve().parent
SMALL = {
    "bench_delivery.py": ["--letters", "2000", "--pings", "500", "--rounds", "3"],
    "bench_signatures.py": ["--rounds", "3", "--seconds", "5"],
    "bench_representatives_api.py": ["--rounds", "3", "--seconds", "3"],
    "bench_export.py": ["--rows", "100000"],
}


def claims_of(pid: int) -> list[int]:
    found = []
    for number in range(_redis.database_count()):
        claim = _redis._claim_of(_redis.client(number))
        if claim and claim.get("pid") == pid:
            found.append(number)
    return found


def check(script: str, signum: int, delay: float) -> bool:
    command = [sys.executable, str(HERE / script), *SMALL.get(script, [])]
    process = subprocess.Popen(
        command, cwd=HERE.parent, stdout=subprocess.DEVNULL, start_new_session=True
    )
    try:
        time.sleep(delay)
        spawned = leftovers(process.pid)
        databases = databases_of(process.pid)
        process.send_signal(signum)
        code = process.wait(timeout=120)
    finally:
        with shielded():
            if process.poll() is None:
                process.kill()
                process.wait()
    time.sleep(0.5)
    left = {
        "processes": leftovers(process.pid),
        "databases": databases_of(process.pid),
        "redis": claims_of(process.pid),
    }
    clean = not any(left.values())
    print(
        f"{script} {signal.Signals(signum).name} after {delay:g} s: running then "
        f"{len(spawned)} spawned processes, databases {databases}; exit code {code}; "
        + ("nothing left" if clean else f"LEFT BEHIND {left}"),
        flush=True,
    )
    return clean


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--script", default="bench_delivery.py")
    parser.add_argument("--delays", type=float, nargs="+", default=[5, 25])
    parser.add_argument("--signals", nargs="+", default=["INT", "TERM"])
    options = parser.parse_args()
    results = [
        check(options.script, getattr(signal, f"SIG{name}"), delay)
        for name in options.signals
        for delay in options.delays
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
