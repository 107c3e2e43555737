"""Joining the movement: people, organizations that sign on, and the updates list."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.localized import Translatable, in_spanish
from campaigns.models.portraits import CardPortrait
from images.fields import SafeImageField


class SignupAction(Translatable, CardPortrait):
    """Join-the-movement configuration of a campaign (the signup action kind)."""

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="signup_action",
        verbose_name=_("campaign"),
    )
    intro = models.TextField(_("introduction"), max_length=2000, blank=True)
    intro_es = models.TextField(in_spanish(_("introduction")), max_length=2000, blank=True)
    accepts_organizations = models.BooleanField(_("organizations may sign on"), default=True)

    class Meta:
        verbose_name = _("sign-up action")
        verbose_name_plural = _("sign-up actions")

    TRANSLATED_FIELDS = ("intro", "card_alt")

    def __str__(self) -> str:
        return str(self.campaign)


class Signup(models.Model):
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="signups"
    )
    supporter = models.ForeignKey(
        "campaigns.Supporter", on_delete=models.PROTECT, related_name="signups"
    )
    state = models.CharField(_("state"), max_length=2, blank=True)
    district = models.SmallIntegerField(_("district"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "supporter"], name="signup_one_per_supporter"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.supporter_id}"


class OrganizationSignOn(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="organization_signons"
    )
    name = models.CharField(_("organization name"), max_length=200)
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"), max_length=254)
    logo = SafeImageField(_("logo"), upload_to="campaigns/signons/", blank=True)
    statement = models.TextField(_("statement of support"), max_length=2000, blank=True)
    source = models.CharField(_("source"), max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    # When the contact was told we received the request, and that it is listed: each
    # email goes out once, however often its task runs.
    received_email_at = models.DateTimeField(_("receipt emailed at"), null=True, blank=True)
    approved_email_at = models.DateTimeField(_("listing emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organization sign-on")
        verbose_name_plural = _("organization sign-ons")
        indexes = [
            models.Index(fields=["campaign", "status"], name="campaigns_o_campaig_97f425_idx")
        ]

    def __str__(self) -> str:
        return self.name


class UpdatesSubscription(models.Model):
    """The updates list, double opt-in: pending until the emailed link is followed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    supporter = models.ForeignKey(
        "campaigns.Supporter", on_delete=models.CASCADE, related_name="subscriptions"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("updates subscription")
        verbose_name_plural = _("updates subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["supporter", "campaign"], name="subscription_one_per_campaign"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supporter_id}/{self.campaign_id}: {self.status}"
