"""The real routes plus a bare view that inserts one row (the signing benchmark's baseline)."""

import json

from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from actioncenter.urls import handler404, handler500
from actioncenter.urls import urlpatterns as project_urlpatterns

BASELINE_TABLE = "bench_baseline_row"


@csrf_exempt
def baseline_insert(request):
    """Parse the same JSON body and insert one row: the least a signing endpoint must do."""
    data = json.loads(request.body or b"{}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BASELINE_TABLE} (email, first_name, zip_code) "  # noqa: S608
            "VALUES (%s, %s, %s)",
            [data.get("email", ""), data.get("first_name", ""), data.get("zip_code", "")],
        )
    return JsonResponse({"status": "ok"}, status=201)


urlpatterns = [
    path("bench/baseline-insert", baseline_insert),
    *project_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
