from django.urls import path

from petitions import views

app_name = "petitions"

urlpatterns = [
    path("c/<slug:slug>/sign/", views.PetitionSignView.as_view(), name="sign"),
    path("c/<slug:slug>/thanks/", views.PetitionThanksView.as_view(), name="thanks"),
]
