from django.db import models
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Supporter(models.Model):
    """One person, whatever the case or spacing of the email they typed."""

    email = models.EmailField(_("email"), max_length=254)
    # The database keeps the normalized form, so uniqueness holds for every writer.
    email_key = models.GeneratedField(
        expression=Lower(Trim("email")),
        output_field=models.CharField(max_length=254),
        db_persist=True,
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    address1 = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    source = models.CharField(_("source of first action"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        constraints = [
            models.UniqueConstraint(fields=["email_key"], name="supporter_unique_email"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or f"#{self.pk}"


class ConsentRecord(models.Model):
    """What a supporter agreed to, when, on which campaign and for which partner."""

    class Purpose(models.TextChoices):
        PETITION = "petition", _("Signed the petition")
        UPDATES = "updates", _("Updates from the campaign")
        PARTNER = "partner", _("Updates from a partner organization")
        PUBLIC_LISTING = "public_listing", _("First name and state shown publicly")
        SIGNUP = "signup", _("Joined the movement")

    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="consents", verbose_name=_("supporter")
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("campaign"),
        db_index=False,  # the (campaign, purpose) index serves it: one less to write
    )
    partner = models.ForeignKey(
        "campaigns.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("partner"),
        db_index=False,  # indexed below only where set: most consents name no partner
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    created_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [
            models.Index(fields=["campaign", "purpose"]),
            models.Index(
                fields=["partner"],
                condition=models.Q(partner__isnull=False),
                name="consent_partner_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supporter_id}: {self.purpose}"


class Participation(models.Model):
    """A supporter took at least one action on a campaign (makes "supporters" exact)."""

    # The unique constraint's index starts with the campaign: no separate index to write.
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "supporter"], name="participation_unique_supporter"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.supporter_id}"
