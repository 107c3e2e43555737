"""Everything under /api/v1/. Each app keeps its own routes in `<app>/api/urls.py`."""

from django.urls import include, path

# The busiest routes first: Django tries the patterns in order. The representative lookup
# (the legislators' first route), which every supporter's first step and a launch spike hit
# hardest, then signing.
urlpatterns = [
    path("", include("legislators.api.urls")),
    path("", include("petitions.api.urls")),
    path("", include("campaigns.api.urls")),
    path("", include("letters.api.urls")),
    path("", include("staff.api.urls")),
]
