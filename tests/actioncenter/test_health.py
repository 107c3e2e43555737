import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client, settings):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["database"] == "ok"
    expected = "ok" if settings.CELERY_BROKER_URL else "in-process"
    assert body["broker"] == expected


@pytest.mark.django_db
def test_healthz_is_degraded_until_the_legislator_data_is_loaded(client):
    from tests.legislators.factories import members_of

    body = client.get("/healthz").json()
    assert (body["status"], body["legislator_data"]) == ("degraded", "not_loaded")
    members_of()
    body = client.get("/healthz").json()
    assert (body["status"], body["legislator_data"]) == ("ok", "ok")


@pytest.mark.django_db
def test_healthz_answers_503_when_the_broker_is_down(client, settings):
    # Nothing listens on port 1: a stopped broker.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "broker": "unreachable",
        "deliveries": "ok",
        "geocoder": "ok",
        "legislator_data": "not_loaded",
    }


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from django.db import OperationalError

    from actioncenter import views

    def broken_cursor():
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
