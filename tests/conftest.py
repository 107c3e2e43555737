import os
from pathlib import Path

import pytest
from django.conf import settings

from actioncenter.celery import app as celery_app


def _server_pass() -> bool:
    engine = settings.DATABASES["default"]["ENGINE"]
    return bool(settings.CELERY_BROKER_URL) and "postgresql" in engine


def pytest_collection_modifyitems(config, items):
    skip_worker = pytest.mark.skip(
        reason="needs a broker (CELERY_BROKER_URL) and PostgreSQL (DATABASE_URL); "
        "the server pass of .ci/run provides both"
    )
    skip_postgres = pytest.mark.skip(reason="needs DATABASE_URL pointing at PostgreSQL")
    is_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    for item in items:
        if "needs_worker" in item.keywords and not _server_pass():
            item.add_marker(skip_worker)
        if "needs_postgres" in item.keywords and not is_postgres:
            item.add_marker(skip_postgres)


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and cached lookups must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    """The reference data folder (congress-legislators YAML, crosswalk, samples)."""
    value = os.environ.get("ACTIONCENTER_TEST_DATA", "")
    if not value:
        pytest.skip("ACTIONCENTER_TEST_DATA is not set (point it at the reference data folder)")
    path = Path(value)
    if not path.is_dir():
        pytest.skip(f"ACTIONCENTER_TEST_DATA={value} is not a folder")
    return path


@pytest.fixture(scope="session")
def samples_dir(shared_data_dir) -> Path:
    return shared_data_dir / "samples"


@pytest.fixture
def celery_worker(django_db_setup, django_db_blocker):
    """A real worker process consuming the real broker for one test.

    Tasks go through the broker while it runs (not in-process), and the
    worker reads the committed rows of the test database.
    """
    from tests.worker import WorkerProcess

    broker = settings.CELERY_BROKER_URL
    previous = (celery_app.conf.task_always_eager, celery_app.conf.result_backend)
    celery_app.conf.task_always_eager = False
    if broker.startswith("redis"):
        celery_app.conf.result_backend = broker
    with django_db_blocker.unblock():
        celery_app.control.purge()
        worker = WorkerProcess()
        worker.start()
    try:
        yield worker
    finally:
        worker.stop()
        celery_app.conf.task_always_eager, celery_app.conf.result_backend = previous
