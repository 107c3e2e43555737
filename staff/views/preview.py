"""Organizer tools: see a campaign as a supporter would before publishing it.

Every preview view answers GET only: the forms shown post back to the preview page they are
on, which refuses the POST (405), so nothing is submitted or counted from a preview.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from calls.models import CallAction
from campaigns import kinds
from campaigns.localized import TRANSLATIONS
from campaigns.models import Campaign
from campaigns.templating import render_text, supporter_values
from campaigns.views import campaign_page
from legislators.models import Legislator
from legislators.offices import legislator_values
from letters.models import LetterAction
from letters.recipients import action_reach
from signups.forms import OrganizationSignOnForm, SignupForm, UpdatesForm
from staff.permissions import StaffPermissionMixin
from staff.roles import PREVIEW_CAMPAIGN

# The supporter pages besides the campaign page: {name: (template, form class or None)}.
PREVIEW_PAGES = {
    "join": ("signups/signup.html", SignupForm),
    "organization": ("signups/organization_signon.html", OrganizationSignOnForm),
    "updates": ("signups/updates.html", UpdatesForm),
    "donate": ("campaigns/leaving.html", None),
}


def preview_urls(campaign, *, form_action: str) -> dict:
    """Where the preview's links and forms go instead of the live pages."""
    slug = campaign.slug
    pages = {
        name: reverse("staff:campaign-preview-form", args=[slug, name]) for name in PREVIEW_PAGES
    }
    return {
        "overview_url": reverse("staff:campaign-preview", args=[slug]),
        "page_url": reverse("staff:campaign-preview-page", args=[slug]),
        "form_action": form_action,
        "join_url": pages["join"],
        "organization_url": pages["organization"],
        "updates_url": pages["updates"],
        "donate_url": pages["donate"],
    }


def preview_pages(campaign, urls: dict) -> list[dict]:
    """Links to the supporter pages of each action kind the campaign offers."""
    entries = []
    for kind, config in kinds.offered(campaign):
        links = kind.preview_links(config, urls) if kind.preview_links else []
        entries.append({"label": kind.label, "links": [link for link in links if link["url"]]})
    return entries


class PreviewMixin(StaffPermissionMixin):
    permission_required = PREVIEW_CAMPAIGN
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class CampaignPreviewView(PreviewMixin, TemplateView):
    """The campaign (any status): links to each supporter page, and its letters and call
    script for a sample legislator."""

    template_name = "staff/preview.html"

    def get_context_data(self, **kwargs):
        campaign = get_object_or_404(Campaign, slug=self.kwargs["slug"])
        members = Legislator.objects.filter(is_current=True).order_by(
            "state", "-chamber", "district", "last_name"
        )
        chosen = self.request.GET.get("legislator", "")
        legislator = members.filter(bioguide_id=chosen).first() or _first_reached(campaign)
        legislator = legislator or members.first()
        urls = preview_urls(campaign, form_action=self.request.path)
        return super().get_context_data(
            campaign=campaign,
            urls=urls,
            pages=preview_pages(campaign, urls),
            legislators=members,
            legislator=legislator,
            texts=outreach_previews(campaign, legislator),
            **kwargs,
        )


def _first_reached(campaign):
    """A member the campaign's letter can reach (letters.recipients), shown by default."""
    letter = LetterAction.objects.filter(campaign=campaign).select_related("committee").first()
    if letter is None or letter.targets == LetterAction.Targets.OWN_MEMBERS:
        return None  # every member can be reached: the list's first
    reached = action_reach(letter).legislators
    return reached[0] if reached else None


def outreach_previews(campaign, legislator) -> list[dict]:
    """Each letter variant and the call script, filled in for `legislator` and a sample
    sender, in the campaign's language and in each translation it has begun."""
    if legislator is None:
        return []
    letter = LetterAction.objects.filter(campaign=campaign).select_related("campaign").first()
    call = CallAction.objects.filter(campaign=campaign).select_related("campaign").first()
    rows = [row for row in (letter, call) if row is not None]
    languages = [campaign.language] + [
        code
        for code in TRANSLATIONS
        if code != campaign.language
        and any(getattr(row, f"{name}_{code}") for row in rows for name in row.TRANSLATED_FIELDS)
    ]
    texts = []
    for language in languages:
        texts += _outreach_texts(letter, call, legislator, language, len(languages) > 1)
    return texts


def _version(row, name: str, language: str) -> str:
    """A text's version in `language`, published or not: staff see it before supporters."""
    campaign = row.content_campaign
    return getattr(row, name if language == campaign.language else f"{name}_{language}")


def _outreach_texts(letter, call, legislator, language: str, named: bool) -> list[dict]:
    """The texts as offices receive them from a writer in `language` (titles included)."""
    with translation.override(language):  # what the offices receive
        office = legislator_values(legislator)
    values = {
        **supporter_values(
            first_name=_("[first name]"),
            last_name=_("[last name]"),
            city=_("[city]"),
            state=legislator.state,
        ),
        **office,
    }
    suffix = f" · {translation.get_language_info(language)['name_translated']}" if named else ""
    texts = []
    if letter is not None:
        variants = [
            (_("Letter"), "template"),
            (_("Letter to members who support"), "template_supporting"),
            (_("Letter to members who oppose"), "template_opposing"),
        ]
        for label, name in variants:
            template = _version(letter, name, language)
            if template.strip():
                text = render_text(template, values)
                subject = _version(letter, "subject", language)
                texts.append(
                    {"label": label + suffix, "subject": subject, "text": text, "lang": language}
                )
    script = _version(call, "script", language) if call is not None else ""
    if script.strip():
        text = render_text(script, values)
        texts.append(
            {"label": _("Call script") + suffix, "subject": "", "text": text, "lang": language}
        )
    return texts


class CampaignPagePreviewView(PreviewMixin, View):
    """The public campaign page as supporters will see it; a draft as it will be once live."""

    def get(self, request, slug):
        campaign = get_object_or_404(Campaign, slug=slug)
        return campaign_page(
            request, campaign, preview=preview_urls(campaign, form_action=request.path)
        )


class CampaignFormPreviewView(PreviewMixin, View):
    """A supporter page reached from the campaign page (join, sign on, updates, donate)."""

    def get(self, request, slug, page):
        if page not in PREVIEW_PAGES:
            raise Http404
        campaign = get_object_or_404(Campaign, slug=slug)
        if page == "donate" and not campaign.donation_url:
            raise Http404
        template, form_class = PREVIEW_PAGES[page]
        context = {
            "campaign": campaign,
            "form": form_class() if form_class else None,
            "source": "",
            "staff_preview": preview_urls(campaign, form_action=request.path),
        }
        return render(request, template, context)
