"""What each export contains: a header and a row iterator per export, in constant memory.

Rows come from `values_list(...).iterator(chunk_size=...)` (a server-side cursor
on PostgreSQL), so a million-row export never holds more than one chunk.
Letter texts are never exported: only metadata.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from legislators.models import Legislator
from reporting.exports.pdf import PetitionCover
from reporting.selectors import DateRange, constituent_filter, seat_of, totals_by, within

CHUNK = 2000


@dataclass(frozen=True)
class Table:
    """A named export: column titles and the rows (an iterator, consumed once)."""

    name: str
    header: Sequence[str]
    rows: Iterator[Sequence]


def _stream(queryset, columns: Sequence[str]) -> Iterator[tuple]:
    return queryset.values_list(*columns).iterator(chunk_size=CHUNK)


# --- signatures -------------------------------------------------------------

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


def signature_queryset(campaign, period: DateRange):
    from campaigns.models import Signature

    queryset = Signature.objects.filter(campaign=campaign)
    return within(queryset, "created_at", period).order_by("pk")


def signatures_table(campaign, period: DateRange) -> Table:
    columns = [column for column, _title in SIGNATURE_COLUMNS]
    return Table(
        name="signatures",
        header=[str(title) for _column, title in SIGNATURE_COLUMNS],
        rows=_stream(signature_queryset(campaign, period), columns),
    )


# --- letters (metadata only) -------------------------------------------------

LETTER_COLUMNS = (
    ("pk", _("Letter ID")),
    ("created_at", _("Written at")),
    ("first_name", _("First name")),
    ("last_name", _("Last name")),
    ("email", _("Email")),
    ("city", _("City")),
    ("state", _("State")),
    ("zip_code", _("ZIP code")),
    ("district", _("District")),
    ("personalized", _("Personalized")),
    ("source", _("Source")),
)


def letters_table(campaign, period: DateRange) -> Table:
    from campaigns.outreach.models import Letter

    queryset = within(Letter.objects.filter(campaign=campaign), "created_at", period)
    columns = [column for column, _title in LETTER_COLUMNS]
    return Table(
        name="letters",
        header=[str(title) for _column, title in LETTER_COLUMNS],
        rows=_stream(queryset.order_by("pk"), columns),
    )


# --- deliveries --------------------------------------------------------------

DELIVERY_COLUMNS = (
    ("id", _("Delivery ID")),
    ("letter_id", _("Letter ID")),
    ("created_at", _("Created at")),
    ("office_code", _("Office")),
    ("office_name", _("Recipient")),
    ("chamber", _("Chamber")),
    ("office_state", _("Office state")),
    ("office_district", _("Office district")),
    ("channel", _("Channel")),
    ("status", _("Status")),
    ("attempts", _("Attempts")),
    ("sent_at", _("Delivered at")),
    ("letter__state", _("Sender state")),
    ("letter__district", _("Sender district")),
)


def deliveries_table(campaign, period: DateRange) -> Table:
    from campaigns.outreach.models import Delivery

    queryset = within(Delivery.objects.filter(campaign=campaign), "created_at", period)
    columns = [column for column, _title in DELIVERY_COLUMNS]
    return Table(
        name="deliveries",
        header=[str(title) for _column, title in DELIVERY_COLUMNS],
        rows=_stream(queryset.order_by("created_at", "id"), columns),
    )


# --- supporters with their consent records ------------------------------------

SUPPORTER_COLUMNS = (
    ("pk", _("Supporter ID")),
    ("email", _("Email")),
    ("first_name", _("First name")),
    ("last_name", _("Last name")),
    ("zip_code", _("ZIP code")),
    ("created_at", _("First seen")),
    ("consents__purpose", _("Consent purpose")),
    ("consents__created_at", _("Consent given at")),
    ("consents__partner__name", _("Consent shared with partner")),
)


def supporters_table(campaign, period: DateRange) -> Table:
    """One row per consent a supporter gave in this campaign (a supporter can give several)."""
    from campaigns.models import ConsentRecord

    consents = within(ConsentRecord.objects.filter(campaign=campaign), "created_at", period)
    columns = [
        "supporter_id",
        "supporter__email",
        "supporter__first_name",
        "supporter__last_name",
        "supporter__zip_code",
        "supporter__created_at",
        "purpose",
        "created_at",
        "partner__name",
    ]
    return Table(
        name="supporters",
        header=[str(title) for _column, title in SUPPORTER_COLUMNS],
        rows=_stream(consents.order_by("supporter_id", "pk"), columns),
    )


# --- petition delivery ----------------------------------------------------------

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
    from campaigns.outreach.offices import formal_name, office_code_for

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
    for row in _stream(signatures.filter(constituent_filter(legislator)), columns):
        yield (name, code, *row)


def petition_delivery_table(
    campaign, period: DateRange, legislators: Sequence[Legislator]
) -> Table:
    """Signatures grouped by each legislator whose constituents signed, office by office.

    A signature appears under the signer's House member and both senators.
    """
    signatures = signature_queryset(campaign, period)

    def rows() -> Iterator[tuple]:
        for legislator in legislators:
            yield from _office_rows(legislator, signatures)

    return Table(
        name="petition-delivery",
        header=[str(title) for title in PETITION_COLUMNS],
        rows=rows(),
    )


def petition_legislators(campaign, period: DateRange) -> list[Legislator]:
    """Current members with at least one constituent among the signers (from the rollups)."""
    rows = totals_by(campaign.pk, "district", period=period)
    seats = {seat_of(key) for key, metrics in rows.items() if metrics.get("signatures")}
    seats.discard(None)
    if not seats:
        return []
    condition = Q(chamber=Legislator.Chamber.SENATE, state__in={state for state, _d in seats})
    for state, district in seats:
        condition |= Q(chamber=Legislator.Chamber.HOUSE, state=state, district=district)
    members = Legislator.objects.filter(is_current=True).filter(condition)
    return list(members.order_by("state", "-chamber", "district", "last_name"))


def petition_cover(campaign, legislator: Legislator, period: DateRange) -> PetitionCover:
    """The first page of the printed petition for one office."""
    from campaigns.outreach.offices import formal_name

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
        footer=f"{settings.SITE_NAME} · {campaign.title}",
    )


def petition_text(campaign) -> str:
    petition = getattr(campaign, "petition", None)
    return getattr(petition, "text", "") or campaign.summary


def petition_signer_rows(campaign, period: DateRange, legislator: Legislator) -> Iterator[tuple]:
    """(first name, last name, ZIP, day signed) of each constituent signer, oldest first."""
    signatures = signature_queryset(campaign, period).filter(constituent_filter(legislator))
    columns = ("supporter__first_name", "supporter__last_name", "zip_code", "created_at")
    for first, last, zip_code, signed in _stream(signatures, columns):
        yield first, last, zip_code, date_format(timezone.localtime(signed), "SHORT_DATE_FORMAT")
