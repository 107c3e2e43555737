from django.urls import path

from legislators.api import views

lookup_route = path(
    "representatives", views.RepresentativesLookupApi.as_view(), name="api-representatives"
)

urlpatterns = [
    path("legislators", views.LegislatorListApi.as_view(), name="api-legislator-list"),
    path(
        "legislators/<str:bioguide_id>",
        views.LegislatorDetailApi.as_view(),
        name="api-legislator-detail",
    ),
]
