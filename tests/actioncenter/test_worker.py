"""The production-like pass: a real broker and a real worker process."""

import pytest

from actioncenter.tasks import ping


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_a_task_round_trips_through_the_broker_and_a_real_worker(celery_worker):
    result = ping.apply_async(ignore_result=False)
    assert result.get(timeout=20) == "pong"


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_health_check_sees_the_real_broker(client, celery_worker):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"
