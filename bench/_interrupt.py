"""Benchmarks start servers and workers; an interrupted run must stop them too."""

import signal
import sys


def stop_on_terminate() -> None:
    """Turn SIGTERM (a killed run, a CI timeout) into SystemExit, so every `finally` that
    stops what the benchmark started runs, as it does on Ctrl-C."""
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))
