from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("c/<slug:slug>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("c/<slug:slug>/donate/", views.DonationLeavingView.as_view(), name="donate"),
]
