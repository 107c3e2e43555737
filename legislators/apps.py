from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislatorsConfig(AppConfig):
    name = "legislators"
    verbose_name = _("Legislators")
