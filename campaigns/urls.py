from django.urls import path

from campaigns.views import actions, pages, subscriptions

app_name = "campaigns"

urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("c/<slug:slug>/", pages.CampaignDetailView.as_view(), name="campaign-detail"),
    path("c/<slug:slug>/sign/", actions.PetitionSignView.as_view(), name="petition-sign"),
    path("c/<slug:slug>/thanks/", actions.PetitionThanksView.as_view(), name="petition-thanks"),
    path("c/<slug:slug>/join/", actions.SignupView.as_view(), name="signup"),
    path(
        "c/<slug:slug>/join/organization/",
        actions.OrganizationSignOnView.as_view(),
        name="organization-signon",
    ),
    path("c/<slug:slug>/updates/", actions.UpdatesSubscribeView.as_view(), name="updates"),
    path("c/<slug:slug>/donate/", pages.DonationLeavingView.as_view(), name="donate"),
    path(
        "updates/confirm/<str:token>/",
        subscriptions.SubscriptionConfirmView.as_view(),
        name="subscription-confirm",
    ),
    path(
        "updates/unsubscribe/<str:token>/",
        subscriptions.SubscriptionUnsubscribeView.as_view(),
        name="subscription-unsubscribe",
    ),
]
