"""The project's routes plus a bare JSON view, the baseline of bench_representatives_api.py."""

from django.http import JsonResponse
from django.urls import include, path


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/bare", bare),
    path("", include("actioncenter.urls")),
]
