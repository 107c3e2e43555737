"""Joining the movement: as a person, as an organization, or for updates by email."""

from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from actioncenter.exceptions import ApplicationError
from actioncenter.ratelimit import supporter_action_allowed
from campaigns.services.supporters import supporter_upsert
from campaigns.views import action_refused, action_source, campaign_or_404, source_code
from signups.forms import OrganizationSignOnForm, SignupForm, UpdatesForm
from signups.models import UpdatesSubscription
from signups.services.signups import organization_signon_submit, signup_create
from signups.services.subscriptions import (
    subscription_confirm,
    subscription_for_confirmation,
    subscription_request,
    subscription_unsubscribe,
)


class _FormView(View):
    form_class = None
    template_name = ""
    scope = ""
    email_field = "email"

    def form(self, request, campaign, data=None, files=None):
        return self.form_class(data, files)

    def get(self, request, slug):
        campaign = campaign_or_404(slug)
        return self.render(request, campaign, self.form(request, campaign))

    def render(self, request, campaign, form, status=200):
        context = {"campaign": campaign, "form": form, "source": source_code(request)}
        return render(request, self.template_name, context, status=status)

    def post(self, request, slug):
        campaign = campaign_or_404(slug)
        form = self.form(request, campaign, request.POST, request.FILES)
        try:
            email = request.POST.get(self.email_field, "")[:254]
            if not supporter_action_allowed(request, scope=self.scope, email=email):
                return self.done(request, campaign)
            if not form.is_valid():
                return self.render(request, campaign, form, status=400)
            self.submit(request, campaign, form.cleaned_data)
        except ApplicationError as error:
            return self.refused(request, error, campaign)
        return self.done(request, campaign)

    def refused(self, request, error, campaign):
        return action_refused(request, error, campaign)

    def source(self, request) -> str:
        """The source code the action counts under (the partner embed's comes from its own
        configuration)."""
        return action_source(request)

    def done(self, request, campaign):
        return render(request, "campaigns/done.html", {"campaign": campaign, **self.done_text()})


class SignupView(_FormView):
    form_class = SignupForm
    template_name = "signups/signup.html"
    scope = "signup"

    def submit(self, request, campaign, data):
        signup_create(
            campaign=campaign,
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            zip_code=data["zip_code"],
            source=self.source(request),
            updates_opt_in=data["updates_opt_in"],
        )

    def done_text(self):
        return {
            "heading": _("Welcome to the movement"),
            "text": _("Thank you for joining. Together we are stronger."),
        }


class OrganizationSignOnView(_FormView):
    form_class = OrganizationSignOnForm
    template_name = "signups/organization_signon.html"
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
            source=self.source(request),
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
    template_name = "signups/updates.html"
    scope = "updates"

    def submit(self, request, campaign, data):
        if not campaign.accepts_actions:
            raise ApplicationError(_("This campaign is no longer accepting actions."), status=409)
        supporter = supporter_upsert(
            email=data["email"], first_name=data["first_name"], source=self.source(request)
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


# --- Links from emails: confirm the updates list (with a button, so that a mail scanner
# opening the link confirms nothing), unsubscribe in one click (no login).


def _result(request, *, heading, text, campaign=None, status=200):
    context = {"heading": heading, "text": text, "campaign": campaign}
    return render(request, "campaigns/done.html", context, status=status)


class SubscriptionConfirmView(View):
    """The emailed link opens a page with one button; only pressing it confirms."""

    def get(self, request, token):
        try:
            subscription = subscription_for_confirmation(token=token)
        except ApplicationError as error:
            return _result(request, heading=_("Link not accepted"), text=error.message, status=400)
        if subscription.status == UpdatesSubscription.Status.CONFIRMED:
            return self._confirmed(request, subscription)
        context = {"campaign": subscription.campaign}
        return render(request, "signups/subscription_confirm.html", context)

    def post(self, request, token):
        try:
            subscription = subscription_confirm(token=token)
        except ApplicationError as error:
            return _result(request, heading=_("Link not accepted"), text=error.message, status=400)
        return self._confirmed(request, subscription)

    @staticmethod
    def _confirmed(request, subscription):
        return _result(
            request,
            heading=_("You are subscribed"),
            text=_("Thank you for confirming. Every email has a link to unsubscribe."),
            campaign=subscription.campaign,
        )


@method_decorator(csrf_exempt, name="dispatch")  # mail clients' one-click POST (RFC 8058)
class SubscriptionUnsubscribeView(View):
    def get(self, request, token):
        return self.post(request, token)

    def post(self, request, token):
        try:
            subscription = subscription_unsubscribe(token=token)
        except ApplicationError as error:
            return _result(request, heading=_("Link not accepted"), text=error.message, status=400)
        return _result(
            request,
            heading=_("You are unsubscribed"),
            text=_("You will not get any more updates from this campaign."),
            campaign=subscription.campaign,
        )
