"""The petition action kind: sign with name, email and ZIP code; counts "signatures"."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from campaigns.kinds import ActionKind, Export, Progress, register
from metrics.registry import Metric, declare
from petitions import exports
from petitions.admin import PetitionInline
from petitions.forms import PetitionForm, PetitionSetupForm
from petitions.models import Petition
from petitions.selectors import recent_signers

METRICS = declare(Metric("signatures", _("Signatures"), charted=True, broken_down=True))


def page_context(campaign, petition: Petition, page) -> dict:
    """The petition section (text and form), the progress toward the goal, recent signers."""
    signatures = page.totals.get("signatures", 0)
    form = page.bound_form
    if form is None and page.takes_actions:
        form = PetitionForm(partners=page.cosponsors, initial={"source": page.source})
    return {
        "petition": petition,
        "petition_form": form,
        "signatures": signatures,
        "goal": campaign.goal,
        "progress_max": max(campaign.goal, signatures, 1),
        "recent_signers": recent_signers(campaign) if petition.show_recent_signers else [],
    }


def preview_links(petition: Petition, urls: dict) -> list[dict]:
    label = _("The petition form on the campaign page")
    return [{"label": label, "url": urls["page_url"] + "#petition"}]


def progress(campaign, petition: Petition, totals: dict) -> list[Progress]:
    """Signatures, toward the campaign's goal when it has one."""
    signatures = totals.get("signatures", 0)
    label = npgettext("petition progress", "signature", "signatures", signatures)
    return [Progress(signatures, label, _("Signatures"), goal=campaign.goal)]


def checks(petition: Petition) -> list[str]:
    return [] if petition.text.strip() else [str(_("The petition has no text yet."))]


PETITION = register(
    ActionKind(
        slug="petition",
        metrics=METRICS,
        label=_("Petition"),
        config_model=Petition,
        cta=_("Sign the petition"),
        description=_("Add your name and tell Congress where you stand."),
        order=10,
        anchor="petition",
        page_context=page_context,
        preview_links=preview_links,
        exports=(
            Export("signatures", _("Signatures (CSV)"), exports.signatures_table),
            Export(
                "petition-delivery",
                _("Petition delivery: signatures by the legislator of the signers (CSV)"),
                exports.petition_delivery_table,
            ),
        ),
        demo_share=0.62,
        admin_inline=PetitionInline,
        builder_form=PetitionSetupForm,
        checks=checks,
        progress=progress,
    )
)
