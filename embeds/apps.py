from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedsConfig(AppConfig):
    name = "embeds"
    verbose_name = _("Partner embeds")

    def ready(self):
        from embeds import checks  # noqa: F401 - registers the check of EMBED_PARTNERS
