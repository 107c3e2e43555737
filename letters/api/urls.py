from django.urls import path

from letters.api.views import LetterCreateApi, ReceiptGetApi

urlpatterns = [
    path("campaigns/<slug:slug>/letters", LetterCreateApi.as_view(), name="letters-create"),
    path("receipts/<str:token>", ReceiptGetApi.as_view(), name="receipts-get"),
]
