"""The private staff API, under /api/v1/staff/."""

from django.urls import path

from staff.api import views

urlpatterns = [
    path("staff/totals/", views.TotalsApi.as_view(), name="staff-totals"),
    path("staff/supporters/", views.SupporterListApi.as_view(), name="staff-supporters"),
    path("staff/signatures/", views.SignatureListApi.as_view(), name="staff-signatures"),
    path("staff/letters/", views.LetterListApi.as_view(), name="staff-letters"),
    path("staff/deliveries/", views.DeliveryListApi.as_view(), name="staff-deliveries"),
]
