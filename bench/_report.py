"""The figures a benchmark hands to run_all.py, besides what it prints.

Each benchmark writes one JSON file, at the path given by `--json PATH` or, failing that,
the BENCH_JSON environment variable (nothing is written when neither is set):

    {"benchmark": "bench_signatures", "status": "ok" | "skipped", "reason": "...",
     "parameters": {...}, "figures": [FIGURE, ...]}

and each FIGURE is

    {"name": "signing", "value": 412.0, "unit": "req/s",
     "reference": "bare insert view", "reference_value": 630.0,
     "reference_unit": "req/s", "ratio": 0.65,
     "ratio_of_rounds": true, "goal": "ratio >= 0.6",
     "checks": [{"of": "ratio", "op": ">=", "limit": 0.6}],
     "higher_is_better": true, "passed": true, "note": "..."}

`value` and `reference_value` are medians (of rounds or samples) measured in the same run;
`ratio` is value / reference, or, with `ratio_of_rounds` true, the median of each round's
own ratio (rounds alternate both sides, so a change of the machine's speed between rounds
does not move it); `passed` is null for a figure without a goal. The file is rewritten after
every figure, so an interrupted run still leaves what it measured.
"""

from __future__ import annotations

import json
import operator
import os
from pathlib import Path

ENV = "BENCH_JSON"
OPERATORS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
}


def add_json_argument(parser) -> None:
    parser.add_argument(
        "--json",
        default=os.environ.get(ENV, ""),
        metavar="PATH",
        help=f"write the figures there as JSON (default: ${ENV})",
    )


def parse_goal(goal: str) -> list[dict]:
    """'ratio >= 0.6 and < 150' as checks: [{of: ratio, op: >=, limit: 0.6}, {of: value, ...}]."""
    checks = []
    for part in filter(None, (piece.strip() for piece in goal.split(" and "))):
        words = part.split()
        of = "value"
        if words[0] in ("ratio", "value"):
            of, words = words[0], words[1:]
        op, limit = words[0], words[1]
        if op not in OPERATORS:
            raise ValueError(f"unknown comparison in goal {goal!r}")
        checks.append({"of": of, "op": op, "limit": float(limit)})
    return checks


class Report:
    """Collects one benchmark's figures and keeps its JSON file up to date."""

    def __init__(self, benchmark: str, path: str | None = None, **parameters):
        self.path = Path(path) if path else None
        self.data = {
            "benchmark": benchmark,
            "status": "ok",
            "reason": "",
            "parameters": parameters,
            "figures": [],
        }

    def skip(self, reason: str) -> None:
        """The benchmark did not run here (a missing service or data); says why."""
        print(f"skipped: {reason}")
        self.data.update(status="skipped", reason=reason)
        self.write()

    def figure(
        self,
        name: str,
        value: float,
        unit: str,
        *,
        higher_is_better: bool,
        reference: str | None = None,
        reference_value: float | None = None,
        reference_unit: str | None = None,
        ratio: float | None = None,
        ratio_of_rounds: bool = False,
        goal: str = "",
        note: str = "",
    ) -> dict:
        if ratio is None and reference_value:
            ratio = value / reference_value
        checks = parse_goal(goal)
        passed = None
        if checks:
            measured = {"value": value, "ratio": ratio}
            passed = all(
                measured[check["of"]] is not None
                and OPERATORS[check["op"]](measured[check["of"]], check["limit"])
                for check in checks
            )
        row = {
            "name": name,
            "value": value,
            "unit": unit,
            "reference": reference,
            "reference_value": reference_value,
            "reference_unit": reference_unit or unit,
            "ratio": ratio,
            "ratio_of_rounds": ratio_of_rounds,
            "goal": goal,
            "checks": checks,
            "higher_is_better": higher_is_better,
            "passed": passed,
            "note": note,
        }
        self.data["figures"].append(row)
        self.write()
        return row

    @property
    def goals_met(self) -> bool:
        return all(row["passed"] is not False for row in self.data["figures"])

    def write(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(self.data, indent=2) + "\n")
        partial.replace(self.path)
