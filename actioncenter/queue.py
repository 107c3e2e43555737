"""Queueing a task from a service, once the current transaction commits.

Tasks are thin wrappers that import the services they run, so services name the tasks they
queue instead of importing them. Without a broker (development, tests) the task runs in
this process after the commit.
"""

from celery import current_app
from django.db import transaction


def _task(name: str):
    tasks = current_app.tasks
    if name not in tasks:
        # A web process has not imported the apps' task modules yet: do as a worker does.
        current_app.loader.import_default_modules()
    return tasks[name]


def enqueue(task_name: str, *args) -> None:
    """Run task `task_name` with `args` after the current transaction commits (at once
    outside one). A broker that is down does not undo the commit: the outboxes' sweepers
    queue again what was not sent."""
    transaction.on_commit(lambda: _task(task_name).delay(*args), robust=True)
