from django.urls import path

from movement import feeds, views

app_name = "movement"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("latest/", views.LatestListView.as_view(), name="latest"),
    path("latest/feed/", feeds.LatestFeed(), name="latest-feed"),
    path("latest/<slug:slug>/", views.NewsPostDetailView.as_view(), name="news-detail"),
    path("research/", views.LibraryView.as_view(), name="library"),
    path("donate/", views.DonateView.as_view(), name="donate"),
]
