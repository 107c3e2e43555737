"""The letter action kind: write to your members of Congress, delivered office by office."""

from django.utils.translation import gettext_lazy as _

from campaigns.kinds import ActionKind, Export, Invitation, register
from letters import exports
from letters.models import LetterAction
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
    )
)
