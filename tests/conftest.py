import os
from pathlib import Path

import factory.random
import pytest
from django.conf import settings

from actioncenter.celery import app as celery_app

FIXTURES_DIR = Path(__file__).parent / "fixtures"
# Factory data (Faker names, fuzzy values) is the same on every run and in every test.
FACTORY_SEED = 20260615


def pytest_collection_modifyitems(config, items):
    skip_worker = pytest.mark.skip(
        reason="needs a broker (CELERY_BROKER_URL); the server pass of .ci/run provides one"
    )
    if settings.CELERY_BROKER_URL:
        return
    for item in items:
        if "needs_worker" in item.keywords:
            item.add_marker(skip_worker)


@pytest.fixture(autouse=True)
def _seeded_factories():
    """Each test draws the same factory data whatever ran before it, so a rare
    collision between two random values cannot make a test fail one run in many."""
    factory.random.reseed_random(FACTORY_SEED)


@pytest.fixture(scope="session", autouse=True)
def _translations_compiled():
    """Spanish pages read locale/*/django.mo, built from the committed .po catalogues
    (as `make translations` does), so `pytest` alone tests the translations as they are."""
    from actioncenter.translations import compile_catalogues

    compile_catalogues(if_stale=True)


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and cached lookups must not leak from one test into the next."""
    from django.core.cache import cache

    from actioncenter.caching import ProcessCache

    cache.clear()
    ProcessCache.clear_all()
    yield
    cache.clear()
    ProcessCache.clear_all()


@pytest.fixture
def campaign(db):
    """A live campaign with a petition."""
    from tests.petitions.factories import petition_campaign

    return petition_campaign()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded logos go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Small documents in the real formats of the services we talk to (tests/fixtures)."""
    return FIXTURES_DIR


def _shared_data() -> tuple[Path | None, str]:
    """The reference data folder from ACTIONCENTER_TEST_DATA, or why there is none."""
    value = os.environ.get("ACTIONCENTER_TEST_DATA", "")
    if not value:
        return None, "ACTIONCENTER_TEST_DATA is not set (point it at the reference data folder)"
    path = Path(value)
    if not path.is_dir():
        return None, f"ACTIONCENTER_TEST_DATA={value} is not a folder"
    return path, ""


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    """The reference data folder: the full public data set and the published samples.

    Only tests that check against the full data set or a third-party published
    schema need it; everything else reads `fixtures_dir`.
    """
    path, reason = _shared_data()
    if path is None:
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def samples_dir(shared_data_dir) -> Path:
    return shared_data_dir / "samples"


@pytest.fixture(scope="session")
def samples_dir_or_none() -> Path | None:
    """The published samples when the reference data is given, else None (never skips).

    For fixtures that do extra checking when they can, such as a fake CWC that
    validates every document against the published schema in CI.
    """
    path, _reason = _shared_data()
    return path / "samples" if path else None


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


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser download is not used)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (own cookies) whose relative URLs go to the live test server."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, past the second factor as staff are."""
    from tests.staff.factories import sign_in

    sign_in(client, admin_user)
    return client
