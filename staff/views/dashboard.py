"""The staff dashboard: campaign list, one campaign's numbers and charts, the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from campaigns import kinds
from campaigns.models import Campaign
from legislators.models import Legislator
from legislators.selectors import legislator_data_status
from letters.outbox import held_setups
from metrics.breakdowns import key_text
from metrics.registry import metric_label
from metrics.totals import campaign_totals_for
from staff import charts
from staff.forms import DateRangeForm
from staff.permissions import DashboardAccessMixin, StaffPermissionMixin, staff_not_found
from staff.roles import EXPORT_DATA
from staff.selectors import action_metrics, breakdown_metrics, campaign_report, headline
from staff.views.exports import campaign_exports


def sortable() -> tuple[str, ...]:
    """The columns a breakdown table sorts by: its key, all actions, each metric shown."""
    return ("key", "actions", *breakdown_metrics())


# Long breakdowns (435 districts, many source codes) show their first rows; a link shows all.
TABLE_PREVIEW_ROWS = 25
EXPANDABLE = ("districts", "sources")


@dataclass
class CappedTable:
    rows: list[dict]
    more_link: str = ""
    more_text: str = ""


def capped(rows: list[dict], *, name: str, show_all: str, query: dict) -> CappedTable:
    """The first TABLE_PREVIEW_ROWS rows, with a link to all of them (or back)."""
    if len(rows) <= TABLE_PREVIEW_ROWS:
        return CappedTable(rows)
    params = {key: value for key, value in query.items() if value and key != "all"}
    if show_all == name:
        text = _("Show the first %(count)s only") % {"count": TABLE_PREVIEW_ROWS}
        return CappedTable(rows, f"?{urlencode(params)}", text)
    count = len(rows)
    if name == "districts":
        text = ngettext("Show all %(count)s district", "Show all %(count)s districts", count)
    else:
        text = ngettext("Show all %(count)s source code", "Show all %(count)s source codes", count)
    text = text % {"count": count}
    return CappedTable(rows[:TABLE_PREVIEW_ROWS], f"?{urlencode({**params, 'all': name})}", text)


class CampaignListView(DashboardAccessMixin, TemplateView):
    template_name = "staff/campaign_list.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        relations = [kind.related_name for kind in kinds.all_kinds()]
        campaigns = Campaign.objects.select_related(*relations).order_by("-created_at", "pk")
        page = Paginator(campaigns, self.paginate_by).get_page(self.request.GET.get("page"))
        totals = campaign_totals_for([campaign.pk for campaign in page])
        # Each campaign's progress on its own actions: a letter campaign shows letters and
        # offices, never "0 signatures".
        rows = [
            (campaign, headline(totals[campaign.pk]), kinds.progress(campaign, totals[campaign.pk]))
            for campaign in page
        ]
        return super().get_context_data(
            page=page,
            rows=rows,
            held_setups=held_setups(),
            legislator_data_missing=legislator_data_status() != "ok",
            **kwargs,
        )


def _sorted(rows: list[dict], sort: str) -> list[dict]:
    """Sort a breakdown: names A to Z and numbers largest first; "-column" reverses."""
    column = sort.lstrip("-")
    if column not in sortable():
        column, sort = "actions", "actions"
    reverse = (column != "key") != sort.startswith("-")
    if column == "key":
        return sorted(
            rows, key=lambda row: str(row.get("label") or row["key"] or ""), reverse=reverse
        )
    return sorted(rows, key=lambda row: row[column], reverse=reverse)


def sort_headers(sort: str) -> list[dict]:
    """Column headers of the breakdown tables: the link that sorts by each, and aria-sort."""
    labels = {"actions": _("Actions"), **{name: metric_label(name) for name in breakdown_metrics()}}
    headers = []
    for column in sortable():
        natural, opposite = (
            ("ascending", "descending") if column == "key" else ("descending", "ascending")
        )
        if sort == column:
            aria, link = natural, f"-{column}"
        elif sort == f"-{column}":
            aria, link = opposite, column
        else:
            aria, link = "", column
        headers.append({"column": column, "label": labels.get(column), "aria": aria, "sort": link})
    return headers


class CampaignReportView(DashboardAccessMixin, TemplateView):
    """Everything about one campaign, optionally within a date range."""

    template_name = "staff/campaign_report.html"

    def get_context_data(self, **kwargs):
        relations = [kind.related_name for kind in kinds.all_kinds()]
        campaign = get_object_or_404(
            Campaign.objects.select_related(*relations), slug=self.kwargs["slug"]
        )
        form = DateRangeForm(self.request.GET or None)
        period = form.period
        today = timezone.localdate()
        report = campaign_report(campaign.pk, period, today=today)
        numbers = headline(report.totals)
        progress = kinds.progress(campaign, report.totals)
        series = report.series
        sort = self.request.GET.get("sort", "actions")
        by_state = _sorted(report.by_state, sort)
        districts = [
            {**row, "label": key_text(row["key"]) or _("(unknown)")} for row in report.by_district
        ]
        by_district = _sorted(districts, sort)
        by_source = _sorted(report.by_source, sort)
        show_all = self.request.GET.get("all", "")
        show_all = show_all if show_all in EXPANDABLE else ""
        query = {**form.as_filters(), "sort": sort if sort != "actions" else ""}
        return super().get_context_data(
            campaign=campaign,
            form=form,
            numbers=numbers,
            progress=progress,
            series=series,
            labels=[label for _metric, label in action_metrics()],
            # Charts are drawn only when the cached page fragment has to be rendered again.
            daily_chart=partial(_daily_chart, series),
            cumulative_chart=partial(_cumulative_chart, series),
            daily_rows=partial(_daily_rows, series),
            cumulative_rows=partial(_cumulative_rows, series),
            by_state=by_state,
            state_map=partial(_state_map, by_state),
            by_district=capped(by_district, name="districts", show_all=show_all, query=query),
            district_chart=partial(_district_chart, by_district),
            by_source=capped(by_source, name="sources", show_all=show_all, query=query),
            source_chart=partial(_source_chart, by_source),
            show_all=show_all,
            report_version=report.version,
            sort=sort,
            sort_headers=sort_headers(sort),
            period_query=form.period_query,
            legislators=Legislator.objects.filter(is_current=True).order_by(
                "state", "-chamber", "district", "last_name"
            ),
            can_export=self.request.user.has_perm(EXPORT_DATA),
            exports=campaign_exports(),
            **kwargs,
        )


def _state_map(rows):
    return charts.state_tile_map(
        {row["key"]: row["actions"] for row in rows if row["key"]},
        title=_("Actions by state"),
        description=_(
            "Each state shaded by its number of actions; the table below has the numbers."
        ),
    )


def _district_chart(rows):
    return charts.horizontal_bars(
        [(row["label"], row["actions"]) for row in rows],
        title=_("Congressional districts with the most actions"),
        description=_("The fifteen districts with the most actions."),
        empty_message=_("No actions yet."),
    )


def _source_chart(rows):
    return charts.horizontal_bars(
        [(row["key"] or _("(none)"), row["actions"]) for row in rows],
        title=_("Actions by source code"),
        description=_("Actions per source code (partner or link), largest first."),
        empty_message=_("No actions yet."),
    )


def _daily_chart(series):
    return charts.daily_bars(
        series.days,
        [
            charts.Series(str(label), series.per_metric[metric])
            for metric, label in action_metrics()
        ],
        title=_("Actions per day"),
        description=_("Signatures, letters, calls, sign-ups and organizations each day."),
        empty_message=_("No actions in this period."),
    )


def _cumulative_totals(series) -> list[int]:
    daily = [sum(values) for values in zip(*series.per_metric.values(), strict=True)]
    running, total = [], 0
    for value in daily:
        total += value
        running.append(total)
    return running


def _cumulative_chart(series):
    daily = [sum(values) for values in zip(*series.per_metric.values(), strict=True)]
    return charts.cumulative_line(
        series.days,
        daily,
        title=_("Actions over time"),
        description=_("The running total of actions, day by day."),
        empty_message=_("No actions in this period."),
    )


def _daily_rows(series):
    return charts.table_rows(series.rows())


def _cumulative_rows(series):
    return charts.table_rows(
        [(day, [total]) for day, total in zip(series.days, _cumulative_totals(series), strict=True)]
    )


class AuditLogView(DashboardAccessMixin, TemplateView):
    """Who exported what, changed a campaign's status or approved an organization."""

    template_name = "staff/audit_log.html"
    permission_required = "campaigns.view_auditentry"

    def get_context_data(self, **kwargs):
        from campaigns.models import AuditEntry

        entries = AuditEntry.objects.select_related("actor").order_by("-created_at", "-pk")
        page = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(page=page, **kwargs)


class StaffNotFoundView(StaffPermissionMixin, View):
    """Any other address under /staff/: the staff page that says there is no such page
    (signed-in staff only; others go to the sign-in first)."""

    def get(self, request, rest=""):
        return staff_not_found(request)
