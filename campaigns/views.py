"""Public pages: a campaign's page and the 'you are leaving' note."""

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from actioncenter.exceptions import ApplicationError
from actioncenter.siteurl import site_url
from campaigns.kinds import ActionKind
from campaigns.models import Campaign
from campaigns.selectors import campaign_get_public, campaign_page_context


def source_code(request) -> str:
    """The ?source= (or ?ref=) code of the link that brought the supporter here."""
    return clean_source(request.GET.get("source") or request.GET.get("ref") or "")


def campaign_or_404(slug):
    campaign = campaign_get_public(slug)
    if campaign is None:
        raise Http404
    return campaign


def action_source(request) -> str:
    """The source code of a submission: from the link that brought the supporter, or the form."""
    return source_code(request) or clean_source(request.POST.get("source", ""))


def clean_source(value: str) -> str:
    """A source code as stored: letters, digits, "-", "_" and "." only, at most 64."""
    return "".join(ch for ch in (value or "") if ch.isalnum() or ch in "-_.")[:64]


def action_refused(request, error: ApplicationError, campaign=None):
    if error.status == 429:
        return render(request, "429.html", {"message": error.message}, status=429)
    context = {"campaign": campaign, "message": error.message}
    return render(request, "campaigns/action_refused.html", context, status=error.status)


def share_links(campaign, request) -> list[dict]:
    """Plain share URLs (no third-party scripts or widgets)."""
    url = site_url() + campaign.get_absolute_url()
    text = campaign.localized.title
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


@dataclass(frozen=True)
class CampaignPage:
    """What a campaign page knows of the visit, for the kinds' page_context hooks."""

    source: str  # the source code the visit came with
    takes_actions: bool
    cosponsors: list
    totals: dict
    bound_form: Any = None  # a form the supporter just sent back with errors, if any
    preview: dict | None = None


def campaign_page(
    request,
    campaign,
    *,
    bound: tuple[ActionKind, Any] | None = None,
    status=200,
    template="campaigns/detail.html",
    preview=None,
):
    """The campaign page. `bound` is (kind, form) when the supporter sent that kind's form back
    with errors. `preview` (staff only) holds the preview pages' URLs: a draft is then shown as
    it will look once live, and every action link and form points at those pages."""
    context = campaign_page_context(campaign)
    page = CampaignPage(
        source=source_code(request),
        takes_actions=campaign.accepts_actions
        or (preview is not None and campaign.status == Campaign.Status.DRAFT),
        cosponsors=context["cosponsors"],
        totals=context["totals"],
        preview=preview,
    )
    for card in context["cards"]:
        kind = card["kind"]
        form = bound[1] if bound is not None and bound[0] is kind else None
        if kind.page_context is not None:
            context.update(
                kind.page_context(campaign, card["config"], replace(page, bound_form=form))
            )
        card["url"] = _card_url(kind, card["config"], campaign, page)
    context.update(
        takes_actions=page.takes_actions,
        staff_preview=preview,
        source=page.source,
        share_links=share_links(campaign, request),
        page_url=site_url() + campaign.get_absolute_url(),
    )
    return render(request, template, context, status=status)


def _card_url(kind: ActionKind, config, campaign, page: CampaignPage) -> str:
    """Where a card's button leads: the kind's page (with the visit's source code), or in a
    staff preview the first of its preview links."""
    if page.preview is not None:
        links = kind.preview_links(config, page.preview) if kind.preview_links else []
        return links[0]["url"] if links else ""
    url = kind.card_url(campaign)
    if kind.url_name and page.source:
        url += "?" + urlencode({"source": page.source})
    return url


class CampaignDetailView(View):
    def get(self, request, slug):
        campaign = campaign_get_public(slug)
        if campaign is None:
            raise Http404
        return campaign_page(request, campaign)


def leaving_page(request, *, donation_url: str, back_url: str, campaign=None):
    """The "you are leaving this site" note before a donation page (a campaign's, or the
    movement's): donations happen elsewhere, and no payment data passes through here."""
    if not donation_url:
        raise Http404
    context = {"campaign": campaign, "donation_url": donation_url, "back_url": back_url}
    return render(request, "campaigns/leaving.html", context)


class DonationLeavingView(View):
    def get(self, request, slug):
        campaign = campaign_or_404(slug)
        return leaving_page(
            request,
            donation_url=campaign.donation_url,
            back_url=campaign.get_absolute_url(),
            campaign=campaign,
        )
