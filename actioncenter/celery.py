"""The Celery application. Configuration lives in Django settings (CELERY_*)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actioncenter.settings.local")

app = Celery("actioncenter")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_old_database_connections(sender=None, **kwargs) -> None:
    """Close connections that are too old or broken; reuse the others (CONN_MAX_AGE).

    Unlike a web request, a task does not begin with a health check (a `SELECT 1`
    round trip on every task): a connection that died since the last task fails the
    task's first statement, which marks it as having had errors, so the check after
    the task closes it, and tasks that write retry on such errors.
    """
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return  # in-process: the caller's transaction and connection are in use
    from actioncenter.fastpaths import skip_health_checks_until_next_task

    skip_health_checks_until_next_task()
