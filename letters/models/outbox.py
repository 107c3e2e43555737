"""The delivery outbox: one row per letter and office, and what the channels need per office."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from letters.models.actions import Stance
from letters.models.letters import Letter


class Delivery(models.Model):
    """The outbox: one letter to one office. Its id is the CWC DeliveryId."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Delivered")
        FAILED = "failed", _("Failed")
        NEEDS_MANUAL = "needs_manual", _("Needs you to send it")
        # The site's delivery setup was refused (key, address): waits, then resumes.
        HELD = "held", _("Waiting: our delivery setup is being fixed")
        # The supporter says they sent a needs_manual letter; no office system confirmed it.
        SELF_REPORTED = "self_reported", _("Sent by you (not confirmed by the office)")

    FINAL = frozenset({Status.SENT, Status.FAILED, Status.NEEDS_MANUAL, Status.SELF_REPORTED})
    # Repeating a transition is a no-op; anything not listed is refused.
    TRANSITIONS = {
        Status.QUEUED: {Status.SENDING},
        Status.SENDING: {
            Status.SENT,
            Status.FAILED,
            Status.NEEDS_MANUAL,
            Status.QUEUED,
            Status.HELD,
        },
        Status.HELD: {Status.QUEUED},
        Status.FAILED: {Status.QUEUED},
        Status.NEEDS_MANUAL: {Status.SELF_REPORTED},
        Status.SELF_REPORTED: set(),
        Status.SENT: set(),
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Both are served by the unique indexes below (letter, office) and (campaign,
    # supporter, office): every status change adds an entry to each index of the row, so
    # there is no index of their own, nor a (campaign, status) one.
    letter = models.ForeignKey(
        Letter,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("letter"),
        db_index=False,
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name=_("campaign"),
        db_index=False,
    )
    supporter = models.ForeignKey(
        "campaigns.Supporter",
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name=_("supporter"),
    )
    legislator = models.ForeignKey(
        "legislators.Legislator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("legislator"),
    )
    office_code = models.CharField(_("office"), max_length=16)
    office_name = models.CharField(_("recipient"), max_length=200)
    chamber = models.CharField(_("chamber"), max_length=8, blank=True)
    office_state = models.CharField(_("office state"), max_length=2, blank=True)
    office_district = models.PositiveSmallIntegerField(_("office district"), null=True, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=32, blank=True)
    office_contact_url = models.URLField(_("contact form"), max_length=255, blank=True)
    why = models.CharField(_("why this office"), max_length=200, blank=True)
    stance = models.CharField(
        _("stance"), max_length=8, choices=Stance.choices, default=Stance.UNKNOWN
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("letter text"), blank=True)
    channel = models.CharField(_("channel"), max_length=16, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt due"), null=True, blank=True)
    sending_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    # Set, durably, just before this attempt's message can reach the office's system (the
    # last bytes of the request): a sender that stops after it is never sent again; one
    # that stops before it is. Cleared by the next claim.
    handed_over_at = models.DateTimeField(_("handed to the office's system"), null=True, blank=True)
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    finished_at = models.DateTimeField(_("final state reached"), null=True, blank=True)
    marked_sent_by_supporter = models.BooleanField(_("sent by the supporter"), default=False)
    # While held: the fingerprint of the refused setup (channels.cwc.Endpoint.setup).
    held_setup = models.CharField(_("refused delivery setup"), max_length=32, blank=True)

    class Meta:
        ordering = ["letter_id", "chamber", "office_code"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "office_code"], name="outreach_one_delivery_per_letter_office"
            ),
            models.UniqueConstraint(
                fields=["campaign", "supporter", "office_code"],
                name="outreach_one_letter_per_supporter_office_campaign",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "queued",
                        "sending",
                        "sent",
                        "failed",
                        "needs_manual",
                        "held",
                        "self_reported",
                    ]
                ),
                name="outreach_delivery_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="outreach_sent_delivery_has_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["sent", "failed", "needs_manual", "self_reported"])
                | Q(finished_at__isnull=False),
                name="outreach_final_delivery_has_finished_at",
            ),
            # What the index of deliveries still to send relies on.
            models.CheckConstraint(
                condition=~Q(status__in=["queued", "sending"]) | Q(finished_at__isnull=True),
                name="outreach_pending_delivery_not_finished",
            ),
        ]
        # No index reads `status`, so claiming a delivery (queued -> sending) changes no
        # indexed column and PostgreSQL can update the row in place (a HOT update: no new
        # index entries; the table keeps free space for it). Finishing sets
        # `finished_at`, which the pending index's condition reads, so that update adds
        # entries to the other indexes but none to the pending one. Filtering by status
        # alone scans the table (admin lists).
        indexes = [
            # Deliveries still to send, by due time: what the sweeper looks for.
            models.Index(
                fields=["next_attempt_at"],
                name="outreach_delivery_pending_idx",
                condition=Q(finished_at__isnull=True),
            ),
            models.Index(fields=["office_code"], name="outreach_delivery_office_ix"),
        ]

    def __str__(self) -> str:
        return f"{self.office_code} · {self.get_status_display()}"

    @property
    def cwc_delivery_id(self) -> str:
        return self.id.hex

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL


class OfficeReach(models.Model):
    """An office that received at least one letter of a campaign (exact "offices reached")."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="+", verbose_name=_("campaign")
    )
    office_code = models.CharField(_("office"), max_length=16)
    first_sent_at = models.DateTimeField(_("first letter delivered"), auto_now_add=True)

    class Meta:
        verbose_name = _("office reached")
        verbose_name_plural = _("offices reached")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "office_code"], name="outreach_office_reached_once"
            ),
        ]

    def __str__(self) -> str:
        return self.office_code


class OfficeRoute(models.Model):
    """Per-office delivery settings: an email address and/or its own channel order."""

    office_code = models.CharField(_("office"), max_length=16, unique=True)
    channel_order = models.CharField(
        _("channel order"),
        max_length=64,
        blank=True,
        help_text=_(
            'Comma-separated, e.g. "email,manual". Empty = the site default. '
            "Workers pick up changes within a minute."
        ),
    )
    email = models.EmailField(_("office email"), blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["office_code"]
        verbose_name = _("office route")
        verbose_name_plural = _("office routes")

    def __str__(self) -> str:
        return self.office_code

    @property
    def channels(self) -> list[str]:
        return [name.strip() for name in self.channel_order.split(",") if name.strip()]

    def clean(self) -> None:
        from letters.channels.base import CHANNEL_NAMES

        unknown = [name for name in self.channels if name not in CHANNEL_NAMES]
        if unknown:
            raise ValidationError(
                {"channel_order": _("Unknown channel: %(names)s.") % {"names": ", ".join(unknown)}}
            )


class SenateCwcOffice(models.Model):
    """A Senate office on the Senate's own list of offices that take CWC messages."""

    office_code = models.CharField(_("office"), max_length=16, unique=True)
    name = models.CharField(_("name on the Senate's list"), max_length=200, blank=True)

    class Meta:
        ordering = ["office_code"]
        verbose_name = _("Senate office taking CWC")
        verbose_name_plural = _("Senate offices taking CWC")

    def __str__(self) -> str:
        return self.office_code
