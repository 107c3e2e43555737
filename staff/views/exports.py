"""Downloads for reporters: CSV streamed row by row, PDF per office; each one audited."""

from __future__ import annotations

import functools
import tempfile

from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from campaigns import kinds
from campaigns.exports import Table, supporters_table
from campaigns.kinds import Export
from campaigns.models import Campaign
from legislators.models import Legislator
from petitions import exports as petitions
from petitions.pdf import petition_pdf
from staff.exports.streaming import csv_response
from staff.forms import DateRangeForm
from staff.permissions import ExportAccessMixin
from staff.services import export_audit


def _filename(campaign: Campaign, name: str, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{slugify(campaign.slug)}-{name}-{stamp}.{extension}"


def campaign_exports() -> list[Export]:
    """Every CSV staff can download for a campaign: each kind's, then the supporters."""
    supporters = Export("supporters", _("Supporters with their consent records (CSV)"),
                        supporters_table)  # fmt: skip
    return [*(export for kind in kinds.all_kinds() for export in kind.exports), supporters]


class CsvExportView(ExportAccessMixin, View):
    """One CSV, streamed and audited; `build` names the table."""

    def build(self, campaign, period) -> Table:
        exports = {export.name: export for export in campaign_exports()}
        export = exports.get(self.kwargs.get("name", ""))
        if export is None:
            raise Http404
        return export.table(campaign, period)

    def filters(self, form: DateRangeForm) -> dict:
        return form.as_filters()

    def get(self, request, slug, **kwargs):
        campaign = get_object_or_404(Campaign, slug=slug)
        form = DateRangeForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return HttpResponseBadRequest(_("The date range is not valid."))
        table = self.build(campaign, form.period)
        finish = functools.partial(
            _finished,
            actor=request.user,
            export=table.name,
            campaign=campaign,
            filters=self.filters(form),
        )
        return csv_response(
            filename=_filename(campaign, table.name, "csv"),
            header=table.header,
            rows=table.rows,
            on_finish=finish,
        )


def _finished(row_count: int, complete: bool, **details) -> None:
    export_audit(row_count=row_count, complete=complete, **details)


class OfficePetitionExportView(CsvExportView):
    """Every constituent signer of one office's member."""

    def build(self, campaign, period) -> Table:
        legislator = get_object_or_404(Legislator, bioguide_id=self.kwargs["bioguide_id"])
        return petitions.petition_delivery_table(campaign, period, [legislator])

    def filters(self, form: DateRangeForm) -> dict:
        return {**form.as_filters(), "legislator": self.kwargs["bioguide_id"]}


class PetitionPdfView(ExportAccessMixin, View):
    """The printable petition for one office: cover page, then every constituent signer."""

    def get(self, request, slug, bioguide_id):
        campaign = get_object_or_404(Campaign, slug=slug)
        legislator = get_object_or_404(Legislator, bioguide_id=bioguide_id)
        form = DateRangeForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return HttpResponseBadRequest(_("The date range is not valid."))
        file = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
        count = petition_pdf(
            file=file,
            cover=petitions.petition_cover(campaign, legislator, form.period),
            rows=petitions.petition_signer_rows(campaign, form.period, legislator),
            widths=[170, 170, 80, 120],
        )
        export_audit(
            actor=request.user,
            export="petition-pdf",
            campaign=campaign,
            filters={**form.as_filters(), "legislator": bioguide_id},
            row_count=count,
            complete=True,
        )
        file.seek(0)
        return FileResponse(
            file,
            as_attachment=True,
            filename=_filename(campaign, f"petition-{bioguide_id}", "pdf"),
            content_type="application/pdf",
        )
