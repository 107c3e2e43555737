from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("c/<slug:slug>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("c/<slug:slug>/donate/", views.DonationLeavingView.as_view(), name="donate"),
]
