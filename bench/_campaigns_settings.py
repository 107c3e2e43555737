"""Settings for the campaign benchmarks: the local settings, served like production.

Debug off, quiet logs, no rate limits or API throttles (all load comes from one loopback
address, which they would rightly turn away), and a URLconf that adds a bare baseline view.
"""

from actioncenter.settings.local import *  # noqa: F403
from actioncenter.settings.local import REST_FRAMEWORK

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench._campaigns_urls"
RATELIMIT_ENABLE = False
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]),
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
CELERY_TASK_ALWAYS_EAGER = True
