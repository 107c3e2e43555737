from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "campaigns.outreach"
    label = "outreach"
    verbose_name = _("Letters and calls to Congress")

    def ready(self):
        from campaigns.outreach import actions  # noqa: F401 - registers "letter" and "call"
