"""Queueing a task from a service, once the current transaction commits.

Tasks are thin wrappers that import the services they run, so services name the tasks they
queue instead of importing them. Without a broker (development, tests) the task runs in
this process after the commit.
"""

import threading

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import translation

_importing = threading.Lock()


def _task(name: str):
    tasks = current_app.tasks
    if name not in tasks:
        # A web process has not imported the apps' task modules yet: do as a worker does.
        # One thread at a time: a second one would find the import under way, return at
        # once and look the task up in a half-filled registry.
        with _importing:
            if name not in tasks:
                current_app.loader.import_default_modules()
    return tasks[name]


def enqueue(task_name: str, *args) -> None:
    """Run task `task_name` with `args` after the current transaction commits (at once
    outside one). A broker that is down does not undo the commit: the outboxes' sweepers
    queue again what was not sent.

    A task run in this process runs in the site's default language, as in a worker, not in
    the language of the page that queued it: a task that needs the supporter's language
    takes it as an argument."""

    def run() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            _task(task_name).delay(*args)

    transaction.on_commit(run, robust=True)
