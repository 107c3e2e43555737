from django.urls import path

from images import views

app_name = "images"

urlpatterns = [
    path("<path:path>", views.media, name="media"),
]
