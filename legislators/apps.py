from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislatorsConfig(AppConfig):
    name = "legislators"
    verbose_name = _("Legislators")

    def ready(self):
        from actioncenter.views import HEALTH_CHECKS
        from legislators.selectors import legislator_data_status
        from legislators.services.lookup import geocoder_health

        HEALTH_CHECKS["geocoder"] = geocoder_health
        HEALTH_CHECKS["legislator_data"] = legislator_data_status
