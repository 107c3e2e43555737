"""The letters' exports: letters (their metadata, never their text) and deliveries."""

from __future__ import annotations

from django.db.models import Case, F, Value, When
from django.utils.translation import gettext_lazy as _

from campaigns.exports import Table, stream
from letters.models import Delivery, Letter
from metrics.periods import Period, within

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


def letters_table(campaign, period: Period) -> Table:
    queryset = within(Letter.objects.filter(campaign=campaign), "created_at", period)
    columns = [column for column, _title in LETTER_COLUMNS]
    return Table(
        name="letters",
        header=[str(title) for _column, title in LETTER_COLUMNS],
        rows=stream(queryset.order_by("pk"), columns),
    )


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
    ("status_label", _("Status in words")),
    ("attempts", _("Attempts")),
    ("sent_at", _("Delivered at")),
    ("letter__state", _("Sender state")),
    ("letter__district", _("Sender district")),
)


def deliveries_table(campaign, period: Period) -> Table:
    queryset = within(Delivery.objects.filter(campaign=campaign), "created_at", period)
    # Each status as staff read it ("Needs you to send it"), beside its code for tools.
    labels = [
        When(status=value, then=Value(str(label))) for value, label in Delivery.Status.choices
    ]
    queryset = queryset.annotate(status_label=Case(*labels, default=F("status")))
    columns = [column for column, _title in DELIVERY_COLUMNS]
    return Table(
        name="deliveries",
        header=[str(title) for _column, title in DELIVERY_COLUMNS],
        rows=stream(queryset.order_by("created_at", "id"), columns),
    )
