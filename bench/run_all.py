"""Run every benchmark script in this folder, one after another."""

import subprocess
import sys
from pathlib import Path

from _interrupt import stop_on_terminate

HERE = Path(__file__).resolve().parent


def run(script: Path) -> int:
    """One benchmark's exit code; stopped (and so stopping what it started) if we are."""
    process = subprocess.Popen([sys.executable, str(script)], cwd=HERE.parent)
    try:
        return process.wait()
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait()


def main() -> int:
    stop_on_terminate()
    scripts = sorted(path for path in HERE.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks yet")
        return 0
    failed = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        failed += run(script) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
