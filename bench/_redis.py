"""Redis databases for the benchmarks: each run claims empty ones of its own.

Redis has numbered databases (16 by default) and a Celery broker or a Django cache uses a
whole one, so a benchmark never names a fixed number: `claim(count, script)` takes
databases that are empty, starting from one derived from the process id, and marks each
with a claim key naming the script and the pid. The check and the mark are one atomic
step (a Lua script), so two runs at the same time cannot take the same database.
`release(numbers)` empties them again at the end. A claim whose process is gone (a
benchmark killed outright) is taken back by the next `claim()`, or by run_all.py with
`release_claims_of(pid)`. Databases 0 and 1 (the development defaults of .env.example)
and 14 and 15 (the test run's, in the README) are never claimed.
"""

from __future__ import annotations

import json
import os

HOST = "127.0.0.1"
PORT = 6379
CLAIM_KEY = "ac-bench:claim"
CLAIM_SECONDS = 24 * 3600
NEVER = {0, 1, 14, 15}
CLAIM_IF_EMPTY = """
if redis.call('DBSIZE') == 0 then
    return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
end
return false
"""


def url(number: int) -> str:
    return f"redis://{HOST}:{PORT}/{number}"


def client(number: int = 0):
    import redis

    return redis.Redis(host=HOST, port=PORT, db=number, socket_connect_timeout=2)


def redis_problem() -> str | None:
    """Why Redis cannot be used here, or None."""
    try:
        client().ping()
        return None
    except Exception as exc:  # any driver error means "not available here"
        return f"Redis not reachable at {HOST}:{PORT} ({type(exc).__name__})"


def _claim_of(connection) -> dict | None:
    raw = connection.get(CLAIM_KEY)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def database_count() -> int:
    try:
        return int(client().config_get("databases").get("databases", 16))
    except Exception:  # CONFIG may be disabled; 16 is Redis's default
        return 16


def claim(count: int, script: str) -> list[int]:
    """`count` empty databases, now this process's; RuntimeError when too few are free."""
    total = database_count()
    pid = os.getpid()
    owner = json.dumps({"script": script, "pid": pid})
    order = [(pid + step) % total for step in range(total)]
    claimed: list[int] = []
    for number in order:
        if number in NEVER:
            continue
        connection = client(number)
        stale = _claim_of(connection)
        if stale and not _alive(int(stale.get("pid", 0))):
            _flush_if_claimed_by(connection, stale)
        if connection.eval(CLAIM_IF_EMPTY, 1, CLAIM_KEY, owner, CLAIM_SECONDS):
            claimed.append(number)
            if len(claimed) == count:
                return claimed
    release(claimed)
    raise RuntimeError(f"fewer than {count} empty Redis databases to claim")


def _flush_if_claimed_by(connection, owner: dict) -> bool:
    if _claim_of(connection) != owner:
        return False
    connection.flushdb()
    return True


def release(numbers: list[int]) -> None:
    """Empty the databases this process claimed (claims of another process are left)."""
    for number in numbers:
        connection = client(number)
        claim_ = _claim_of(connection)
        if claim_ and claim_.get("pid") == os.getpid():
            connection.flushdb()


def release_claims_of(pid: int) -> list[int]:
    """Empty the databases process `pid` claimed and did not release."""
    released = []
    for number in range(database_count()):
        connection = client(number)
        claim_ = _claim_of(connection)
        if claim_ and claim_.get("pid") == pid and _flush_if_claimed_by(connection, claim_):
            released.append(number)
    return released
