"""The call page: the script and whom to call; only a ZIP code is asked."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from actioncenter.exceptions import ApplicationError
from actioncenter.ratelimit import supporter_action_check
from calls.forms import CallOutcomeForm, CallZipForm
from calls.selectors import call_action_for, call_targets
from calls.services import call_report
from campaigns.views import action_refused


@method_decorator(never_cache, name="dispatch")
class CallView(View):
    """The call script and whom to call; only a ZIP code is asked."""

    def get(self, request, slug: str):
        campaign, action = call_action_for(slug)
        form = CallZipForm(request.GET or None)
        context = {"campaign": campaign, "action": action, "form": form}
        if form.is_valid():
            data = form.cleaned_data
            context.update(call_targets(action, data["zip"], data["district"]))
        return render(request, "calls/call.html", context)

    def post(self, request, slug: str):
        campaign, action = call_action_for(slug)
        form = CallOutcomeForm(request.POST)
        try:
            supporter_action_check(request, scope="call")
        except ApplicationError as error:
            return action_refused(request, error, campaign)
        if form.is_valid():
            try:
                call_report(action, form.cleaned_data)
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Thank you for calling! It counts."))
            zip_code, district = form.cleaned_data["zip"], form.cleaned_data["district"]
        else:
            messages.error(request, _("Choose how the call went."))
            zip_code, district = request.POST.get("zip", "")[:10], ""
        url = reverse("calls:call", args=[campaign.slug])
        if not zip_code.isdigit():
            return redirect(url)
        query = urlencode({"zip": zip_code, **({"district": district} if district else {})})
        return redirect(f"{url}?{query}")
