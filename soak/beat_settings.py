"""Celery beat for the soak: the production settings with the delivery sweeper alone (due
every DELIVERY_SWEEP_SECONDS); the other jobs are hourly or rarer, and the weekly ones reach
the network."""

from actioncenter.settings.production import *  # noqa: F403
from actioncenter.settings.production import CELERY_BEAT_SCHEDULE

SWEEPER = "letters-sweep-stuck-deliveries"
CELERY_BEAT_SCHEDULE = {SWEEPER: CELERY_BEAT_SCHEDULE[SWEEPER]}
