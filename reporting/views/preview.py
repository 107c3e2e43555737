"""Organizer tools: see a campaign as a supporter would before publishing it."""

from __future__ import annotations

from django.apps import apps
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from campaigns.views.pages import campaign_page
from legislators.models import Legislator
from reporting.permissions import StaffPermissionMixin

PREVIEW_PERMISSION = "campaigns.change_campaign"


class CampaignPreviewView(StaffPermissionMixin, TemplateView):
    """The campaign (any status) with its letters and call script for a sample legislator."""

    template_name = "reporting/preview.html"
    permission_required = PREVIEW_PERMISSION

    def get_context_data(self, **kwargs):
        campaign = get_object_or_404(Campaign, slug=self.kwargs["slug"])
        members = Legislator.objects.filter(is_current=True).order_by(
            "state", "-chamber", "district", "last_name"
        )
        chosen = self.request.GET.get("legislator", "")
        legislator = members.filter(bioguide_id=chosen).first() or members.first()
        return super().get_context_data(
            campaign=campaign,
            legislators=members,
            legislator=legislator,
            texts=outreach_previews(campaign, legislator),
            **kwargs,
        )


def outreach_previews(campaign, legislator) -> list[dict]:
    """Each letter variant and the call script, filled in for `legislator` and a sample sender."""
    if legislator is None or not apps.is_installed("campaigns.outreach"):
        return []
    from campaigns.outreach.models import CallAction, LetterAction
    from campaigns.outreach.offices import legislator_values, supporter_values
    from campaigns.outreach.templating import render_text

    values = {
        **supporter_values(
            first_name=_("[first name]"),
            last_name=_("[last name]"),
            city=_("[city]"),
            state=legislator.state,
        ),
        **legislator_values(legislator),
    }
    texts = []
    letter = LetterAction.objects.filter(campaign=campaign).first()
    if letter is not None:
        variants = [
            (_("Letter"), letter.template),
            (_("Letter to members who support"), letter.template_supporting),
            (_("Letter to members who oppose"), letter.template_opposing),
        ]
        for label, template in variants:
            if template.strip():
                texts.append({"label": label, "subject": letter.subject,
                              "text": render_text(template, values)})  # fmt: skip
    call = CallAction.objects.filter(campaign=campaign).first()
    if call is not None:
        texts.append(
            {"label": _("Call script"), "subject": "", "text": render_text(call.script, values)}
        )
    return texts


class CampaignPagePreviewView(StaffPermissionMixin, View):
    """The public campaign page exactly as supporters will see it, also while a draft."""

    permission_required = PREVIEW_PERMISSION

    def get(self, request, slug):
        campaign = get_object_or_404(Campaign, slug=slug)
        response = campaign_page(request, campaign)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
