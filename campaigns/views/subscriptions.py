"""Links from emails: confirm the updates list (with a button, so that a mail scanner
opening the link confirms nothing), unsubscribe in one click (no login)."""

from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from actioncenter.exceptions import ApplicationError
from campaigns.models import UpdatesSubscription
from campaigns.services.subscriptions import (
    subscription_confirm,
    subscription_for_confirmation,
    subscription_unsubscribe,
)


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
        return render(request, "campaigns/subscription_confirm.html", context)

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
