"""Benchmarks start servers and workers; an interrupted run must stop them too.

A benchmark calls `stop_on_terminate()` first, starts every server or worker with
`spawn()` (its own process group, so Ctrl-C in a terminal reaches the benchmark alone and
the benchmark stops the group in order) and stops them in a `finally` block, under
`shielded()` so a second Ctrl-C or SIGTERM cannot cut the clean-up short. Each spawned
process carries BENCH_OWNER=<the benchmark's pid> in its environment: `leftovers(pid)`
finds them if the benchmark itself was killed outright (run_all.py does that after a
timeout).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

OWNER = "BENCH_OWNER"
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_started: list[subprocess.Popen] = []


def _exit(signum, _frame) -> None:
    sys.exit(128 + signum)


def stop_on_terminate() -> None:
    """Turn SIGTERM (a killed run, a CI timeout) and SIGHUP (a closed terminal) into
    SystemExit, so every `finally` that stops what the benchmark started runs, as it does
    on Ctrl-C. SIGINT raises KeyboardInterrupt even where it was inherited ignored (a
    background job), so `kill -INT` always stops a run."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _exit)
    signal.signal(signal.SIGHUP, _exit)


@contextlib.contextmanager
def shielded():
    """Stop signals wait until the block is over (clean-up that must run to its end),
    then act as they would have."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {}
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not None:
            previous[signum] = signal.signal(signum, lambda number, _frame: pending.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            signal.raise_signal(pending[0])


def spawn(command: list[str], **options) -> subprocess.Popen:
    """Start `command` in a process group of its own, marked as this benchmark's."""
    env = {**(options.pop("env", None) or os.environ), OWNER: str(os.getpid())}
    with shielded():  # no interruption between the start and the registration
        process = subprocess.Popen(command, start_new_session=True, env=env, **options)
        _started.append(process)
    return process


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the process (a server or worker then stops its own children), SIGKILL to
    its group after `timeout`; then anything left in the group is killed too."""
    with shielded():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(process.pid, signal.SIGKILL)
                process.wait()
        _signal_group(process.pid, signal.SIGKILL)
        if process in _started:
            _started.remove(process)


def stop_all() -> None:
    """Stop every process `spawn()` started and has not been stopped, newest first."""
    with shielded():
        for process in reversed(_started[:]):
            stop(process)


atexit.register(stop_all)


def run_main(main) -> int:
    """`main()`'s exit code; an interrupted run says so in one line rather than a traceback
    (its `finally` blocks have run by then)."""
    try:
        return main() or 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def leftovers(owner: int) -> list[int]:
    """Pids of the processes a benchmark with pid `owner` spawned that are still running."""
    marker = f"{OWNER}={owner}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker in environment:
            found.append(int(entry.name))
    return found


def kill_leftovers(owner: int) -> list[int]:
    pids = leftovers(owner)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return pids
