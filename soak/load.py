"""The soak's load: petition signatures and letters to Congress at a steady rate, through the
public API, from many supporters (each behind their own client address, as the reverse proxy
reports it in X-Forwarded-For) and some who come back, plus one burst from a single address
that runs into the per-address limit.

Every request is planned with the answer it must get (201 for a new signature or letter and
for a repeated signature, 202 for a repeated letter, 201 or 429 in the burst), and each answer
is recorded with its status and latency.
"""

from __future__ import annotations

import ipaddress
import queue
import random
import threading
import time
from dataclasses import dataclass

import requests

PLACES = (
    ("22201", "Arlington", "VA"),
    ("20910", "Silver Spring", "MD"),
    ("10001", "New York", "NY"),
)
BURST_ADDRESS = "192.0.2.10"
CAMPAIGN = "soak"  # the seeded campaign's slug
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy adds
# (plan, share of the requests): the first two bring new supporters, the others come back.
PLANS = (
    ("signs", 0.50),
    ("writes", 0.22),
    ("signer writes", 0.08),
    ("writer signs", 0.06),
    ("signs again", 0.08),
    ("writes again", 0.06),
)
NO_ANSWER = 0


@dataclass
class Person:
    number: int
    email: str
    address: str
    place: tuple[str, str, str]
    signed: bool = False
    wrote: bool = False
    busy: bool = False


@dataclass(frozen=True)
class Outcome:
    kind: str  # "signature" or "letter"
    plan: str
    email: str
    address: str
    status: int  # NO_ANSWER when the request got no HTTP answer
    expected: tuple[int, ...]
    seconds: float
    at: float  # seconds since the load started
    error: str = ""

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300


class Load:
    def __init__(self, *, base_url: str, slug: str, tag: str, rate: float, threads: int, seed: int):
        self.signatures_url = f"{base_url}/api/v1/campaigns/{slug}/signatures"
        self.letters_url = f"{base_url}/api/v1/campaigns/{slug}/letters"
        self.tag, self.rate, self.threads = tag, rate, threads
        self.random = random.Random(seed)  # noqa: S311 - a repeatable load, not secrets
        self.people: list[Person] = []
        self.outcomes: list[Outcome] = []
        self.planned = 0
        self.max_lag = 0.0
        self._lock = threading.Lock()
        self._jobs: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._local = threading.local()
        self._threads: list[threading.Thread] = []
        self.started = 0.0

    # --- people ---------------------------------------------------------------------------

    def _new_person(self, *, address: str | None = None) -> Person:
        number = len(self.people) + 1
        person = Person(
            number=number,
            email=f"soak-{self.tag}-{number}@example.org",
            address=address or str(ipaddress.IPv4Address("10.0.0.0") + number),
            place=self.random.choice(PLACES),
        )
        self.people.append(person)
        return person

    def _pick(self, test) -> Person | None:
        eligible = [p for p in self.people if not p.busy and p.address != BURST_ADDRESS and test(p)]
        return self.random.choice(eligible) if eligible else None

    def _plan(self) -> tuple[str, str, Person, tuple[int, ...]]:
        """(plan, kind, person, expected statuses) for the next request."""
        roll, plan = self.random.random(), PLANS[0][0]
        for name, share in PLANS:
            if roll < share:
                plan = name
                break
            roll -= share
        with self._lock:
            person = {
                "signer writes": lambda: self._pick(lambda p: p.signed and not p.wrote),
                "writer signs": lambda: self._pick(lambda p: p.wrote and not p.signed),
                "signs again": lambda: self._pick(lambda p: p.signed),
                "writes again": lambda: self._pick(lambda p: p.wrote),
            }.get(plan, lambda: None)()
            if person is None:
                plan = plan if plan in ("signs", "writes") else "signs"
                person = self._new_person()
            person.busy = True
        kind = "letter" if plan in ("writes", "signer writes", "writes again") else "signature"
        expected = (202,) if plan == "writes again" else (201,)
        return plan, kind, person, expected

    # --- requests ---------------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def _body(self, kind: str, person: Person) -> dict:
        zip_code, city, state = person.place
        if kind == "signature":
            return {
                "first_name": "Soak",
                "last_name": f"Signer{person.number}",
                "email": person.email,
                "zip_code": zip_code,
                "source": "soak",
                "comment": "Gender is a ground of persecution." if person.number % 7 == 0 else "",
            }
        return {
            "prefix": "Mx.",
            "first_name": "Soak",
            "last_name": f"Writer{person.number}",
            "email": person.email,
            "address1": f"{100 + person.number} Main Street",
            "city": city,
            "state": state,
            "zip_code": zip_code,
            "personal_note": "It matters to me." if person.number % 3 == 0 else "",
            "source": "soak",
        }

    def send(self, plan: str, kind: str, person: Person, expected: tuple[int, ...]) -> Outcome:
        url = self.signatures_url if kind == "signature" else self.letters_url
        headers = {"X-Forwarded-For": person.address, "X-Forwarded-Proto": "https"}
        began = time.monotonic()
        status, error = NO_ANSWER, ""
        try:
            answer = self._session().post(
                url, json=self._body(kind, person), headers=headers, timeout=30
            )
            status = answer.status_code
            if status >= 500 or status not in expected:
                error = answer.text[:300]
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        outcome = Outcome(
            kind=kind,
            plan=plan,
            email=person.email,
            address=person.address,
            status=status,
            expected=expected,
            seconds=time.monotonic() - began,
            at=began - self.started,
            error=error,
        )
        with self._lock:
            self.outcomes.append(outcome)
            if outcome.accepted and kind == "signature":
                person.signed = True
            if outcome.accepted and kind == "letter":
                person.wrote = True
            person.busy = False
        return outcome

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            self.send(*job)

    # --- the run -----------------------------------------------------------------------------

    def start(self) -> None:
        self.started = time.monotonic()
        self._threads = [
            threading.Thread(target=self._work, name=f"soak-load-{n}", daemon=True)
            for n in range(self.threads)
        ]
        self._threads.append(threading.Thread(target=self._schedule, daemon=True))
        for thread in self._threads:
            thread.start()

    def _schedule(self) -> None:
        """One request every 1/rate seconds, on the clock (a slow answer does not slow the
        offered rate down; `max_lag` says how far the start of a request fell behind)."""
        while not self._stop.is_set():
            due = self.started + self.planned / self.rate
            wait = due - time.monotonic()
            if wait > 0:
                self._stop.wait(wait)
                continue
            self.max_lag = max(self.max_lag, -wait)
            self._jobs.put(self._plan())
            self.planned += 1

    def burst(self, count: int) -> None:
        """`count` signatures of new supporters in a row from one client address."""
        for _ in range(count):
            if self._stop.is_set():
                return
            with self._lock:
                person = self._new_person(address=BURST_ADDRESS)
                person.busy = True
            self.send("burst", "signature", person, (201, 429))

    def stop(self, timeout: float = 45) -> None:
        """No new requests (those planned but not sent are dropped); wait, bounded, for the
        ones in flight."""
        if self._stop.is_set():
            return
        self._stop.set()
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        for _ in range(self.threads):
            self._jobs.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(timeout=max(0.1, deadline - time.monotonic()))

    def in_flight(self) -> int:
        return sum(thread.is_alive() for thread in self._threads)
