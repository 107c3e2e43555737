"""The petition action kind: a campaign's petition and the signatures on it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.localized import Translatable, in_spanish
from campaigns.models.portraits import CardPortrait


class Petition(Translatable, CardPortrait):
    """Petition configuration of a campaign (the petition action kind)."""

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="petition",
        verbose_name=_("campaign"),
    )
    text = models.TextField(_("petition text"), max_length=5000)
    text_es = models.TextField(in_spanish(_("petition text")), max_length=5000, blank=True)
    is_active = models.BooleanField(_("accepting signatures"), default=True)
    show_recent_signers = models.BooleanField(_("show recent signers"), default=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    TRANSLATED_FIELDS = ("text", "card_alt")

    def __str__(self) -> str:
        return str(self.campaign)


class Signature(models.Model):
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("campaign"),
        db_index=False,  # the (campaign, supporter) unique index serves it: one less to write
    )
    supporter = models.ForeignKey(
        "campaigns.Supporter",
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("supporter"),
    )
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    district = models.SmallIntegerField(_("district"), null=True, blank=True)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    source = models.CharField(_("source"), max_length=64, blank=True)
    show_publicly = models.BooleanField(_("show first name and state"), default=False)
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "supporter"], name="signature_one_per_supporter"
            ),
        ]
        indexes = [
            models.Index(
                fields=["campaign", "-created_at"],
                name="signature_public_recent",
                condition=models.Q(show_publicly=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.supporter_id}"
