"""A real Celery worker process for tests marked `needs_worker`.

The worker reads the same test database as the test process (tests using it
must commit their data: `django_db(transaction=True)`) and consumes the broker
from CELERY_BROKER_URL. Tests can stop it, kill it with SIGKILL mid-batch and
start it again.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection

from actioncenter.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    """DATABASE_URL of the database the test run created (test_<name>)."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    if host.startswith("/"):  # the embedded server's socket folder: passed as an option
        return f"postgres://{auth}@/{s['NAME']}?host={host}&port={port}"
    return f"postgres://{auth}@{host}:{port}/{s['NAME']}"


class WorkerProcess:
    def __init__(self, *, concurrency: int = 2, log_path: Path | None = None):
        self.concurrency = concurrency
        self.log_path = log_path or Path(tempfile.gettempdir()) / "test-worker.log"
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="actioncenter.settings.test",
            DATABASE_URL=test_database_url(),
            TEST_TASKS_EAGER="0",
            CELERY_RESULT_BACKEND=celery_app.conf.result_backend or "",
        )
        return env

    def start(self, timeout: float = 45) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "actioncenter",
                "worker",
                "--pool=prefork",
                f"--concurrency={self.concurrency}",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                f"--hostname=test-worker-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early; see {self.log_path}")
            if celery_app.control.ping(timeout=0.5):
                return
        raise RuntimeError(f"worker did not answer within {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        """Warm shutdown: finish current tasks, then exit."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def kill(self) -> None:
        """SIGKILL the worker and its pool children, as a crash or OOM would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
