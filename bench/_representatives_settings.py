"""Settings for bench_representatives_api.py: the local settings, served like production.

Differences: debug off, quiet logs, a bench-only URLconf that adds a bare JSON
view next to the real routes, and no API throttling: all load comes from one
loopback address, which the per-IP throttle would (rightly) turn away.
"""

from actioncenter.settings.local import *  # noqa: F403
from actioncenter.settings.local import REST_FRAMEWORK

DEBUG = False
ROOT_URLCONF = "bench._representatives_urls"
# A scope whose rate is None is never throttled.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]),
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
