"""Celery: the broker, how tasks are acknowledged, and every periodic job (beat).

Part of the base settings (`from .tasks import *` there), kept apart to keep each
settings module readable.
"""

import environ
from celery.schedules import crontab

env = environ.Env()

# --- Celery -----------------------------------------------------------------
# Without a broker, tasks run in-process (after the transaction commits, because
# services enqueue them with transaction.on_commit).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Must exceed the longest countdown/ETA we schedule, or Redis redelivers early.
    "visibility_timeout": 3600,
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Celery's Django fixup closes every database connection after each task, so each
# task would pay for a new PostgreSQL connection. With this large value it leaves them
# open and actioncenter.celery closes them by Django's own rules (CONN_MAX_AGE,
# health checks, errors), as a web request does.
CELERY_DB_REUSE_MAX = 1_000_000_000
# Every periodic job, in one place.
# The sweeper's period: a delivery whose broker message was lost goes out within two.
DELIVERY_SWEEP_SECONDS = env.int("DELIVERY_SWEEP_SECONDS", default=300)
CELERY_BEAT_SCHEDULE = {
    "refresh-legislators-weekly": {
        "task": "legislators.tasks.refresh_legislators",
        "schedule": crontab(minute=17, hour=4, day_of_week="mon"),
    },
    # Reports read ended days from the rollups; fold each day soon after it ends.
    "metrics-fold": {
        "task": "metrics.tasks.fold_all",
        "schedule": crontab(minute=15),
    },
    # …and have each campaign's report ready for the first staff view after it.
    "reporting-warm-reports": {
        "task": "staff.tasks.reports_warm",
        "schedule": crontab(minute=20),
    },
    # A lost broker message or a killed worker never loses a letter.
    "letters-sweep-stuck-deliveries": {
        "task": "letters.tasks.deliveries_sweep",
        "schedule": float(DELIVERY_SWEEP_SECONDS),
    },
    "letters-purge-sensitive": {
        "task": "letters.tasks.letters_purge_sensitive",
        "schedule": crontab(minute=41, hour=3),
    },
    "letters-refresh-senate-offices-weekly": {
        "task": "letters.tasks.senate_offices_refresh",
        "schedule": crontab(minute=27, hour=4, day_of_week="mon"),
    },
    "sessions-clear": {
        "task": "actioncenter.sessions_clear",
        "schedule": crontab(minute=5),
    },
}
