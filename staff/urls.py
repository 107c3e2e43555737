"""Staff pages under /staff/."""

from django.urls import path
from django.views.generic import RedirectView

from staff.views import auth, builder, dashboard, exports, offices, preview, second_factor

app_name = "staff"

campaign = "campaigns/<slug:slug>/"
office = campaign + "offices/<str:bioguide_id>/"

urlpatterns = [
    path("", dashboard.CampaignListView.as_view(), name="dashboard"),
    path("login/", auth.StaffLoginView.as_view(), name="login"),
    path("logout/", auth.StaffLogoutView.as_view(), name="logout"),
    path("login/code/", second_factor.SecondFactorView.as_view(), name="second-factor"),
    path(
        "login/setup/",
        second_factor.SecondFactorSetupView.as_view(),
        name="second-factor-setup",
    ),
    path("security/", second_factor.SecurityView.as_view(), name="security"),
    path("audit/", dashboard.AuditLogView.as_view(), name="audit-log"),
    path("campaigns/new/", builder.CampaignBuildView.as_view(), name="campaign-new"),
    path(
        "builder/letter-preview/",
        builder.LetterPreviewView.as_view(),
        name="builder-letter-preview",
    ),
    path(campaign, dashboard.CampaignReportView.as_view(), name="campaign"),
    path(campaign + "build/", builder.CampaignBuildView.as_view(), name="campaign-build"),
    path(
        campaign + "status/<slug:status>/",
        builder.CampaignStatusView.as_view(),
        name="campaign-status",
    ),
    path(campaign + "preview/", preview.CampaignPreviewView.as_view(), name="campaign-preview"),
    path(
        campaign + "preview/page/",
        preview.CampaignPagePreviewView.as_view(),
        name="campaign-preview-page",
    ),
    path(
        campaign + "preview/pages/<slug:page>/",
        preview.CampaignFormPreviewView.as_view(),
        name="campaign-preview-form",
    ),
    path(campaign + "offices/", offices.OfficePickView.as_view(), name="office-pick"),
    path(office, offices.OfficeReportView.as_view(), name="office"),
    path(campaign + "export/<slug:name>.csv", exports.CsvExportView.as_view(), name="export"),
    path(
        office + "petition.csv",
        exports.OfficePetitionExportView.as_view(),
        name="export-office-petition",
    ),
    path(office + "petition.pdf", exports.PetitionPdfView.as_view(), name="export-office-pdf"),
    # An address cut short leads to the page it belongs to, never to an error page.
    path("campaigns/", RedirectView.as_view(pattern_name="staff:dashboard")),
    path("builder/", RedirectView.as_view(pattern_name="staff:campaign-new")),
    path(campaign + "status/", RedirectView.as_view(pattern_name="staff:campaign-build")),
    path(campaign + "export/", RedirectView.as_view(pattern_name="staff:campaign")),
    path(campaign + "preview/pages/", RedirectView.as_view(pattern_name="staff:campaign-preview")),
    path("<path:rest>", dashboard.StaffNotFoundView.as_view(), name="not-found"),
]
