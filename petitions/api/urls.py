from django.urls import path

from petitions.api import views

urlpatterns = [
    path(
        "campaigns/<slug:slug>/signatures",
        views.SignatureCreateApi.as_view(),
        name="campaigns-signatures",
    ),
]
