"""Calls to Congress: the script organizers write and the outcomes callers report."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.localized import Translatable, in_spanish
from campaigns.models.portraits import CardPortrait
from campaigns.templating import validate_template
from legislators.models import Chambers


class CallAction(Translatable, CardPortrait):
    """A campaign's call-in: the script and which of the supporter's members to call."""

    campaign = models.OneToOneField(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="call_action",
        verbose_name=_("campaign"),
    )
    is_active = models.BooleanField(_("accepting calls"), default=True)
    script = models.TextField(_("call script"), validators=[validate_template])
    script_es = models.TextField(
        in_spanish(_("call script")), blank=True, validators=[validate_template]
    )
    chambers = models.CharField(
        _("chambers"), max_length=8, choices=Chambers.choices, default=Chambers.BOTH
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("call action")
        verbose_name_plural = _("call actions")

    TRANSLATED_FIELDS = ("script", "card_alt")

    def __str__(self) -> str:
        return str(_("Call script"))

    def get_absolute_url(self) -> str:
        return reverse("calls:call", args=[self.campaign.slug])


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
