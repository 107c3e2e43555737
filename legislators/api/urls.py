from django.urls import path

from legislators.api import views

urlpatterns = [
    # First: the busiest route of the API (see actioncenter/api_urls.py).
    path("representatives", views.RepresentativesLookupApi.as_view(), name="api-representatives"),
    path("legislators", views.LegislatorListApi.as_view(), name="api-legislator-list"),
    path(
        "legislators/<str:bioguide_id>",
        views.LegislatorDetailApi.as_view(),
        name="api-legislator-detail",
    ),
]
