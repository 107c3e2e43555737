"""OSDI endpoints under /api/osdi/v1/."""

from django.urls import path, re_path

from integrations.osdi import docs, views
from integrations.osdi.errors import osdi_not_found

app_name = "osdi"

urlpatterns = [
    path("", views.OsdiEntryPointApi.as_view(), name="entry-point"),
    path("petitions", views.OsdiPetitionListApi.as_view(), name="petitions"),
    path("petitions/<int:pk>", views.OsdiPetitionDetailApi.as_view(), name="petition"),
    path(
        "petitions/<int:pk>/signatures",
        views.OsdiSignatureListApi.as_view(),
        name="petition-signatures",
    ),
    path(
        "petitions/<int:pk>/signatures/<int:signature_pk>",
        views.OsdiSignatureDetailApi.as_view(),
        name="signature",
    ),
    path(
        "petitions/<int:pk>/record_signature_helper",
        views.OsdiRecordSignatureHelperApi.as_view(),
        name="record-signature-helper",
    ),
    path(
        "advocacy_campaigns",
        views.OsdiAdvocacyCampaignListApi.as_view(),
        name="advocacy-campaigns",
    ),
    path(
        "advocacy_campaigns/<int:pk>",
        views.OsdiAdvocacyCampaignDetailApi.as_view(),
        name="advocacy-campaign",
    ),
    path(
        "advocacy_campaigns/<int:pk>/outreaches",
        views.OsdiOutreachListApi.as_view(),
        name="advocacy-campaign-outreaches",
    ),
    path(
        "advocacy_campaigns/<int:pk>/record_outreach_helper",
        views.OsdiRecordOutreachHelperApi.as_view(),
        name="record-outreach-helper",
    ),
    path(
        "advocacy_campaigns/<int:pk>/outreaches/<int:outreach_pk>",
        views.OsdiOutreachDetailApi.as_view(),
        name="outreach",
    ),
    path("people", views.OsdiPersonListApi.as_view(), name="people"),
    path("people/<int:pk>", views.OsdiPersonDetailApi.as_view(), name="person"),
    path(
        "people/<int:pk>/signatures",
        views.OsdiPersonSignatureListApi.as_view(),
        name="person-signatures",
    ),
    path(
        "people/<int:pk>/outreaches",
        views.OsdiPersonOutreachListApi.as_view(),
        name="person-outreaches",
    ),
    path("docs/<str:rel>", docs.relation_doc, name="docs"),
    # Last: any other OSDI URL is a 404 in OSDI's format, not the site's HTML page.
    re_path(r"^[\s\S]*$", osdi_not_found),  # a newline in the URL too
]
