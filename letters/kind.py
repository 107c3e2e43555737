"""The letter action kind: write to your members of Congress, delivered office by office."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.kinds import ActionKind, Export, Invitation, Progress, register
from campaigns.templating import validate_template
from letters import exports
from letters.forms import TEMPLATE_FIELDS, LetterSetupForm
from letters.models import LetterAction
from letters.recipients import action_reach
from metrics.registry import Metric, declare

METRICS = declare(
    Metric("letters", _("Letters"), charted=True, broken_down=True),
    Metric("letters_personalized", _("Personalized letters")),
    Metric("deliveries_queued", _("Deliveries queued"), group="deliveries"),
    Metric("deliveries_sent", _("Deliveries sent"), group="deliveries"),
    Metric("deliveries_failed", _("Deliveries failed"), group="deliveries"),
    Metric("deliveries_needs_manual", _("Deliveries the writer sends"), group="deliveries"),
    Metric(
        "deliveries_held", _("Deliveries waiting for the setup to be fixed"), group="deliveries"
    ),
    Metric(
        "deliveries_self_reported",
        _("Deliveries the writer says they sent (unconfirmed)"),
        group="deliveries",
    ),
    Metric("offices_reached", _("Offices reached")),
)


def preview_links(letter: LetterAction, urls: dict) -> list[dict]:
    label = _("The letters, filled in for a sample member of Congress (below)")
    return [{"label": label, "url": urls["overview_url"] + "#outreach"}]


def progress(campaign, letter: LetterAction, totals: dict) -> list[Progress]:
    """Letters sent and the offices they reached (never a signature count)."""
    letters, offices = totals.get("letters", 0), totals.get("offices_reached", 0)
    return [
        Progress(
            letters,
            ngettext("letter sent to Congress", "letters sent to Congress", letters),
            _("Letters sent"),
        ),
        Progress(
            offices,
            ngettext("office reached", "offices reached", offices),
            _("Offices reached"),
        ),
    ]


def checks(letter: LetterAction) -> list[str]:
    """A letter can go out when its texts' merge fields are all known and its recipients
    reach someone."""
    problems = []
    for name in TEMPLATE_FIELDS:
        try:
            validate_template(getattr(letter, name))
        except ValidationError as error:
            label = letter._meta.get_field(name).verbose_name
            problems += [f"{label}: {message}" for message in error.messages]
    if not letter.template.strip():
        problems.append(str(_("The letter has no text yet.")))
    return problems + [str(problem) for problem in action_reach(letter).problems]


LETTER = register(
    ActionKind(
        slug="letter",
        metrics=METRICS,
        label=_("Letter to Congress"),
        config_model=LetterAction,
        cta=_("Write to your members of Congress"),
        description=_("Your House member and senators, in a few minutes, with a receipt."),
        order=20,
        url_name="letters:start",
        preview_links=preview_links,
        exports=(
            Export("letters", _("Letters, without their text (CSV)"), exports.letters_table),
            Export("deliveries", _("Deliveries (CSV)"), exports.deliveries_table),
        ),
        invitation=Invitation(
            heading=_("Next: write to Congress"),
            text=_(
                "A letter to your members of Congress takes two minutes and makes a real "
                "difference."
            ),
            button=_("Write to Congress"),
        ),
        demo_share=0.22,
        builder_form=LetterSetupForm,
        checks=checks,
        progress=progress,
    )
)
