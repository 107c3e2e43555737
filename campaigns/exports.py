"""What an export is (a header and rows streamed in constant memory), and the campaign-wide
supporters export. Each action kind gives its own exports (`ActionKind.exports`).

Rows come from `values_list(...).iterator(chunk_size=...)` (a server-side cursor), so a
million-row export never holds more than one chunk. Letter texts are never exported.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from campaigns.models import ConsentRecord
from metrics.periods import Period, within

CHUNK = 2000


@dataclass(frozen=True)
class Table:
    """A named export: column titles and the rows (an iterator, consumed once)."""

    name: str
    header: Sequence[str]
    rows: Iterator[Sequence]


def stream(queryset, columns: Sequence[str]) -> Iterator[tuple]:
    return queryset.values_list(*columns).iterator(chunk_size=CHUNK)


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


def supporters_table(campaign, period: Period) -> Table:
    """One row per consent a supporter gave in this campaign (a supporter can give several)."""
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
        rows=stream(consents.order_by("supporter_id", "pk"), columns),
    )
