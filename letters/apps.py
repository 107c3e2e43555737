from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters to Congress")

    def ready(self):
        from actioncenter.views import HEALTH_CHECKS
        from letters import checks, kind  # noqa: F401 - registers the checks and the kind
        from letters.outbox import held_setups

        HEALTH_CHECKS["deliveries"] = lambda: "held" if held_setups() else "ok"
