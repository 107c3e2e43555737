"""The call action kind: call your members of Congress with a script."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from calls.forms import CallSetupForm
from calls.models import CallAction
from campaigns.kinds import ActionKind, Progress, register
from campaigns.templating import validate_template
from metrics.registry import Metric, declare

METRICS = declare(
    Metric("calls", _("Calls"), charted=True, broken_down=True),
    Metric("calls_reached", _("Calls that reached a staff member"), group="calls"),
    Metric("calls_voicemail", _("Calls that left a voicemail"), group="calls"),
    Metric("calls_busy", _("Calls that found the line busy"), group="calls"),
)


def preview_links(call: CallAction, urls: dict) -> list[dict]:
    label = _("The call script, filled in for a sample member of Congress (below)")
    return [{"label": label, "url": urls["overview_url"] + "#outreach"}]


def progress(campaign, call: CallAction, totals: dict) -> list[Progress]:
    calls = totals.get("calls", 0)
    return [Progress(calls, ngettext("call made", "calls made", calls), _("Calls made"))]


def checks(call: CallAction) -> list[str]:
    problems = [] if call.script.strip() else [str(_("The call script is empty."))]
    for name in ("script", "script_es"):
        try:
            validate_template(getattr(call, name))
        except ValidationError as error:
            label = call._meta.get_field(name).verbose_name
            problems += [f"{label}: {message}" for message in error.messages]
    return problems


CALL = register(
    ActionKind(
        slug="call",
        metrics=METRICS,
        label=_("Call Congress"),
        config_model=CallAction,
        cta=_("Call your members of Congress"),
        description=_("A short script and their phone numbers; only your ZIP code is needed."),
        order=30,
        url_name="calls:call",
        preview_links=preview_links,
        demo_share=0.1,
        builder_form=CallSetupForm,
        checks=checks,
        progress=progress,
    )
)
