from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("c/<slug:slug>/letter/", views.LetterStartView.as_view(), name="start"),
    path("c/<slug:slug>/letter/write/", views.LetterWriteView.as_view(), name="write"),
    path("c/<slug:slug>/letter/send/", views.LetterSendView.as_view(), name="send"),
    path("letters/receipt/<str:token>/", views.ReceiptView.as_view(), name="receipt"),
    path("letters/receipt/<str:token>/status", views.receipt_status, name="receipt-status"),
    path(
        "letters/receipt/<str:token>/house-member",
        views.ReceiptHouseMemberView.as_view(),
        name="receipt-house-member",
    ),
]
