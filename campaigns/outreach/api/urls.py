from django.urls import path

from campaigns.outreach.api.views import LetterCreateApi, ReceiptGetApi

urlpatterns = [
    path("campaigns/<slug:slug>/letters", LetterCreateApi.as_view(), name="outreach-letter-create"),
    path("receipts/<str:token>", ReceiptGetApi.as_view(), name="outreach-receipt-get"),
]
