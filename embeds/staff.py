"""The staff page listing, for each allowed partner, the frame it pastes into its site."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from actioncenter.siteurl import site_url
from campaigns import kinds
from campaigns.models import Campaign
from embeds.partners import embed_partners
from embeds.views import EmbedMixin, PetitionEmbedView, SignupEmbedView, UpdatesEmbedView
from staff.permissions import DashboardAccessMixin


@dataclass(frozen=True)
class Embeddable:
    view: type[EmbedMixin]
    label: str
    height: int  # px: the whole form in a frame as wide as a phone, errors aside

    @property
    def name(self) -> str:
        return self.view.form_name


EMBEDDABLE = (
    Embeddable(PetitionEmbedView, _("Sign the petition"), 1100),
    Embeddable(SignupEmbedView, _("Join the movement"), 800),
    Embeddable(UpdatesEmbedView, _("Stay up to date"), 620),
)


def embeddable_for(campaign) -> list[Embeddable]:
    offered = dict(kinds.offered(campaign))
    return [item for item in EMBEDDABLE if item.view.kind is None or item.view.kind in offered]


def snippet(campaign, item: Embeddable, source: str, language: str) -> dict:
    with translation.override(language):
        path = reverse(f"embeds:{item.name}", args=[campaign.slug])
        title = f"{item.label}: {campaign.localized.title}"
    url = f"{site_url()}{path}?{urlencode({'source': source})}"
    # Plain text (escaped once more where it is shown), for the partner to copy as it is.
    code = (
        f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" '
        f'height="{item.height}" loading="lazy" style="border:0;max-width:40rem"></iframe>'
    )
    return {"url": url, "code": code, "id": slugify(f"snippet-{source}-{item.name}-{language}")}


class EmbedSnippetsView(DashboardAccessMixin, TemplateView):
    template_name = "embeds/staff_snippets.html"

    def get_context_data(self, **kwargs):
        campaign = get_object_or_404(Campaign, slug=self.kwargs["slug"])
        items = embeddable_for(campaign)
        partners = [
            {
                "partner": partner,
                "forms": [
                    {
                        "item": item,
                        "snippets": [
                            {"language": label, **snippet(campaign, item, partner.source, code)}
                            for code, label in settings.LANGUAGES
                        ],
                    }
                    for item in items
                ],
            }
            for partner in embed_partners().values()
        ]
        return super().get_context_data(campaign=campaign, partners=partners, **kwargs)
