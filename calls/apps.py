from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Calls to Congress")

    def ready(self):
        from calls import kind  # noqa: F401 - registers the call action kind
