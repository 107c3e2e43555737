"""What actioncenter.fastpaths relies on in Django, DRF and psycopg, checked loudly.

Each test names the trick it guards. When one fails after an upgrade, read the trick's
entry in docs/performance.md: it says what it buys and how to remove it.
"""

import inspect
import threading

import django
import psycopg
import pytest
import rest_framework
from django.db import connection
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from actioncenter import fastpaths
from campaigns.models import Supporter


def test_versions_are_the_ones_the_tricks_were_written_for():
    assert django.VERSION[:2] == (5, 2)
    assert rest_framework.VERSION.split(".")[0] == "3"
    assert psycopg.__version__.split(".")[0] == "3"


def test_django_skips_its_health_check_once_marked_done():
    """Skipping the per-request `SELECT 1` sets `health_check_done`; Django must read it."""
    from django.db import connections
    from django.db.backends.base.base import BaseDatabaseWrapper

    source = inspect.getsource(BaseDatabaseWrapper.close_if_health_check_failed)
    assert "health_check_done" in source
    assert hasattr(connections["default"], "health_check_done")


@pytest.mark.django_db
def test_prepared_statements_run_on_one_cursor_kept_per_connection():
    sql = "SELECT %s::int + 1"
    assert fastpaths.execute_prepared(sql, [1]) == [(2,)]
    first = connection._actioncenter_prepared_cursor
    assert fastpaths.execute_prepared(sql, [41]) == [(42,)]
    assert connection._actioncenter_prepared_cursor is first
    assert isinstance(first, psycopg.Cursor) and first.connection is connection.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql")
        assert cursor.fetchone()[0] >= 1  # planned once, on the server


def test_a_lost_connection_is_recognised_from_psycopgs_own_flags():
    """`_connection_lost` reads psycopg's `closed` and `broken` attributes."""
    assert {"closed", "broken"} <= {name for name, _ in inspect.getmembers(psycopg.Connection)}


@pytest.mark.django_db
def test_instances_from_rows_equal_what_the_orm_builds():
    from actioncenter.db.statements import returning

    supporter = Supporter.objects.create(email="a@example.org", first_name="Ana")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {returning(Supporter)} FROM campaigns_supporter WHERE id = %s",  # noqa: S608
            [supporter.pk],
        )
        built = fastpaths.instance_from_row(Supporter, cursor.fetchone())
    fetched = Supporter.objects.get(pk=supporter.pk)
    fields = [field.attname for field in Supporter._meta.concrete_fields]
    assert [getattr(built, name) for name in fields] == [getattr(fetched, name) for name in fields]
    assert not built._state.adding


class _Input(fastpaths.FieldsBuiltOncePerThread, serializers.Serializer):
    name = serializers.CharField(max_length=5)


def test_input_fields_are_built_once_per_thread_and_still_validate():
    """DRF builds fields in `get_fields` and binds them through `BindingDict`."""
    assert "get_fields" in vars(serializers.Serializer)
    first, second = _Input(data={"name": "Ana"}), _Input(data={"name": "x" * 6})
    assert first.fields is second.fields
    assert first.is_valid() and not second.is_valid()
    assert "name" in second.errors
    other_thread = []
    thread = threading.Thread(target=lambda: other_thread.append(_Input().fields))
    thread.start()
    thread.join()
    assert other_thread[0] is not first.fields


def test_the_usual_json_request_is_negotiated_as_drf_would():
    parameters = inspect.signature(DefaultContentNegotiation.select_renderer).parameters
    assert list(parameters) == ["self", "request", "renderers", "format_suffix"]
    request = Request(APIRequestFactory().post("/", {}, format="json", HTTP_ACCEPT="*/*"))
    negotiation = fastpaths.UsualRequestNegotiation()
    renderer, media_type = negotiation.select_renderer(request, [JSONRenderer()])
    assert isinstance(renderer, JSONRenderer) and media_type == "application/json"
    parser = negotiation.select_parser(request, [fastpaths.BodyJSONParser()])
    assert isinstance(parser, fastpaths.BodyJSONParser)


def test_a_shortcut_view_keeps_what_django_and_spectacular_read_from_drfs_view():
    from django.http import HttpResponse
    from rest_framework.views import APIView

    class Echo(APIView):
        authentication_classes: list = []
        permission_classes: list = []

        def get(self, request):
            return HttpResponse(b"view")

    view = fastpaths.view_with_shortcut(
        Echo.as_view(), lambda request: HttpResponse(b"shortcut") if request.GET else None
    )
    assert (view.cls, view.initkwargs, view.csrf_exempt) == (Echo, {}, True)
    factory = APIRequestFactory()
    assert view(factory.get("/echo", {"quick": "1"})).content == b"shortcut"
    assert view(factory.get("/echo")).content == b"view"
