"""The campaign builder: one page where organizers create a campaign and its actions, see
whom its letter reaches and how an office receives it, and the checklist before publishing;
and the confirmation page of each lifecycle move (draft → live → won | closed → archived)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View

from actioncenter.exceptions import ApplicationError
from campaigns import kinds
from campaigns.models import Campaign
from campaigns.selectors import campaign_readiness
from campaigns.services.builder import ActionSetup, campaign_build
from campaigns.services.campaigns import campaign_publish, campaign_set_status
from campaigns.templating import MERGE_FIELDS
from letters.forms import LetterSetupForm
from letters.recipients import action_reach
from letters.selectors import letter_preview
from staff.forms import CampaignSetupForm
from staff.permissions import StaffPermissionMixin

BUILD_PERMISSION = "campaigns.change_campaign"
CREATE_PERMISSION = "campaigns.add_campaign"


def _offered_now(kind, config) -> bool:
    return config is not None and getattr(config, "is_active", True)


def action_setups(campaign: Campaign | None, data=None, files=None) -> list[ActionSetup]:
    """One setup per registered kind with a builder form, bound to the posted data if any."""
    setups = []
    for kind in kinds.all_kinds():
        if kind.builder_form is None:
            continue
        config = kind.config_for(campaign) if campaign is not None else None
        offered = _offered_now(kind, config)
        if data is not None:
            offered = data.get(f"{kind.slug}-offered") == "on"
        form = kind.builder_form(data, files, instance=config, prefix=kind.slug)
        setups.append(ActionSetup(kind=kind, form=form, offered=offered, config=config))
    return setups


def _letter_panel(setups: list[ActionSetup], campaign_language: str, member_id: str) -> dict:
    """The letter's offices and its preview, from the form as posted (valid or saved)."""
    setup = next((s for s in setups if isinstance(s.form, LetterSetupForm)), None)
    if setup is None or not setup.offered:
        return {}
    form = setup.form
    if form.is_bound:
        if not form.is_valid():
            return {"letter_form_invalid": True}
        action, reach = form.instance, form.reach
        if action.campaign_id is None:  # a new campaign: the letter is in its language
            action.campaign = Campaign(language=campaign_language)
    elif setup.config is not None:
        action, reach = setup.config, action_reach(setup.config)
    else:
        return {}
    return {
        "reach": reach,
        "preview": letter_preview(action=action, reach=reach, member_id=member_id),
        "campaign_language": campaign_language,
    }


class CampaignBuildView(StaffPermissionMixin, View):
    """GET shows the builder (empty for a new campaign); POST saves it all at once, or shows
    every error in place (a letter's unknown merge field, recipients who cannot be
    reached) without saving anything."""

    template_name = "staff/builder.html"

    def get_permission_required(self):
        return [CREATE_PERMISSION] if "slug" not in self.kwargs else [BUILD_PERMISSION]

    def _campaign(self) -> Campaign | None:
        slug = self.kwargs.get("slug")
        if slug is None:
            return None
        queryset = Campaign.objects.select_related(*(k.related_name for k in kinds.all_kinds()))
        return get_object_or_404(queryset, slug=slug)

    def get(self, request, slug=None):
        campaign = self._campaign()
        form = CampaignSetupForm(instance=campaign)
        return self._render(campaign, form, action_setups(campaign))

    def post(self, request, slug=None):
        campaign = self._campaign()
        form = CampaignSetupForm(request.POST, request.FILES, instance=campaign)
        setups = action_setups(campaign, request.POST, request.FILES)
        valid = [form.is_valid()] + [setup.valid for setup in setups]
        if not all(valid):
            messages.error(request, _("Nothing was saved: please correct the errors below."))
            return self._render(campaign, form, setups, status=400)
        saved = campaign_build(campaign_form=form, setups=setups, actor=request.user)
        messages.success(
            request,
            _("Saved. The checklist below says what the campaign still needs before it goes live.")
            if saved.status == Campaign.Status.DRAFT
            else _("Saved: supporters see the changes now."),
        )
        url = reverse("staff:campaign-build", args=[saved.slug])
        member = request.POST.get("member", "")
        return redirect(f"{url}?{urlencode({'member': member})}" if member else url)

    def _render(self, campaign, form, setups, status=200):
        language = (form.data.get("language") if form.is_bound else None) or (
            campaign.language if campaign else "en"
        )
        member_id = self.request.GET.get("member", "") or self.request.POST.get("member", "")
        letter = next((s for s in setups if isinstance(s.form, LetterSetupForm)), None)
        context = {
            "campaign": campaign,
            "form": form,
            "setups": setups,
            "letter_kind": letter.kind.slug if letter else "",
            "has_errors": bool(form.errors)
            or any(setup.offered and setup.form.errors for setup in setups),
            "merge_fields": MERGE_FIELDS.items(),
            "readiness": campaign_readiness(campaign) if campaign else [],
            "transitions": transitions(campaign) if campaign else [],
            **_letter_panel(setups, language, member_id),
        }
        return render(self.request, self.template_name, context, status=status)


class LetterPreviewView(StaffPermissionMixin, View):
    """The builder's live preview (its script posts the letter's fields as typed): the
    errors of its merge fields and recipients, or the letter as an office receives it.
    Answers the same HTML the builder page shows; saves nothing."""

    permission_required = BUILD_PERMISSION

    def post(self, request):
        form = LetterSetupForm(request.POST, prefix="letter")
        language = request.POST.get("language", "")
        context = {"letter_form": form, "campaign_language": language}
        if form.is_valid():
            form.instance.campaign = Campaign(language=language or "en")
            context.update(
                reach=form.reach,
                preview=letter_preview(
                    action=form.instance,
                    reach=form.reach,
                    member_id=request.POST.get("member", ""),
                ),
            )
        html = render_to_string("staff/includes/letter_panel.html", context, request=request)
        return _fragment(html)

    def get(self, request):
        return HttpResponseNotAllowed(["POST"])


def _fragment(html: str) -> HttpResponse:
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


# Each lifecycle move: the button that asks for it, and what it changes for supporters.
MOVES = {
    Campaign.Status.LIVE: (
        _lazy("Publish"),
        _lazy(
            "The campaign page opens to everyone at its address and is listed on the home "
            "page; supporters can take its actions, and what they send is counted and "
            "delivered."
        ),
    ),
    Campaign.Status.WON: (
        _lazy("Mark as won"),
        _lazy(
            "The page stays up and says “We won!”; supporters can no longer take its "
            "actions. Letters already sent are still delivered."
        ),
    ),
    Campaign.Status.CLOSED: (
        _lazy("Close"),
        _lazy(
            "The page stays up and says the campaign is closed; supporters can no longer "
            "take its actions. Letters already sent are still delivered."
        ),
    ),
    Campaign.Status.ARCHIVED: (
        _lazy("Archive"),
        _lazy(
            "The page is kept for the record and no longer listed as active; nothing can "
            "be done on it. This cannot be undone."
        ),
    ),
}


def transitions(campaign: Campaign) -> list[dict]:
    """The moves the campaign may make from its status, each with its confirmation page."""
    allowed = Campaign.TRANSITIONS.get(campaign.status, frozenset())
    return [
        {"status": status, "button": button, "label": Campaign.Status(status).label}
        for status, (button, _consequence) in MOVES.items()
        if status in allowed
    ]


class CampaignStatusView(StaffPermissionMixin, View):
    """GET: the confirmation page of one move (what changes for supporters; before
    publishing, the checklist). POST: the move, or the reason it is refused."""

    permission_required = BUILD_PERMISSION
    template_name = "staff/status_confirm.html"

    def _context(self, campaign: Campaign, status: str) -> dict:
        allowed = status in Campaign.TRANSITIONS.get(campaign.status, frozenset())
        button, consequence = MOVES.get(status, ("", ""))
        readiness = campaign_readiness(campaign) if status == Campaign.Status.LIVE else []
        return {
            "campaign": campaign,
            "status": status,
            "status_label": dict(Campaign.Status.choices).get(status, status),
            "allowed": allowed,
            "button": button,
            "consequence": consequence,
            "readiness": readiness,
            "blocked": [item for item in readiness if item.blocking and not item.done],
        }

    def get(self, request, slug, status):
        campaign = get_object_or_404(Campaign, slug=slug)
        return render(request, self.template_name, self._context(campaign, status))

    def post(self, request, slug, status):
        campaign = get_object_or_404(Campaign, slug=slug)
        context = self._context(campaign, status)
        if not context["allowed"]:
            return render(request, self.template_name, context, status=409)
        try:
            if status == Campaign.Status.LIVE:
                campaign_publish(campaign=campaign, actor=request.user)
            else:
                campaign_set_status(campaign=campaign, status=status, actor=request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return render(request, self.template_name, self._context(campaign, status), status=409)
        messages.success(request, DONE.get(status, _lazy("Done.")))
        return redirect("staff:campaign-build", slug=campaign.slug)


DONE = {
    Campaign.Status.LIVE: _lazy("Published: the campaign is live and supporters can act on it."),
    Campaign.Status.WON: _lazy("Marked as won: the page celebrates, and actions are closed."),
    Campaign.Status.CLOSED: _lazy("Closed: the page stays up, and actions are closed."),
    Campaign.Status.ARCHIVED: _lazy("Archived: the page is kept for the record."),
}
