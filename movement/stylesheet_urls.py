"""The identity's stylesheet, mounted at /identity.css without a language prefix (every
page of every language links the same one)."""

from django.urls import path

from movement.views import identity_stylesheet

urlpatterns = [
    path("", identity_stylesheet, name="movement-stylesheet"),
]
