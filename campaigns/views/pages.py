"""Public pages: the home page, a campaign's page and the 'you are leaving' note."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from campaigns.forms import PetitionForm
from campaigns.models import Campaign
from campaigns.selectors import campaign_featured, campaign_get_public, campaign_page_context


def source_code(request) -> str:
    """The ?source= (or ?ref=) code of the link that brought the supporter here."""
    value = request.GET.get("source") or request.GET.get("ref") or ""
    return "".join(ch for ch in value if ch.isalnum() or ch in "-_.")[:64]


def share_links(campaign, request) -> list[dict]:
    """Plain share URLs (no third-party scripts or widgets)."""
    url = settings.SITE_URL + campaign.get_absolute_url()
    text = campaign.title
    return [
        {"label": _("Email"), "url": "mailto:?" + urlencode({"subject": text, "body": url})},
        {
            "label": "Bluesky",
            "url": "https://bsky.app/intent/compose?" + urlencode({"text": f"{text} {url}"}),
        },
        {
            "label": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {"label": "X", "url": "https://x.com/intent/post?" + urlencode({"text": text, "url": url})},
        {"label": "WhatsApp", "url": "https://wa.me/?" + urlencode({"text": f"{text} {url}"})},
    ]


def campaign_page(
    request, campaign, *, form=None, status=200, template="campaigns/detail.html", preview=None
):
    """The campaign page. `preview` (staff only) holds the preview pages' URLs: a draft is then
    shown as it will look once live, and every action link and form points at those pages."""
    context = campaign_page_context(campaign)
    source = source_code(request)
    takes_actions = campaign.accepts_actions or (
        preview is not None and campaign.status == Campaign.Status.DRAFT
    )
    offers_petition = any(card["kind"].slug == "petition" for card in context["cards"])
    if form is None and takes_actions and offers_petition:
        form = PetitionForm(partners=context["cosponsors"], initial={"source": source})
    if preview is not None:
        context["cards"] = [
            {**card, "preview_url": preview["card_urls"].get(card["kind"].slug, "")}
            for card in context["cards"]
        ]
    context.update(
        takes_actions=takes_actions,
        staff_preview=preview,
        petition_form=form,
        source=source,
        share_links=share_links(campaign, request),
        page_url=settings.SITE_URL + campaign.get_absolute_url(),
    )
    return render(request, template, context, status=status)


class HomeView(View):
    def get(self, request):
        campaign = campaign_featured()
        if campaign is None:
            return render(request, "campaigns/home.html", {})
        return campaign_page(request, campaign, template="campaigns/home.html")


class CampaignDetailView(View):
    def get(self, request, slug):
        campaign = campaign_get_public(slug)
        if campaign is None:
            raise Http404
        return campaign_page(request, campaign)


class DonationLeavingView(View):
    """Donations happen elsewhere: say so before sending the supporter there."""

    def get(self, request, slug):
        campaign = campaign_get_public(slug)
        if campaign is None or not campaign.donation_url:
            raise Http404
        return render(request, "campaigns/leaving.html", {"campaign": campaign})
