"""What a partner's system sent with an action it recorded here through an OSDI helper."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ForeignAction(models.Model):
    """A signature or letter recorded by a partner's system: its own ids and name, when the
    person acted and where they came from, kept so that the partner can find it again."""

    signature = models.OneToOneField(
        "petitions.Signature",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="osdi_origin",
        verbose_name=_("signature"),
    )
    letter = models.OneToOneField(
        "letters.Letter",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="osdi_origin",
        verbose_name=_("letter"),
    )
    identifiers = models.JSONField(_("the partner's identifiers"), default=list, blank=True)
    origin_system = models.CharField(_("origin system"), max_length=100, blank=True)
    action_date = models.DateTimeField(_("acted on"), null=True, blank=True)
    referrer_data = models.JSONField(_("referrer data"), default=dict, blank=True)
    # Outreaches only: how the person reached the offices, and the offices as named.
    outreach_type = models.CharField(_("outreach type"), max_length=16, blank=True)
    duration = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    targets = models.JSONField(_("targets"), default=list, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("action recorded by a partner")
        verbose_name_plural = _("actions recorded by partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(signature__isnull=False, letter__isnull=True)
                | Q(signature__isnull=True, letter__isnull=False),
                name="osdi_foreign_action_of_one_action",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origin_system}: {', '.join(self.identifiers)}"


class PersonIdentifier(models.Model):
    """A partner system's own id for a supporter ("foreign_system:1")."""

    supporter = models.ForeignKey(
        "campaigns.Supporter",
        on_delete=models.CASCADE,
        related_name="osdi_identifiers",
        verbose_name=_("supporter"),
    )
    value = models.CharField(_("identifier"), max_length=200)

    class Meta:
        verbose_name = _("partner identifier of a supporter")
        verbose_name_plural = _("partner identifiers of supporters")
        constraints = [
            models.UniqueConstraint(
                fields=["supporter", "value"], name="osdi_person_identifier_once"
            ),
        ]

    def __str__(self) -> str:
        return self.value
