from django.urls import path

from campaigns.outreach import views

app_name = "outreach"

urlpatterns = [
    path("c/<slug:slug>/letter/", views.LetterStartView.as_view(), name="letter-start"),
    path(
        "c/<slug:slug>/letter/write/",
        views.LetterWriteView.as_view(),
        name="letter-write",
    ),
    path("c/<slug:slug>/letter/send/", views.LetterSendView.as_view(), name="letter-send"),
    path("letters/receipt/<str:token>/", views.ReceiptView.as_view(), name="receipt"),
    path("letters/receipt/<str:token>/status", views.receipt_status, name="receipt-status"),
    path("c/<slug:slug>/call/", views.CallView.as_view(), name="call"),
]
