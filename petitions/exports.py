"""The petition's exports: signatures, and the petition as each office receives it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.exports import Table, stream
from legislators.models import Legislator
from legislators.offices import formal_name, office_code_for
from legislators.selectors import constituent_filter
from metrics.breakdowns import seat_of
from metrics.periods import Period, within
from metrics.totals import totals_by
from movement.identity import site_identity
from petitions.models import Signature
from petitions.pdf import PetitionCover
from petitions.selectors import petition_text

SIGNATURE_COLUMNS = (
    ("pk", _("Signature ID")),
    ("created_at", _("Signed at")),
    ("supporter__first_name", _("First name")),
    ("supporter__last_name", _("Last name")),
    ("supporter__email", _("Email")),
    ("zip_code", _("ZIP code")),
    ("state", _("State")),
    ("district", _("District")),
    ("source", _("Source")),
    ("comment", _("Comment")),
)


def signature_queryset(campaign, period: Period):
    queryset = Signature.objects.filter(campaign=campaign)
    return within(queryset, "created_at", period).order_by("pk")


def signatures_table(campaign, period: Period) -> Table:
    columns = [column for column, _title in SIGNATURE_COLUMNS]
    return Table(
        name="signatures",
        header=[str(title) for _column, title in SIGNATURE_COLUMNS],
        rows=stream(signature_queryset(campaign, period), columns),
    )


PETITION_COLUMNS = (
    _("Legislator"),
    _("Office"),
    _("Signer first name"),
    _("Signer last name"),
    _("ZIP code"),
    _("State"),
    _("District"),
    _("Signed at"),
    _("Comment"),
)


def _office_rows(legislator: Legislator, signatures) -> Iterator[tuple]:
    name, code = formal_name(legislator), office_code_for(legislator)
    columns = (
        "supporter__first_name",
        "supporter__last_name",
        "zip_code",
        "state",
        "district",
        "created_at",
        "comment",
    )
    for row in stream(signatures.filter(constituent_filter(legislator)), columns):
        yield (name, code, *row)


def petition_delivery_table(
    campaign, period: Period, legislators: Sequence[Legislator] | None = None
) -> Table:
    """Signatures grouped by each legislator whose constituents signed (or the ones given),
    office by office. A signature appears under the signer's House member and both senators.
    """
    signatures = signature_queryset(campaign, period)
    if legislators is None:
        legislators = petition_legislators(campaign, period)

    def rows() -> Iterator[tuple]:
        for legislator in legislators:
            yield from _office_rows(legislator, signatures)

    return Table(
        name="petition-delivery",
        header=[str(title) for title in PETITION_COLUMNS],
        rows=rows(),
    )


def petition_legislators(campaign, period: Period) -> list[Legislator]:
    """Current members with at least one constituent among the signers (from the rollups)."""
    rows = totals_by(campaign.pk, "district", period=period, today=timezone.localdate())
    seats = {seat_of(key) for key, metrics in rows.items() if metrics.get("signatures")}
    seats.discard(None)
    if not seats:
        return []
    condition = Q(chamber=Legislator.Chamber.SENATE, state__in={state for state, _d in seats})
    for state, district in seats:
        condition |= Q(chamber=Legislator.Chamber.HOUSE, state=state, district=district)
    members = Legislator.objects.filter(is_current=True).filter(condition)
    return list(members.order_by("state", "-chamber", "district", "last_name"))


def petition_cover(campaign, legislator: Legislator, period: Period) -> PetitionCover:
    """The first page of the printed petition for one office."""
    signers = signature_queryset(campaign, period).filter(constituent_filter(legislator)).count()
    seat = (
        legislator.state
        if legislator.chamber == Legislator.Chamber.SENATE
        else (f"{legislator.state}-{legislator.district or 0:02d}")
    )
    return PetitionCover(
        title=campaign.title,
        office=f"{formal_name(legislator)} ({seat})",
        petition_text=petition_text(campaign),
        summary=ngettext(
            "%(count)s constituent signed this petition.",
            "%(count)s constituents signed this petition.",
            signers,
        )
        % {"count": f"{signers:,}"},
        columns=[
            str(_("First name")),
            str(_("Last name")),
            str(_("ZIP code")),
            str(_("Signed on")),
        ],
        footer=f"{site_identity().name} · {campaign.title}",
    )


def petition_signer_rows(campaign, period: Period, legislator: Legislator) -> Iterator[tuple]:
    """(first name, last name, ZIP, day signed) of each constituent signer, oldest first."""
    signatures = signature_queryset(campaign, period).filter(constituent_filter(legislator))
    columns = ("supporter__first_name", "supporter__last_name", "zip_code", "created_at")
    for first, last, zip_code, signed in stream(signatures, columns):
        yield first, last, zip_code, date_format(timezone.localtime(signed), "SHORT_DATE_FORMAT")
