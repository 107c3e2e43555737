"""Letters and calls to Congress: what organizers configure, what supporters send,
and the delivery outbox (one row per letter and office)."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.delivery.cwc import BILL_TYPES, LIBRARY_OF_CONGRESS_TOPICS
from campaigns.outreach.templating import validate_template


def default_topics() -> list[str]:
    return ["Immigration"]


def new_cwc_campaign_id() -> str:
    return uuid.uuid4().hex


def new_receipt_key() -> str:
    return secrets.token_urlsafe(24)


def validate_topics(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one Library of Congress topic."))
    unknown = [topic for topic in value if topic not in LIBRARY_OF_CONGRESS_TOPICS]
    if unknown:
        raise ValidationError(
            _("Not a Library of Congress topic: %(topics)s."),
            params={"topics": ", ".join(map(str, unknown))},
        )


class Chambers(models.TextChoices):
    BOTH = "both", _("House and Senate")
    HOUSE = "house", _("House only")
    SENATE = "senate", _("Senate only")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    OPPOSES = "opposes", _("Opposes")
    UNKNOWN = "unknown", _("Unknown")


class LetterAction(models.Model):
    """A campaign's letter to Congress: the text, who receives it, how CWC files it."""

    class Targets(models.TextChoices):
        OWN_MEMBERS = "own", _("The supporter's own members of Congress")
        FIXED = "fixed", _("A fixed list of members")
        COMMITTEE = "committee", _("The members of a committee")

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="letter_action",
        verbose_name=_("campaign"),
    )
    is_active = models.BooleanField(_("accepting letters"), default=True)
    subject = models.CharField(_("subject"), max_length=200, validators=[MinLengthValidator(6)])
    template = models.TextField(
        _("letter"),
        validators=[validate_template],
        help_text=_('Sent to members whose stance is unknown or opposed ("please support").'),
    )
    template_supporting = models.TextField(
        _("letter to members who support"),
        blank=True,
        validators=[validate_template],
        help_text=_('Optional "thank you for supporting" variant; empty = the letter above.'),
    )
    template_opposing = models.TextField(
        _("letter to members who oppose"),
        blank=True,
        validators=[validate_template],
        help_text=_("Optional variant for members who oppose; empty = the letter above."),
    )
    personal_story_prompt = models.CharField(_("personal story prompt"), max_length=300, blank=True)
    editable = models.BooleanField(_("supporters may edit the letter"), default=False)
    targets = models.CharField(
        _("recipients"), max_length=16, choices=Targets.choices, default=Targets.OWN_MEMBERS
    )
    chambers = models.CharField(
        _("chambers"), max_length=8, choices=Chambers.choices, default=Chambers.BOTH
    )
    fixed_legislators = models.ManyToManyField(
        "legislators.Legislator",
        blank=True,
        related_name="+",
        verbose_name=_("fixed list of members"),
    )
    committee = models.ForeignKey(
        "legislators.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    topics = models.JSONField(
        _("Library of Congress topics"), default=default_topics, validators=[validate_topics]
    )
    bill_congress = models.PositiveSmallIntegerField(_("bill: Congress"), null=True, blank=True)
    bill_type = models.CharField(
        _("bill: type"),
        max_length=8,
        blank=True,
        choices=[(value, value) for value in BILL_TYPES],
    )
    bill_number = models.PositiveIntegerField(_("bill: number"), null=True, blank=True)
    cwc_campaign_id = models.CharField(
        _("CWC campaign ID"),
        max_length=64,
        unique=True,
        default=new_cwc_campaign_id,
        validators=[MinLengthValidator(2)],
        help_text=_("Stable identifier CWC files these letters under. Do not change it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("letter action")
        verbose_name_plural = _("letter actions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(targets="committee") | Q(committee__isnull=False),
                name="outreach_letter_committee_target_has_committee",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("outreach:letter-start", args=[self.campaign.slug])

    def clean(self) -> None:
        if self.targets == self.Targets.COMMITTEE and self.committee_id is None:
            raise ValidationError(
                {"committee": _("Choose the committee whose members receive it.")}
            )
        bill = (self.bill_congress, self.bill_type, self.bill_number)
        if any(bill) and not all(bill):
            raise ValidationError({"bill_number": _("A bill needs its Congress, type and number.")})

    def template_for(self, stance: str) -> str:
        if stance == Stance.SUPPORTS and self.template_supporting.strip():
            return self.template_supporting
        if stance == Stance.OPPOSES and self.template_opposing.strip():
            return self.template_opposing
        return self.template


class LegislatorStance(models.Model):
    """Where a member stands on the campaign's ask; picks the letter variant they get."""

    action = models.ForeignKey(
        LetterAction, on_delete=models.CASCADE, related_name="stances", verbose_name=_("letter")
    )
    legislator = models.ForeignKey(
        "legislators.Legislator",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("legislator"),
    )
    stance = models.CharField(_("stance"), max_length=8, choices=Stance.choices)

    class Meta:
        verbose_name = _("legislator stance")
        verbose_name_plural = _("legislator stances")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "legislator"], name="outreach_one_stance_per_legislator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.legislator_id}: {self.stance}"


class Letter(models.Model):
    """One supporter's letter in one campaign; it travels as one delivery per office."""

    action = models.ForeignKey(
        LetterAction, on_delete=models.PROTECT, related_name="letters", verbose_name=_("action")
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("campaign"),
    )
    supporter = models.ForeignKey(
        "campaigns.Supporter",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("supporter"),
    )
    receipt_key = models.CharField(
        _("receipt key"), max_length=64, unique=True, default=new_receipt_key, editable=False
    )
    prefix = models.CharField(_("prefix"), max_length=16)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    address1 = models.CharField(_("street address"), max_length=200)
    address2 = models.CharField(_("apartment, suite"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2)
    zip_code = models.CharField(_("ZIP code"), max_length=10)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    district = models.PositiveSmallIntegerField(_("district"), null=True, blank=True)
    edited_template = models.TextField(_("letter as edited by the supporter"), blank=True)
    personal_note = models.TextField(_("personal note"), blank=True)
    personalized = models.BooleanField(_("personalized"), default=False)
    source = models.CharField(_("source"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    purged_at = models.DateTimeField(_("personal text purged"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "supporter"], name="outreach_one_letter_per_supporter"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.campaign_id})"


class Delivery(models.Model):
    """The outbox: one letter to one office. Its id is the CWC DeliveryId."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Delivered")
        FAILED = "failed", _("Failed")
        NEEDS_MANUAL = "needs_manual", _("Needs you to send it")

    FINAL = frozenset({Status.SENT, Status.FAILED, Status.NEEDS_MANUAL})
    # Repeating a transition is a no-op; anything not listed is refused.
    TRANSITIONS = {
        Status.QUEUED: {Status.SENDING},
        Status.SENDING: {Status.SENT, Status.FAILED, Status.NEEDS_MANUAL, Status.QUEUED},
        Status.FAILED: {Status.QUEUED},
        Status.NEEDS_MANUAL: {Status.SENT},
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
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    finished_at = models.DateTimeField(_("final state reached"), null=True, blank=True)
    marked_sent_by_supporter = models.BooleanField(_("sent by the supporter"), default=False)

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
                condition=Q(status__in=["queued", "sending", "sent", "failed", "needs_manual"]),
                name="outreach_delivery_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="outreach_sent_delivery_has_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["sent", "failed", "needs_manual"])
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
        from campaigns.delivery import CHANNEL_NAMES

        unknown = [name for name in self.channels if name not in CHANNEL_NAMES]
        if unknown:
            raise ValidationError(
                {"channel_order": _("Unknown channel: %(names)s.") % {"names": ", ".join(unknown)}}
            )


class CallAction(models.Model):
    """A campaign's call-in: the script and which of the supporter's members to call."""

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="call_action",
        verbose_name=_("campaign"),
    )
    is_active = models.BooleanField(_("accepting calls"), default=True)
    script = models.TextField(_("call script"), validators=[validate_template])
    chambers = models.CharField(
        _("chambers"), max_length=8, choices=Chambers.choices, default=Chambers.BOTH
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("call action")
        verbose_name_plural = _("call actions")

    def __str__(self) -> str:
        return str(_("Call script"))

    def get_absolute_url(self) -> str:
        return reverse("outreach:call", args=[self.campaign.slug])


class CallLog(models.Model):
    """One reported call outcome. No personal data: the office and the caller's district."""

    class Outcome(models.TextChoices):
        REACHED = "reached", _("I reached a staff member")
        VOICEMAIL = "voicemail", _("I left a voicemail")
        BUSY = "busy", _("Busy or no answer")

    action = models.ForeignKey(
        CallAction, on_delete=models.CASCADE, related_name="calls", verbose_name=_("call action")
    )
    legislator = models.ForeignKey(
        "legislators.Legislator",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("legislator"),
    )
    office_code = models.CharField(_("office"), max_length=16)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    state = models.CharField(_("caller's state"), max_length=2, blank=True)
    district = models.PositiveSmallIntegerField(_("caller's district"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return f"{self.office_code}: {self.outcome}"
