"""The processes a soak run starts, each in its own process group so that it can be killed
with SIGKILL (as a crash would) and is always stopped at the end, children included."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


class Failed(Exception):
    """A prerequisite is missing or a service would not start: the soak could not run."""


class Stopped(BaseException):
    """Ctrl-C, SIGTERM or the time budget: stop what was started and exit."""


STOP_REQUESTS: list[str] = []


def request_stop(reason: str) -> None:
    """Raised where the signal lands; if that is a place that swallows exceptions (a
    finaliser), the next pause of the run raises it again."""
    STOP_REQUESTS.append(reason)
    raise Stopped(reason)


def stop_if_requested() -> None:
    if STOP_REQUESTS:
        raise Stopped(STOP_REQUESTS[0])


ROOT = Path(__file__).resolve().parent.parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float, what: str, step: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise RuntimeError(f"{what} not ready within {timeout:.0f} s")


class Service:
    """One command run in its own session, its output appended to a log file."""

    def __init__(self, name: str, command: list[str], *, env: dict, log: Path):
        self.name, self.command, self.env, self.log = name, command, env, log
        self.process: subprocess.Popen | None = None

    def start(self, *, stdout_pipe: bool = False) -> Service:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own argv, no shell
                self.command,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if stdout_pipe else log,
                stderr=log,
                start_new_session=True,
                text=stdout_pipe,
            )
        return self

    @property
    def pid(self) -> int:
        return self.process.pid if self.process else 0

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill9(self) -> None:
        """SIGKILL to the whole process group (a worker's pool children too)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self, timeout: float = 15) -> None:
        """SIGTERM to the group, SIGKILL to whatever is left after `timeout`."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
            # The leader is gone; children of the group may still be exiting.
            if not _group_alive(self.process.pid):
                break
        if self.process.stdout:
            self.process.stdout.close()
        self.process = None


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


# --- the services ---------------------------------------------------------------------


def redis_server(name: str, port: int, *, env: dict, workdir: Path) -> Service:
    """A private redis-server, nothing written to disk, so a SIGKILL loses what it held."""
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(workdir), "--protected-mode", "yes"]
    return Service(name, command, env=env, log=workdir / f"{name}.log")


def redis_ready(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def cwc_server(*, api_key: str, env: dict, workdir: Path) -> Service:
    command = [sys.executable, "-m", "tests.fakes.cwc_server", "--port", "0"]
    command += ["--api-key", api_key, "--validate-later"]
    data = env.get("ACTIONCENTER_TEST_DATA", "")
    schema = Path(data) / "samples" / "cwc" / "cwc_schema_v2.rng" if data else None
    if schema and schema.exists():
        command += ["--schema", str(schema)]
    return Service("cwc", command, env=env, log=workdir / "cwc.log")


def cwc_call(url: str, path: str, *, post: bool = False, timeout: float = 120) -> dict:
    request = urllib.request.Request(f"{url}{path}", data=b"" if post else None)  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - loopback
        return json.load(answer)


def gunicorn(*, port: int, env: dict, workdir: Path) -> Service:
    command = [sys.executable, "-m", "gunicorn", "actioncenter.wsgi"]
    command += ["--config", "actioncenter/gunicorn.conf.py"]
    service_env = {**env, "WEB_CONCURRENCY": "2", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    return Service("gunicorn", command, env=service_env, log=workdir / "gunicorn.log")


def celery_worker(node: str, *, concurrency: int, env: dict, workdir: Path) -> Service:
    command = [sys.executable, "-m", "celery", "-A", "actioncenter", "worker"]
    command += ["--pool=prefork", f"--concurrency={concurrency}", "--loglevel=WARNING"]
    command += [f"--hostname={node}@%h"]
    return Service(f"worker {node}", command, env=env, log=workdir / f"worker-{node}.log")


def celery_beat(*, env: dict, workdir: Path) -> Service:
    command = [sys.executable, "-m", "celery", "-A", "actioncenter", "beat", "--loglevel=WARNING"]
    command += [f"--schedule={workdir / 'beat-schedule'}"]
    # At INFO, beat logs each task it sends: the sweeps are counted from its log.
    beat_env = {**env, "DJANGO_SETTINGS_MODULE": "soak.beat_settings", "LOG_LEVEL": "INFO"}
    return Service("beat", command, env=beat_env, log=workdir / "beat.log")


# --- memory -----------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    """Direct children of `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_bytes(pid: int) -> int:
    try:
        return int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0
