"""Soak: the production settings under steady load, with a worker and the broker killed.

    .venv/bin/python -m soak.run [--seconds 90] [--short] [--rate 16] [--keep]

Everything runs on loopback and is started, and stopped, by this script: its own database
(named by its pid), two private redis-servers (the broker and the cache, nothing saved to
disk), gunicorn with 2 workers on `actioncenter.settings.production`, two Celery workers,
Celery beat running the delivery sweeper, and the local CWC server
(`tests/fakes/cwc_server.py`), which counts every document it receives by DeliveryId.

The load signs the petition and writes letters through the public API at a steady rate,
from many new supporters and some who come back. At 1/3 of the run one Celery worker is
killed with SIGKILL and started again; at 2/3 the broker is. When the load stops, the
outbox gets up to 60 s to drain, then the script checks, and exits 1 if any check fails:

* every request got the answer planned for it, no 5xx (seen by the client and in gunicorn's
  access log), and 429 only in the deliberate burst from one client address;
* the totals API equals what the load saw accepted (signatures, letters, supporters) and
  the deliveries counted;
* every delivery is `sent`, and the CWC server received each DeliveryId exactly once;
* the gunicorn workers' resident memory grew by at most 150 MB;
* no process crashed (one that exits on its own is started again, as a supervisor would,
  so the run goes on).

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, or --postgres) and `redis-server` on the
PATH; exits 2 without them. Ctrl-C or SIGTERM stops everything it started and drops its
database.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import requests

from soak import services
from soak.checks import SoakChecks
from soak.load import BURST_ADDRESS, CAMPAIGN, HTTPS, Load
from soak.logs import last_error, say
from soak.services import Failed, Stopped, request_stop, stop_if_requested
from soak.setup import API_KEY, admin_sql, check_prerequisites, seed, soak_environment

DRAIN_SECONDS = 60
BURST = 30
NODES = ("soak-a", "soak-b")
WORKERS = tuple(f"worker {node}" for node in NODES)
CWC_SECONDS = 0.05  # how long the local CWC server takes to answer
SLOW_CWC_SECONDS = 0.5  # ... around the worker's kill


class Soak(SoakChecks):
    def __init__(self, args):
        self.args = args
        self.tag = str(os.getpid())
        self.database = f"soak_{self.tag}"
        self.postgres = args.postgres.rstrip("/")
        self.workdir = Path(tempfile.mkdtemp(prefix=f"soak-{self.tag}-"))
        self.services: dict[str, services.Service] = {}
        self.held_down: set[str] = set()
        self.supervising = False
        self.crashes: list[str] = []
        self.in_flight_at_kill: set[str] = set()
        self.database_created = False
        self.ports = {name: services.free_port() for name in ("web", "broker", "cache", "geocoder")}
        self.base_url = f"http://127.0.0.1:{self.ports['web']}"
        self.cwc_url = ""
        self.memory: list[tuple[float, dict[int, int]]] = []
        self._sampling = threading.Event()
        self.failures: list[str] = []
        self.started = time.monotonic()
        self.wall_started = time.time()
        self.kills: list[str] = []

    # --- services -------------------------------------------------------------------------

    def factory(self, name: str) -> services.Service:
        env, workdir = self.env, self.workdir
        if name in ("broker", "cache"):
            return services.redis_server(name, self.ports[name], env=env, workdir=workdir)
        if name == "gunicorn":
            return services.gunicorn(port=self.ports["web"], env=env, workdir=workdir)
        if name == "beat":
            return services.celery_beat(env=env, workdir=workdir)
        node = name.removeprefix("worker ")
        return services.celery_worker(node, concurrency=2, env=env, workdir=workdir)

    def start(self, name: str) -> services.Service:
        service = self.services[name] = self.factory(name).start()
        if name in ("broker", "cache"):
            port = self.ports[name]
            services.wait_until(lambda: services.redis_ready(port), 15, f"redis ({name})")
        return service

    def kill9(self, name: str, *, down_for: float = 2) -> None:
        """SIGKILL `name` (its whole process group), start it again `down_for` s later."""
        self.kills.append(f"{name} at {time.monotonic() - self.started:.1f} s")
        self.held_down.add(name)
        self.services[name].kill9()
        self.pause(down_for)
        self.held_down.discard(name)
        self.start(name)

    def supervise(self) -> None:
        """What a process supervisor (systemd's Restart=always) does once the soak runs: a
        service that exited without being killed on purpose is noted as a crash and started
        again, so the run goes on and shows whether the outbox still drains."""
        stop_if_requested()
        if not self.supervising:
            return
        for name, service in list(self.services.items()):
            if name in self.held_down or service.running():
                continue
            code = service.process.returncode if service.process else None
            if name == "cwc":  # its counts die with it: nothing left to check against
                raise Failed(f"the CWC server exited ({code}); see {service.log}")
            self.crashes.append(f"{name} exited ({code}): {last_error(service.log)}")
            self.note(f"{name} EXITED ({code}); started again, as its supervisor would")
            self.start(name)

    def pause(self, seconds: float) -> None:
        stop_if_requested()
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.supervise()
            time.sleep(min(0.25, left))

    def wait_workers(self, nodes, timeout: float = 60) -> float:
        from actioncenter.celery import app

        began = time.monotonic()
        wanted = {f"{node}@{socket.gethostname()}" for node in nodes}

        def answering() -> bool:
            self.supervise()
            for name in nodes:
                if not self.services[f"worker {name}"].running():
                    raise Failed(f"worker {name} exited; see {self.workdir}")
            try:
                replies = app.control.ping(destination=list(wanted), timeout=1)
            except Exception:  # the broker is not back yet (kombu raises its transport's errors)
                return False
            return wanted <= {name for reply in replies for name in reply}

        services.wait_until(answering, timeout, "celery workers", step=0.2)
        return time.monotonic() - began

    def web_ready(self) -> bool:
        if not self.services["gunicorn"].running():
            raise Failed(f"gunicorn exited; see {self.workdir / 'gunicorn.log'}")
        try:
            answer = requests.get(f"{self.base_url}/healthz", headers=HTTPS, timeout=2)
        except requests.RequestException:
            return False
        return answer.status_code == 200

    def boot(self) -> None:
        check_prerequisites(self.postgres)
        admin_sql(self.postgres, f'CREATE DATABASE "{self.database}"')
        self.database_created = True
        self.env = {**os.environ}
        cwc = services.cwc_server(api_key=API_KEY, env=self.env, workdir=self.workdir)
        self.services["cwc"] = cwc.start(stdout_pipe=True)
        self.cwc_url = cwc.process.stdout.readline().strip()
        if not self.cwc_url.startswith("http://"):
            raise Failed(f"the CWC server did not start; see {self.workdir / 'cwc.log'}")
        # A CWC installation answers in tens of milliseconds, not at once: a worker killed
        # mid-batch is then killed with sends in flight, as in production.
        services.cwc_call(self.cwc_url, f"/_control?delay={CWC_SECONDS}", post=True)
        self.env = soak_environment(
            base_url=self.base_url,
            database_url=f"{self.postgres}/{self.database}",
            ports=self.ports,
            workdir=self.workdir,
            cwc_url=self.cwc_url,
        )
        os.environ.update(self.env)
        for name in ("broker", "cache", "gunicorn", *WORKERS):
            self.start(name)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        seed()
        self.start("beat")
        services.wait_until(self.web_ready, 60, "gunicorn")
        self.wait_workers(NODES)
        self.supervising = True
        self.note(
            f"ready in {time.monotonic() - self.started:.1f} s: gunicorn (2 workers), "
            "2 Celery workers (prefork, concurrency 2), beat, broker, cache, CWC server"
        )

    # --- the run --------------------------------------------------------------------------

    def note(self, message: str) -> None:
        elapsed = time.monotonic() - self.started
        say(f"[{elapsed:6.1f} s] {message}")

    def gunicorn_workers(self) -> dict[int, int]:
        master = self.services["gunicorn"].pid
        return {pid: services.rss_bytes(pid) for pid in services.children(master)}

    def sample_memory(self) -> None:
        while not self._sampling.wait(2):
            self.memory.append((time.monotonic(), self.gunicorn_workers()))

    def warm_up(self) -> dict[int, int]:
        for _ in range(20):
            requests.get(
                f"{self.base_url}/api/v1/campaigns/{CAMPAIGN}/totals", headers=HTTPS, timeout=10
            )
        return self.gunicorn_workers()

    def load(self) -> tuple[Load, dict[int, int], dict[int, int]]:
        seconds = self.args.seconds
        load = Load(
            base_url=self.base_url,
            slug=CAMPAIGN,
            tag=self.tag,
            rate=self.args.rate,
            threads=12,
            seed=self.args.seed,
        )
        start_memory = self.warm_up()
        sampler = threading.Thread(target=self.sample_memory, daemon=True)
        sampler.start()
        self.note(f"load: {self.args.rate:g} requests/s for {seconds} s")
        load.start()
        try:
            return self.disturb(load, seconds, start_memory)
        finally:
            load.stop()
            self._sampling.set()

    def kill_worker_mid_send(self) -> None:
        """SIGKILL worker soak-a while its pool is in the middle of sends.

        From two seconds before the kill until the worker is down, CWC answers in half a
        second, so every pool process has a letter on the wire when the kill lands, most
        past their handover: the kill before it is the rarer case, as in production.
        """
        from letters.models import Delivery

        services.cwc_call(self.cwc_url, f"/_control?delay={SLOW_CWC_SECONDS}", post=True)
        self.note(f"CWC answers in {SLOW_CWC_SECONDS} s from now until the kill is over")
        self.pause(2)
        # The sends the kill cuts off: reported, to show what the check below covered.
        self.in_flight_at_kill = {
            d.cwc_delivery_id for d in Delivery.objects.filter(status=Delivery.Status.SENDING)
        }
        pid = self.services["worker soak-a"].pid
        self.note(f"SIGKILL to Celery worker soak-a (pid {pid} and its pool), down for 2 s")
        self.kill9("worker soak-a")
        services.cwc_call(self.cwc_url, f"/_control?delay={CWC_SECONDS}", post=True)
        took = self.wait_workers(["soak-a"])
        self.note(f"worker soak-a started again, answering after {took:.1f} s")

    def disturb(self, load: Load, seconds: int, start_memory: dict[int, int]):
        """While the load runs: kill a worker at 1/3, the burst at 1/2, kill the broker at 2/3."""
        began = time.monotonic()

        def at(fraction: float) -> None:
            self.pause(began + seconds * fraction - time.monotonic())

        at(1 / 3)
        self.kill_worker_mid_send()
        at(1 / 2)
        self.note(f"burst: {BURST} signatures in a row from {BURST_ADDRESS}")
        burst = threading.Thread(target=load.burst, args=(BURST,), daemon=True)
        burst.start()
        at(2 / 3)
        self.note("SIGKILL to the broker (redis-server, nothing saved: its queues are lost)")
        self.kill9("broker")
        self.note("broker started again after 2 s (empty)")
        took = self.wait_workers(NODES, timeout=45)
        self.note(f"both workers answering through the new broker after {took:.1f} s")
        at(1)
        burst.join(timeout=30)
        load.stop()
        end_memory = self.gunicorn_workers()
        achieved = len(load.outcomes) / max(0.001, time.monotonic() - began)
        self.note(
            f"load stopped: {len(load.outcomes)} requests ({achieved:.1f}/s), "
            f"start lag at most {load.max_lag * 1000:.0f} ms"
        )
        return load, start_memory, end_memory

    def drain(self) -> float:
        from letters.models import Delivery

        began = time.monotonic()
        deadline = began + DRAIN_SECONDS
        pending = Delivery.objects.exclude(status__in=Delivery.FINAL)
        while time.monotonic() < deadline:
            if not pending.exists():
                break
            self.pause(0.5)
        took = time.monotonic() - began
        left = pending.count()
        self.note(
            f"outbox drained in {took:.1f} s"
            if not left
            else f"outbox NOT drained after {took:.0f} s: {left} deliveries not final"
        )
        return took

    # --- cleanup --------------------------------------------------------------------------

    def close(self, keep_files: bool) -> None:
        self._sampling.set()
        for name in reversed(list(self.services)):
            with contextlib.suppress(Exception):
                self.services[name].stop()
        if "django" in sys.modules:
            with contextlib.suppress(Exception):
                from django.db import connections

                connections.close_all()
        if self.database_created and not self.args.keep:
            try:
                admin_sql(self.postgres, f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            except Exception as exc:  # reported, cleanup goes on
                say(f"could not drop database {self.database}: {exc}")
        if keep_files or self.args.keep:
            say(f"logs kept in {self.workdir}")
        else:
            shutil.rmtree(self.workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", 90)))
    parser.add_argument("--short", action="store_true", help="30 s of load (CI)")
    parser.add_argument("--rate", type=float, default=16.0, help="requests per second")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    args = parser.parse_args()
    if args.short:
        args.seconds = 30
    if not 15 <= args.seconds <= 600:
        parser.error("--seconds must be between 15 and 600")

    def on_signal(signum, _frame):
        request_stop(signal.Signals(signum).name)

    def out_of_time(_signum, _frame):
        request_stop("over its time budget")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)  # SIGINT too when inherited ignored (a background job)
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(args.seconds + 180)  # setup, drain and checks included
    soak = Soak(args)
    code = 1
    try:
        soak.boot()
        load, start_memory, end_memory = soak.load()
        soak.drain()
        soak.report(load, start_memory, end_memory)
        code = 1 if soak.failures else 0
    except Failed as exc:
        say(f"soak: could not run: {exc}")
        code = 2
    except (Stopped, KeyboardInterrupt) as exc:
        say(f"soak: stopped ({exc or 'interrupted'}), stopping what it started")
        code = 130 if str(exc) == "SIGINT" else 143
    except Exception as exc:  # a service that would not come back is a failure too
        traceback.print_exc()
        soak.failures.append(f"{type(exc).__name__}: {exc}")
        code = 1
    finally:
        signal.alarm(0)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)  # an impatient second Ctrl-C must not skip this
        soak.close(keep_files=code != 0)
    total = time.monotonic() - soak.started
    if code == 0:
        say(f"soak: passed in {total:.0f} s")
    elif code == 1:
        say(f"soak: FAILED in {total:.0f} s: " + "; ".join(soak.failures or ["interrupted"]))
    return code


if __name__ == "__main__":
    sys.exit(main())
