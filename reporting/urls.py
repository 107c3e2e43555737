"""Staff pages under /staff/."""

from django.urls import path

from reporting.views import auth, dashboard, exports, offices, preview

app_name = "reporting"

campaign = "campaigns/<slug:slug>/"
office = campaign + "offices/<str:bioguide_id>/"

urlpatterns = [
    path("", dashboard.CampaignListView.as_view(), name="dashboard"),
    path("login/", auth.StaffLoginView.as_view(), name="login"),
    path("logout/", auth.StaffLogoutView.as_view(), name="logout"),
    path("audit/", dashboard.AuditLogView.as_view(), name="audit-log"),
    path(campaign, dashboard.CampaignReportView.as_view(), name="campaign"),
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
    path(
        campaign + "export/signatures.csv",
        exports.SignatureExportView.as_view(),
        name="export-signatures",
    ),
    path(
        campaign + "export/letters.csv", exports.LetterExportView.as_view(), name="export-letters"
    ),
    path(
        campaign + "export/deliveries.csv",
        exports.DeliveryExportView.as_view(),
        name="export-deliveries",
    ),
    path(
        campaign + "export/supporters.csv",
        exports.SupporterExportView.as_view(),
        name="export-supporters",
    ),
    path(
        campaign + "export/petition-delivery.csv",
        exports.PetitionDeliveryExportView.as_view(),
        name="export-petition-delivery",
    ),
    path(
        office + "petition.csv",
        exports.PetitionDeliveryExportView.as_view(),
        name="export-office-petition",
    ),
    path(office + "petition.pdf", exports.PetitionPdfView.as_view(), name="export-office-pdf"),
]
