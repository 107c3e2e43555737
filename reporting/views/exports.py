"""Downloads for reporters: CSV streamed row by row, PDF per office; each one audited."""

from __future__ import annotations

import functools
import tempfile

from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from campaigns.models import Campaign
from legislators.models import Legislator
from reporting.exports import tables
from reporting.exports.pdf import petition_pdf
from reporting.exports.streaming import csv_response
from reporting.forms import DateRangeForm
from reporting.permissions import ExportAccessMixin
from reporting.services import export_audit


def _filename(campaign: Campaign, name: str, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{slugify(campaign.slug)}-{name}-{stamp}.{extension}"


class CsvExportView(ExportAccessMixin, View):
    """Subclasses name a table builder: `table(campaign, period) -> Table`."""

    table = None

    def build(self, campaign, period) -> tables.Table:
        return type(self).table(campaign, period)

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


class SignatureExportView(CsvExportView):
    table = staticmethod(tables.signatures_table)


class LetterExportView(CsvExportView):
    table = staticmethod(tables.letters_table)


class DeliveryExportView(CsvExportView):
    table = staticmethod(tables.deliveries_table)


class SupporterExportView(CsvExportView):
    table = staticmethod(tables.supporters_table)


class PetitionDeliveryExportView(CsvExportView):
    """Every signer under each of their members of Congress; or one office with `bioguide_id`."""

    def legislators(self, campaign, period) -> list[Legislator]:
        bioguide_id = self.kwargs.get("bioguide_id")
        if bioguide_id:
            return [get_object_or_404(Legislator, bioguide_id=bioguide_id)]
        return tables.petition_legislators(campaign, period)

    def build(self, campaign, period) -> tables.Table:
        return tables.petition_delivery_table(campaign, period, self.legislators(campaign, period))

    def filters(self, form: DateRangeForm) -> dict:
        office = {"legislator": self.kwargs["bioguide_id"]} if "bioguide_id" in self.kwargs else {}
        return {**form.as_filters(), **office}


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
            cover=tables.petition_cover(campaign, legislator, form.period),
            rows=tables.petition_signer_rows(campaign, form.period, legislator),
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
