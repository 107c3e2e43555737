from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from actioncenter import views

# Django tries the patterns in order and every miss costs time, so the API, whose partners
# post to it the most, comes first; no page route starts with "api/".
urlpatterns = [
    path("api/v1/", include("actioncenter.api_urls")),
]

# The public pages, in English at their plain URLs and in Spanish under /es/: the language
# lives in the URL, so a visitor's choice needs no cookie and every link keeps it.
# Everything below them has no language prefix (actioncenter.languages.UNPREFIXED_PATHS).
urlpatterns += i18n_patterns(
    path("", include("movement.urls")),
    path("", include("campaigns.urls")),
    path("", include("petitions.urls")),
    path("", include("letters.urls")),
    path("", include("calls.urls")),
    path("", include("signups.urls")),
    path("", include("embeds.urls")),
    path("", include("legislators.urls")),
    path("safety/", views.SafetyView.as_view(), name="safety"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    prefix_default_language=False,
)

urlpatterns += [
    path("healthz", views.healthz, name="healthz"),
    # Browsers and feed readers ask for /favicon.ico whatever the page's own link says.
    path("favicon.ico", views.favicon),
    # The movement's colours (movement.identity), one stylesheet for every language.
    path("identity.css", include("movement.stylesheet_urls")),
    path("quick-exit/end", views.quick_exit_end, name="quick-exit-end"),
    path("api/osdi/v1/", include("integrations.osdi.urls")),
    path("staff/", include("embeds.staff_urls")),
    path("staff/", include("staff.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]

# Uploaded images and documents, served by the site itself from whichever storage keeps
# them, in production too (images.views).
urlpatterns += [path(settings.MEDIA_URL.lstrip("/"), include("images.urls"))]

handler404 = "actioncenter.views.page_not_found"
handler500 = "actioncenter.views.server_error"
