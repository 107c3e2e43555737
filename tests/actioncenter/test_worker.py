"""The production-like pass: a real broker and a real worker process."""

import time
import uuid

import pytest
from django.core.cache import cache

from actioncenter.tasks import ping


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_a_task_round_trips_through_the_broker_and_a_real_worker(celery_worker):
    token = uuid.uuid4().hex
    ping.delay(token)
    deadline = time.monotonic() + 20
    while cache.get(f"worker-ping:{token}") is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert cache.get(f"worker-ping:{token}") == "pong"


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_health_check_sees_the_real_broker(client, celery_worker):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"
