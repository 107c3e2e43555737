from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OsdiConfig(AppConfig):
    name = "integrations.osdi"
    label = "osdi"
    verbose_name = _("OSDI for partners")

    def ready(self):
        from actioncenter.api.contract import REFUSALS
        from integrations.osdi.errors import osdi_refusal

        REFUSALS["/api/osdi/"] = osdi_refusal
