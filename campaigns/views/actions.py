"""Taking action from the campaign page: sign, join, sign on as an organization, updates."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from actioncenter.exceptions import ApplicationError
from campaigns import abuse
from campaigns.actions import registry
from campaigns.forms import OrganizationSignOnForm, PetitionForm, SignupForm, UpdatesForm
from campaigns.models import Partner
from campaigns.selectors import campaign_get_public
from campaigns.services.signatures import signature_create
from campaigns.services.signups import organization_signon_submit, signup_create
from campaigns.services.subscriptions import subscription_request
from campaigns.services.supporters import supporter_upsert
from campaigns.views.pages import campaign_page, share_links, source_code


def _campaign_or_404(slug):
    campaign = campaign_get_public(slug)
    if campaign is None:
        raise Http404
    return campaign


def _source(request) -> str:
    return source_code(request) or abuse_clean_source(request.POST.get("source", ""))


def abuse_clean_source(value: str) -> str:
    return "".join(ch for ch in (value or "") if ch.isalnum() or ch in "-_.")[:64]


def _error_page(request, error: ApplicationError, campaign=None):
    if error.status == 429:
        return render(request, "429.html", {"message": error.message}, status=429)
    context = {"campaign": campaign, "message": error.message}
    return render(request, "campaigns/action_refused.html", context, status=error.status)


class PetitionSignView(View):
    def get(self, request, slug):
        campaign = _campaign_or_404(slug)
        return redirect(campaign.get_absolute_url() + "#petition")

    def post(self, request, slug):
        campaign = _campaign_or_404(slug)
        partners = Partner.objects.filter(campaign=campaign, cosponsor=True)
        form = PetitionForm(request.POST, partners=partners)
        try:
            if not abuse.request_check(
                request, scope="petition", email=request.POST.get("email", "")[:254]
            ):
                return redirect(reverse("campaigns:petition-thanks", args=[slug]))
            if not form.is_valid():
                return campaign_page(request, campaign, form=form, status=400)
            data = form.cleaned_data
            _signature, created = signature_create(
                campaign=campaign,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                zip_code=data["zip_code"],
                comment=data["comment"],
                source=_source(request),
                updates_opt_in=data["updates_opt_in"],
                show_publicly=data["show_publicly"],
                partner_ids=form.partner_ids(),
            )
        except ApplicationError as error:
            return _error_page(request, error, campaign)
        url = reverse("campaigns:petition-thanks", args=[slug])
        return redirect(url if created else url + "?already=1")


class PetitionThanksView(View):
    def get(self, request, slug):
        campaign = _campaign_or_404(slug)
        letter = registry.get("letter")
        config = letter.config_for(campaign) if letter else None
        next_action_url = None
        if letter is not None and config is not None and getattr(config, "is_active", True):
            next_action_url = reverse(letter.url_name, args=[slug]) if letter.url_name else None
        context = {
            "campaign": campaign,
            "already": request.GET.get("already") == "1",
            "share_links": share_links(campaign, request),
            "next_action_url": next_action_url,
        }
        return render(request, "campaigns/petition_thanks.html", context)


class _FormView(View):
    form_class = None
    template_name = ""
    scope = ""
    email_field = "email"

    def form(self, request, campaign, data=None, files=None):
        return self.form_class(data, files)

    def get(self, request, slug):
        campaign = _campaign_or_404(slug)
        return self.render(request, campaign, self.form(request, campaign))

    def render(self, request, campaign, form, status=200):
        context = {"campaign": campaign, "form": form, "source": source_code(request)}
        return render(request, self.template_name, context, status=status)

    def post(self, request, slug):
        campaign = _campaign_or_404(slug)
        form = self.form(request, campaign, request.POST, request.FILES)
        try:
            email = request.POST.get(self.email_field, "")[:254]
            if not abuse.request_check(request, scope=self.scope, email=email):
                return self.done(request, campaign)
            if not form.is_valid():
                return self.render(request, campaign, form, status=400)
            self.submit(request, campaign, form.cleaned_data)
        except ApplicationError as error:
            return _error_page(request, error, campaign)
        return self.done(request, campaign)

    def done(self, request, campaign):
        return render(request, "campaigns/done.html", {"campaign": campaign, **self.done_text()})


class SignupView(_FormView):
    form_class = SignupForm
    template_name = "campaigns/signup.html"
    scope = "signup"

    def submit(self, request, campaign, data):
        signup_create(
            campaign=campaign,
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            zip_code=data["zip_code"],
            source=_source(request),
            updates_opt_in=data["updates_opt_in"],
        )

    def done_text(self):
        return {
            "heading": _("Welcome to the movement"),
            "text": _("Thank you for joining. Together we are stronger."),
        }


class OrganizationSignOnView(_FormView):
    form_class = OrganizationSignOnForm
    template_name = "campaigns/organization_signon.html"
    scope = "organization"
    email_field = "contact_email"

    def submit(self, request, campaign, data):
        organization_signon_submit(
            campaign=campaign,
            name=data["name"],
            website=data["website"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            statement=data["statement"],
            logo=data.get("logo"),
            source=_source(request),
        )

    def done_text(self):
        return {
            "heading": _("Thank you for signing on"),
            "text": _(
                "Our team reviews every organization before listing it. "
                "Your organization will appear on the campaign page once approved."
            ),
        }


class UpdatesSubscribeView(_FormView):
    form_class = UpdatesForm
    template_name = "campaigns/updates.html"
    scope = "updates"

    def submit(self, request, campaign, data):
        if not campaign.accepts_actions:
            raise ApplicationError(_("This campaign is no longer accepting actions."), status=409)
        supporter = supporter_upsert(
            email=data["email"], first_name=data["first_name"], source=_source(request)
        )
        subscription_request(supporter=supporter, campaign=campaign)

    def done_text(self):
        return {
            "heading": _("Check your email"),
            "text": _(
                "We sent you a link to confirm your subscription. "
                "Until you follow it, you will not get any updates."
            ),
        }
