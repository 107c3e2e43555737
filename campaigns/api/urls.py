from django.urls import path

from campaigns.api import views

urlpatterns = [
    path("campaigns", views.CampaignListApi.as_view(), name="campaigns-list"),
    path("campaigns/<slug:slug>", views.CampaignDetailApi.as_view(), name="campaigns-detail"),
    path(
        "campaigns/<slug:slug>/totals", views.CampaignTotalsApi.as_view(), name="campaigns-totals"
    ),
]
