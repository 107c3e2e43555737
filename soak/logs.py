"""Reading the soak's services' logs (JSON lines), and printing."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from pathlib import Path


def say(message: str) -> None:
    print(message, flush=True)


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def access_statuses(log: Path) -> Counter:
    return Counter(
        int(entry["status"])
        for entry in json_lines(log)
        if entry.get("logger") == "gunicorn.access"
        and str(entry.get("path", "")).startswith("/api/v1/campaigns/")
    )


def json_lines(log: Path):
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            with contextlib.suppress(ValueError):
                yield json.loads(line)


def last_error(log: Path) -> str:
    """The last critical error a service logged (JSON lines), else its last error, else its
    last line."""
    entries = list(json_lines(log))
    for level in ("CRITICAL", "ERROR"):
        errors = [entry for entry in entries if entry.get("level") == level]
        if errors:
            return error_kind(errors[-1])
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(nothing logged)"


def error_kind(entry: dict) -> str:
    """One line for a logged error: its logger, exception type and the start of its message."""
    message = str(entry.get("message", "")).splitlines()[0][:90]
    exception = entry.get("exception", "")
    return f"{entry.get('logger', '?')}: {exception + ': ' if exception else ''}{message}"
