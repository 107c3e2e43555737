"""One supporter's letter in one campaign."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from letters.models.actions import LetterAction


def new_receipt_key() -> str:
    return secrets.token_urlsafe(24)


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
    response_requested = models.BooleanField(_("would like a reply"), default=False)
    district = models.PositiveSmallIntegerField(_("district"), null=True, blank=True)
    edited_template = models.TextField(_("letter as edited by the supporter"), blank=True)
    personal_note = models.TextField(_("personal note"), blank=True)
    personalized = models.BooleanField(_("personalized"), default=False)
    source = models.CharField(_("source"), max_length=64, blank=True)
    # The language it went to Congress in: the writer's page's, when the campaign has it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    purged_at = models.DateTimeField(_("personal text purged"), null=True, blank=True)
    # Set once the receipt email went out: until then the sweeper queues it again (a
    # message lost with the broker), so the writer always gets their receipt.
    receipt_sent_at = models.DateTimeField(_("receipt emailed"), null=True, blank=True)

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
