"""Everything under /api/v1/. Each app keeps its own routes in `<app>/api/urls.py`."""

from django.urls import include, path

# The busiest routes (signing) first: Django tries the patterns in order.
urlpatterns = [
    path("", include("petitions.api.urls")),
    path("", include("campaigns.api.urls")),
    path("", include("legislators.api.urls")),
    path("", include("letters.api.urls")),
    path("", include("staff.api.urls")),
]
