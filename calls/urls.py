from django.urls import path

from calls import views

app_name = "calls"

urlpatterns = [
    path("c/<slug:slug>/call/", views.CallView.as_view(), name="call"),
]
