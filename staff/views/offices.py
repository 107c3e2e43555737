"""The staffer report: what one congressional office received from a campaign."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from legislators.models import Legislator
from staff.forms import DateRangeForm
from staff.permissions import DashboardAccessMixin
from staff.roles import EXPORT_DATA
from staff.selectors import office_report


class OfficePickView(DashboardAccessMixin, View):
    """The office picker form is sent here (GET) and lands on the office's report."""

    def get(self, request, slug):
        campaign = get_object_or_404(Campaign, slug=slug)
        bioguide_id = request.GET.get("legislator", "")
        if Legislator.objects.filter(bioguide_id=bioguide_id).exists():
            return redirect("staff:office", slug=slug, bioguide_id=bioguide_id)
        # Opened without a member (or with an unknown one): the picker itself.
        context = {
            "campaign": campaign,
            "legislators": legislator_choices(),
            "unknown": bool(bioguide_id),
        }
        return render(request, "staff/office_pick.html", context)


def legislator_choices():
    return Legislator.objects.filter(is_current=True).order_by(
        "state", "-chamber", "district", "last_name"
    )


class OfficeReportView(DashboardAccessMixin, TemplateView):
    template_name = "staff/office_report.html"

    def get_context_data(self, **kwargs):
        campaign = get_object_or_404(Campaign, slug=self.kwargs["slug"])
        legislator = get_object_or_404(Legislator, bioguide_id=self.kwargs["bioguide_id"])
        form = DateRangeForm(self.request.GET or None)
        return super().get_context_data(
            campaign=campaign,
            legislator=legislator,
            form=form,
            report=office_report(campaign=campaign, legislator=legislator, period=form.period),
            period_query=form.period_query,
            can_export=self.request.user.has_perm(EXPORT_DATA),
            **kwargs,
        )
