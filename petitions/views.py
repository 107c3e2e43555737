"""Signing a campaign's petition, and the thank-you page after it."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from actioncenter.exceptions import ApplicationError
from actioncenter.ratelimit import supporter_action_allowed
from campaigns import kinds
from campaigns.models import Partner
from campaigns.views import (
    action_refused,
    action_source,
    campaign_or_404,
    campaign_page,
    share_links,
)
from petitions.forms import PetitionForm
from petitions.kind import PETITION
from petitions.services import signature_create


class PetitionSignView(View):
    """The petition form of the campaign page. Subclasses (the partner embed) change where the
    source code comes from and what the supporter sees next, never how a signature is taken."""

    def get(self, request, slug):
        campaign = campaign_or_404(slug)
        return redirect(campaign.get_absolute_url() + "#petition")

    def post(self, request, slug):
        campaign = campaign_or_404(slug)
        form = petition_form(campaign, request.POST)
        try:
            if not supporter_action_allowed(
                request, scope="petition", email=request.POST.get("email", "")[:254]
            ):
                return self.done(request, campaign)
            if not form.is_valid():
                return self.invalid(request, campaign, form)
            data = form.cleaned_data
            signature_create(
                campaign=campaign,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                zip_code=data["zip_code"],
                comment=data["comment"],
                source=self.source(request),
                updates_opt_in=data["updates_opt_in"],
                show_publicly=data["show_publicly"],
                partner_ids=form.partner_ids(),
            )
        except ApplicationError as error:
            return self.refused(request, error, campaign)
        return self.done(request, campaign)

    def source(self, request) -> str:
        return action_source(request)

    def invalid(self, request, campaign, form):
        return campaign_page(request, campaign, bound=(PETITION, form), status=400)

    def refused(self, request, error, campaign):
        return action_refused(request, error, campaign)

    def done(self, request, campaign):
        # A repeat ends on the same page as a first signature: it tells nothing about an email.
        return redirect(reverse("petitions:thanks", args=[campaign.slug]))


def petition_form(campaign, data=None) -> PetitionForm:
    """The signing form, with a choice for each cosponsoring partner."""
    partners = Partner.objects.filter(campaign=campaign, cosponsor=True)
    return PetitionForm(data, partners=partners)


class PetitionThanksView(View):
    def get(self, request, slug):
        campaign = campaign_or_404(slug)
        following = kinds.next_offered(campaign, after=PETITION)
        context = {
            "campaign": campaign,
            "share_links": share_links(campaign, request),
            "next_kind": following,
            "next_action_url": following.card_url(campaign) if following else None,
        }
        return render(request, "petitions/thanks.html", context)
