"""The project's routes plus a bare JSON view, the baseline of bench_representatives_api.py."""

from django.http import JsonResponse
from django.urls import path

from actioncenter.urls import handler404, handler500
from actioncenter.urls import urlpatterns as project_urlpatterns


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/bare", bare),
    *project_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
