"""A campaign's petition and sign-up forms in a frame on a partner's site.

Each embed view is the campaign page's own view of that form (petitions.views,
signups.views) with three things changed: the page is the frame's small layout, the source
code comes from the partner's configuration (never from the visitor's post), and the post
is checked by `embeds.forgery` instead of the CSRF cookie a third-party frame never gets.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from campaigns import kinds
from campaigns.views import campaign_or_404
from embeds.forgery import EmbedForm, FormRefused, form_from_token, form_token, post_check
from embeds.framing import frame_for
from embeds.partners import allowed_origins, origin_of, partner_at, partner_named
from petitions.kind import PETITION
from petitions.views import PetitionSignView, petition_form
from signups.kind import SIGNUP
from signups.views import SignupView, UpdatesSubscribeView


def visit_source(request) -> str:
    """The partner a frame is loaded for: the one its URL names (?source=, as in the snippet),
    else the allowed partner whose page asks for it (its Referer), else none. An unknown
    code counts as none, so an action is never credited to a partner that does not exist."""
    partner = partner_named(request.GET.get("source", ""))
    if partner is None:
        partner = partner_at(origin_of(request.headers.get("Referer", "")))
    return partner.source if partner else ""


@method_decorator(csrf_exempt, name="dispatch")  # embeds.forgery checks every post instead
class EmbedMixin:
    """What every embed view adds to the form view it is mixed into."""

    form_name = ""  # the URL name and the name signed into the form's token
    template_name = ""
    kind = None  # the action kind the campaign must offer, if any

    def dispatch(self, request, *args, **kwargs):
        self.embed_form = None
        response = super().dispatch(request, *args, **kwargs)
        source = self.embed_form.source if self.embed_form else request.GET.get("source", "")
        partner = partner_named(source)
        # A frame made for one partner may be shown on that partner's site only.
        return frame_for(response, partner.origins if partner else allowed_origins())

    def campaign(self, slug):
        campaign = campaign_or_404(slug)
        if self.kind is not None and self.kind not in dict(kinds.offered(campaign)):
            raise Http404
        return campaign

    def get(self, request, slug):
        campaign = self.campaign(slug)
        self.embed_form = EmbedForm(campaign.pk, self.form_name, visit_source(request))
        return self.show(request, campaign, self.blank_form(campaign))

    def post(self, request, slug):
        campaign = self.campaign(slug)
        try:
            form = form_from_token(request.POST.get("embed_token", ""))
            if (form.campaign_id, form.form) != (campaign.pk, self.form_name):
                raise FormRefused("another form")
            self.embed_form = form
            post_check(request, form)
        except FormRefused as refusal:
            return self.forbidden(request, campaign, refusal)
        return super().post(request, slug)

    def source(self, request) -> str:
        return self.embed_form.source

    # --- what the supporter sees, inside the frame

    def show(self, request, campaign, form, status=200):
        token = form_token(self.embed_form)  # a fresh one: the time starts again
        context = {
            "campaign": campaign,
            "form": form,
            "takes_actions": campaign.accepts_actions,
            "form_action": self.url(campaign, self.embed_form.source),
            "embed_token": token,
            **self.extra_context(campaign),
        }
        return embed_render(request, self.template_name, context, status=status)

    def extra_context(self, campaign) -> dict:
        return {}

    def url(self, campaign, source: str) -> str:
        """This form's frame; the source code only says which partner's site may frame it."""
        url = reverse(f"embeds:{self.form_name}", args=[campaign.slug])
        return f"{url}?{urlencode({'source': source})}" if source else url

    def done(self, request, campaign):
        context = {"campaign": campaign, **self.done_text()}
        return embed_render(request, "embeds/done.html", context)

    def refused(self, request, error, campaign):
        context = {"campaign": campaign, "message": error.message}
        return embed_render(request, "embeds/refused.html", context, status=error.status)

    def forbidden(self, request, campaign, refusal: FormRefused):
        if refusal.expired:
            message = _("This form was open for too long. Please open it again and send it.")
        else:
            message = _(
                "This form can only be sent from the page it was shown on. "
                "Please open it again on the campaign's or the partner's page."
            )
        context = {
            "campaign": campaign,
            "message": message,
            "retry_url": self.url(campaign, request.GET.get("source", "")),
        }
        return embed_render(request, "embeds/refused.html", context, status=403)


def embed_render(request, template, context, *, status=200):
    return render(
        request, template, {"in_frame": True, "link_target": "_blank", **context}, status=status
    )


class PetitionEmbedView(EmbedMixin, PetitionSignView):
    form_name = "sign"
    template_name = "embeds/sign.html"
    kind = PETITION

    def blank_form(self, campaign):
        return petition_form(campaign)

    def extra_context(self, campaign) -> dict:
        return {"petition": PETITION.config_for(campaign)}

    def invalid(self, request, campaign, form):
        return self.show(request, campaign, form, status=400)

    def done_text(self):
        return {
            "heading": _("Thank you for signing!"),
            "text": _(
                "Your signature is counted. Each person counts once, however often they sign."
            ),
        }


class _SignupEmbed(EmbedMixin):
    def blank_form(self, campaign):
        return self.form(self.request, campaign)

    def render(self, request, campaign, form, status=200):
        return self.show(request, campaign, form, status=status)


class SignupEmbedView(_SignupEmbed, SignupView):
    form_name = "join"
    template_name = "embeds/join.html"
    kind = SIGNUP


class UpdatesEmbedView(_SignupEmbed, UpdatesSubscribeView):
    form_name = "updates"
    template_name = "embeds/updates.html"
