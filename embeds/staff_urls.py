"""The staff page with a campaign's embed snippets, beside the campaign's report."""

from django.urls import path

from embeds import staff

app_name = "staff-embeds"

urlpatterns = [
    path("campaigns/<slug:slug>/embed/", staff.EmbedSnippetsView.as_view(), name="snippets"),
]
