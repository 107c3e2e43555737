from django.urls import path

from signups import views

app_name = "signups"

urlpatterns = [
    path("c/<slug:slug>/join/", views.SignupView.as_view(), name="join"),
    path(
        "c/<slug:slug>/join/organization/",
        views.OrganizationSignOnView.as_view(),
        name="organization",
    ),
    path("c/<slug:slug>/updates/", views.UpdatesSubscribeView.as_view(), name="updates"),
    path(
        "updates/confirm/<str:token>/",
        views.SubscriptionConfirmView.as_view(),
        name="subscription-confirm",
    ),
    path(
        "updates/unsubscribe/<str:token>/",
        views.SubscriptionUnsubscribeView.as_view(),
        name="subscription-unsubscribe",
    ),
]
