"""The embeddable forms, in English and under /es/ (actioncenter/urls.py's i18n_patterns)."""

from django.urls import path

from embeds import views

app_name = "embeds"

urlpatterns = [
    path("embed/c/<slug:slug>/sign/", views.PetitionEmbedView.as_view(), name="sign"),
    path("embed/c/<slug:slug>/join/", views.SignupEmbedView.as_view(), name="join"),
    path("embed/c/<slug:slug>/updates/", views.UpdatesEmbedView.as_view(), name="updates"),
]
