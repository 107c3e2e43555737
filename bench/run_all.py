"""Every benchmark in this folder, one after another, in bounded time; then one table.

    .venv/bin/python bench/run_all.py [--full] [--only NAME ...] [--budget SECONDS]

Each `bench_*.py` runs in a process group of its own with the arguments of PLAN below
(sizes chosen so the whole run fits a 14-minute budget on two cores; `--full` uses each
script's own defaults instead) and a time limit. It prints what it always printed and
writes its figures to a JSON file (`--json PATH`, the protocol in bench/_report.py).
At the end this script prints one table of every figure: its value, the reference it is
compared with (measured in the same run), their ratio, the goal and whether it was met,
and writes the same under bench/results/ (`<UTC timestamp>.json`, and `latest.json`).

A benchmark that overruns its limit, or this script's interruption (Ctrl-C, SIGTERM),
stops the benchmark with SIGTERM (it then stops what it started and drops its
database), after a grace period with SIGKILL; whatever a killed benchmark left is
removed after it by its pid: marked processes, its databases, its Redis claims.
Exit code: 0 when every benchmark ran and met its goals, else 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _redis
from _interrupt import kill_leftovers, shielded, stop_on_terminate
from _postgres import drop_databases_of, postgres_problem

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
GRACE_SECONDS = 60
BUDGET_SECONDS = 14 * 60

# Arguments of the bounded run and each benchmark's time limit (seconds). The sizes keep
# what each measures (the same references, rounds alternating with them) at a scale that
# fits the budget; `--full` runs each at its own defaults, without the budget.
PLAN = {
    "bench_campaign_page.py": (["--signatures", "1000000", "--renders", "100"], 300),
    "bench_dashboard.py": (["--actions", "100000", "--repeat", "5"], 300),
    "bench_delivery.py": (["--letters", "600", "--pings", "600", "--rounds", "3"], 300),
    "bench_export.py": (["--rows", "100000", "--bare", "300"], 300),
    "bench_fastpaths.py": (["--repeat", "1000"], 150),
    "bench_lookup.py": (["--zips", "1000"], 150),
    "bench_page_weight.py": ([], 120),
    "bench_representatives_api.py": (["--rounds", "3", "--seconds", "3"], 300),
    "bench_signatures.py": (["--rounds", "3", "--seconds", "4"], 200),
}
FULL_TIMEOUT = 3 * 3600


class Interrupted(Exception):
    def __init__(self, signum: int):
        self.signum = signum


def clean_after(pid: int) -> list[str]:
    """Remove what benchmark `pid` left behind; says what there was."""
    left = []
    with shielded():
        if pids := kill_leftovers(pid):
            left.append(f"processes {pids}")
        try:
            if names := drop_databases_of(pid):
                left.append(f"databases {names}")
        except Exception as exc:  # PostgreSQL gone: nothing to drop there
            left.append(f"databases not checked ({type(exc).__name__})")
        try:
            if numbers := _redis.release_claims_of(pid):
                left.append(f"Redis databases {numbers}")
        except Exception as exc:  # Redis gone: nothing to release there
            left.append(f"Redis not checked ({type(exc).__name__})")
    return left


def stop(process: subprocess.Popen, signum: int) -> None:
    """Ask the benchmark to stop (it cleans up), then kill its group after the grace."""
    with shielded():
        if process.poll() is None:
            process.send_signal(signum)
            try:
                process.wait(timeout=GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                print(f"{process.args[1]} still running after {GRACE_SECONDS} s: killed")
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def run(script: Path, arguments: list[str], timeout: float, json_path: Path) -> dict:
    """Run one benchmark; its entry for the results (status, figures, time)."""
    command = [sys.executable, str(script), *arguments, "--json", str(json_path)]
    print(f"\n== {script.name} {' '.join(arguments)}".rstrip(), flush=True)
    entry = {"script": script.name, "arguments": arguments, "timeout": timeout}
    started = time.monotonic()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    status = None
    try:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"{script.name}: over its {timeout:.0f} s limit, stopping it", flush=True)
            stop(process, signal.SIGTERM)
            status = "timed out"
    except KeyboardInterrupt:
        stop(process, signal.SIGINT)
        status = "interrupted"
        raise Interrupted(signal.SIGINT) from None
    except SystemExit as exit_:
        stop(process, signal.SIGTERM)
        status = "interrupted"
        raise Interrupted(int(exit_.code or 0) - 128) from None
    finally:
        entry["seconds"] = round(time.monotonic() - started, 1)
        entry["exit_code"] = process.returncode
        entry.update(read_figures(json_path))
        if status:
            entry["status"] = status
        elif process.returncode != 0 and not entry["figures"]:
            entry["status"] = "failed"
        if left := clean_after(process.pid):
            entry["left_behind"] = left
            print(f"{script.name} left behind, now removed: {'; '.join(left)}")
        ENTRIES.append(entry)
    return entry


def read_figures(json_path: Path) -> dict:
    try:
        data = json.loads(json_path.read_text())
    except (OSError, ValueError):
        return {"status": "failed", "reason": "no figures written", "figures": []}
    return {
        "status": data.get("status", "ok"),
        "reason": data.get("reason", ""),
        "parameters": data.get("parameters", {}),
        "figures": data.get("figures", []),
    }


ENTRIES: list[dict] = []


def number(value, unit: str) -> str:
    if value is None:
        return ""
    if unit == "yes/no":
        return "yes" if value else "no"
    if unit in ("count", "rows"):
        return f"{value:,.0f}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def goal_text(row: dict) -> str:
    parts = []
    for check in row.get("checks", []):
        limit = check["limit"]
        if check["of"] == "ratio":
            parts.append(f"ratio {check['op']} {limit:g}")
        elif row["unit"] == "yes/no":
            parts.append("yes" if limit else "no")
        else:
            parts.append(f"{check['op']} {limit:g} {row['unit']}".rstrip())
    return ", ".join(parts)


def reference_text(figure: dict) -> str:
    value = figure.get("reference_value")
    if value is None:
        return ""
    unit = figure.get("reference_unit") or figure["unit"]
    shown = unit if unit not in ("yes/no", "count") else ""
    return f"{number(value, unit)} {shown}".rstrip()


def ratio_text(figure: dict) -> str:
    if figure.get("ratio") is None:
        return ""
    return f"{figure['ratio']:.2f}" + ("†" if figure.get("ratio_of_rounds") else " ")


def table_rows(entries: list[dict]) -> list[list[str]]:
    rows = []
    for entry in entries:
        name = entry["script"].removeprefix("bench_").removesuffix(".py")
        status = entry.get("status", "ok")
        if status not in ("ok",) and not entry.get("figures"):
            reason = entry.get("reason") or f"exit code {entry.get('exit_code')}"
            mark = "" if status == "skipped" else "*"
            rows.append([mark, name, f"({status}: {reason})", "", "", "", "", "", status.upper()])
            continue
        for figure in entry.get("figures", []):
            unit = figure["unit"] if figure["unit"] not in ("yes/no", "count") else ""
            passed = figure.get("passed")
            result = {True: "met", False: "MISSED", None: ""}[passed]
            rows.append(
                [
                    "*" if passed is False else "",
                    name,
                    figure["name"],
                    f"{number(figure['value'], figure['unit'])} {unit}".rstrip(),
                    figure.get("reference") or "",
                    reference_text(figure),
                    ratio_text(figure),
                    goal_text(figure),
                    result,
                ]
            )
        if status != "ok":
            rows.append(["*", name, f"({status}, exit code {entry.get('exit_code')})"] + [""] * 5
                        + [status.upper()])  # fmt: skip
    return rows


HEADER = ["", "benchmark", "figure (median)", "value", "reference, same run", "reference",
          "ratio", "goal", "result"]  # fmt: skip


def print_table(entries: list[dict]) -> None:
    rows = [HEADER, *table_rows(entries)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER))]
    right = {3, 5, 6}
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[column]) if column in right else cell.ljust(widths[column])
            for column, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def summary(entries: list[dict]) -> tuple[int, int]:
    missed = sum(
        figure.get("passed") is False for entry in entries for figure in entry.get("figures", [])
    )
    broken = sum(entry.get("status") not in ("ok", "skipped") for entry in entries)
    return missed, broken


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return ""


def write_results(started: datetime.datetime, meta: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    missed, broken = summary(ENTRIES)
    data = {
        **meta,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "load_average_after": [round(load, 2) for load in os.getloadavg()],
        "goals_missed": missed,
        "benchmarks_broken": broken,
        "benchmarks": ENTRIES,
    }
    path = RESULTS / f"{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text)
    (RESULTS / "latest.json").write_text(text)
    return path


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each script's own defaults")
    parser.add_argument("--only", nargs="*", default=[], help="e.g. signatures delivery")
    parser.add_argument("--budget", type=float, default=BUDGET_SECONDS, help="seconds in all")
    options = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if options.only:
        scripts = [s for s in scripts if any(name in s.stem for name in options.only)]
    if not scripts:
        print("no benchmarks to run")
        return 0
    started = datetime.datetime.now(datetime.UTC)
    meta = {
        "profile": "full" if options.full else "bounded",
        "commit": git_commit(),
        "host": platform.node(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(load, 2) for load in os.getloadavg()],
        "services": {
            "postgresql": postgres_problem() or "ok",
            "redis": _redis.redis_problem() or "ok",
        },
        "reference_data": os.environ.get("ACTIONCENTER_TEST_DATA", ""),
    }
    print(f"PostgreSQL: {meta['services']['postgresql']}; Redis: {meta['services']['redis']}")
    deadline = time.monotonic() + options.budget
    exit_code = None
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        try:
            for script in scripts:
                arguments, timeout = PLAN.get(script.name, ([], 300))
                if options.full:
                    arguments, timeout = [], FULL_TIMEOUT
                else:
                    timeout = min(timeout, deadline - time.monotonic())
                if timeout < 30:
                    ENTRIES.append(
                        {"script": script.name, "status": "not run",
                         "reason": "the time budget was spent", "figures": []}
                    )  # fmt: skip
                    continue
                run(script, arguments, timeout, Path(folder) / f"{script.stem}.json")
        except Interrupted as interrupted:
            exit_code = 128 + interrupted.signum
            print("\ninterrupted: the table holds what was measured until then")
    print(f"\n== figures ({meta['profile']} run, {os.cpu_count()} cores, load before "
          f"{', '.join(f'{load:.1f}' for load in meta['load_average_before'])})")  # fmt: skip
    print_table(ENTRIES)
    if any(f.get("ratio_of_rounds") for e in ENTRIES for f in e.get("figures", [])):
        print("† median of each round's own ratio (both sides alternate in every round)")
    path = write_results(started, meta)
    missed, broken = summary(ENTRIES)
    print(
        f"\n{missed} goal(s) missed (rows marked *), {broken} benchmark(s) failed or stopped; "
        f"written to {path.relative_to(ROOT)} and {(RESULTS / 'latest.json').relative_to(ROOT)}"
    )
    if exit_code is not None:
        return exit_code
    return 1 if missed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
