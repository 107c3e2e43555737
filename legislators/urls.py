from django.urls import path

from legislators import views

app_name = "legislators"

urlpatterns = [
    path("representatives/", views.RepresentativesFindView.as_view(), name="find"),
    path("legislators/", views.LegislatorListView.as_view(), name="legislator-list"),
    path(
        "legislators/<str:bioguide_id>/",
        views.LegislatorDetailView.as_view(),
        name="legislator-detail",
    ),
]
