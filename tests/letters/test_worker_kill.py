"""A worker killed with SIGKILL in the middle of a batch loses no letter and sends none twice."""

import time

import pytest
from django.db import connection

from letters.models import Delivery
from letters.outbox import deliveries_sweep
from tests.fakes.cwc_server import FakeCwcServer
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

STUCK_AFTER = 2  # seconds; the sweeper's threshold in this test (900 by default)


@pytest.fixture
def live_cwc(monkeypatch, settings, cwc_schema_or_none):
    """A local CWC server on a loopback port, and the environment the worker starts with.

    It checks documents against the published schema when the reference data is given.
    """
    with FakeCwcServer(schema_path=cwc_schema_or_none) as server:
        server.delay = 0.05  # slow enough that the kill lands mid-batch
        values = {
            "CWC_HOUSE_BASE_URL": server.url,
            "CWC_HOUSE_API_KEY": server.api_key,
            "CWC_SENATE_BASE_URL": server.url,
            "CWC_SENATE_API_KEY": server.api_key,
            "CWC_DELIVERY_AGENT": "Gender Asylum Action",
            "CWC_DELIVERY_AGENT_ACK_EMAIL": "delivery@example.org",
            "CWC_DELIVERY_AGENT_CONTACT_NAME": "Delivery Desk",
            "CWC_DELIVERY_AGENT_CONTACT_EMAIL": "desk@example.org",
            "CWC_DELIVERY_AGENT_CONTACT_PHONE": "202-555-0100",
            "DELIVERY_STUCK_AFTER_SECONDS": str(STUCK_AFTER),
            "DELIVERY_RETRY_BACKOFF_SECONDS": "1",
        }
        for name, value in values.items():
            monkeypatch.setenv(name, value)  # the worker process reads these at start
            setattr(settings, name, value)
        settings.DELIVERY_STUCK_AFTER_SECONDS = STUCK_AFTER
        yield server


def wait_for(condition, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_every_delivery_ends_sent_exactly_once_after_a_worker_is_killed(live_cwc, celery_worker):
    members_of()
    action = LetterActionFactory()
    for n in range(30):
        submit(action, email=f"supporter{n}@example.org")  # enqueued on commit, via the broker
    total = Delivery.objects.count()
    assert total == 90

    assert wait_for(lambda: Delivery.objects.filter(status="sent").count() >= 15, timeout=60)
    celery_worker.kill()  # SIGKILL, mid-batch
    assert Delivery.objects.filter(status="sent").count() < total

    celery_worker.start()

    def all_sent_after_sweeping() -> bool:
        if Delivery.objects.filter(status="sent").count() == total:
            return True
        time.sleep(STUCK_AFTER + 0.5)
        # What the periodic sweeper does, with this test's period for both of its
        # thresholds: besides the rows the dead worker was sending, the rows whose
        # messages it had already taken from the broker stay `queued`, and Redis gives
        # those messages back only after its visibility timeout (an hour).
        deliveries_sweep(stuck_after=STUCK_AFTER, lost_after=STUCK_AFTER)
        return False

    assert wait_for(all_sent_after_sweeping, timeout=120)
    expected = {delivery.pk.hex for delivery in Delivery.objects.all()}
    assert set(live_cwc.accepted) == expected  # none lost
    # Not even the messages in flight at the moment of the kill were posted twice.
    assert sum(live_cwc.duplicates.values()) == 0
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_deliveries_go_out_after_the_database_drops_the_workers_connections(
    live_cwc, celery_worker
):
    members_of()
    action = LetterActionFactory()
    submit(action, email="before@example.org")
    assert wait_for(lambda: Delivery.objects.filter(status="sent").count() == 3, timeout=60)

    # As after a PostgreSQL restart: every other session of this database is cut off,
    # so each worker process holds a dead connection it has not noticed yet.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    submit(action, email="after@example.org")

    assert wait_for(lambda: Delivery.objects.filter(status="sent").count() == 6, timeout=60)
    assert set(live_cwc.accepted) == {delivery.pk.hex for delivery in Delivery.objects.all()}
    assert sum(live_cwc.duplicates.values()) == 0
