"""What an organizer configures: the letter, its recipients, how CWC files it."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.localized import Translatable, in_spanish
from campaigns.models.portraits import CardPortrait
from campaigns.templating import validate_template
from legislators.models import Chambers
from letters.channels.cwc import BILL_TYPES, LIBRARY_OF_CONGRESS_TOPICS


def default_topics() -> list[str]:
    return ["Immigration"]


def new_cwc_campaign_id() -> str:
    return uuid.uuid4().hex


def validate_topics(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one Library of Congress topic."))
    unknown = [topic for topic in value if topic not in LIBRARY_OF_CONGRESS_TOPICS]
    if unknown:
        raise ValidationError(
            _("Not a Library of Congress topic: %(topics)s."),
            params={"topics": ", ".join(map(str, unknown))},
        )


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    OPPOSES = "opposes", _("Opposes")
    UNKNOWN = "unknown", _("Unknown")


class LetterAction(Translatable, CardPortrait):
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
    subject_es = models.CharField(
        in_spanish(_("subject")), max_length=200, blank=True, validators=[MinLengthValidator(6)]
    )
    template = models.TextField(
        _("letter"),
        validators=[validate_template],
        help_text=_('Sent to members whose stance is unknown or opposed ("please support").'),
    )
    template_es = models.TextField(
        in_spanish(_("letter")), blank=True, validators=[validate_template]
    )
    template_supporting = models.TextField(
        _("letter to members who support"),
        blank=True,
        validators=[validate_template],
        help_text=_('Optional "thank you for supporting" variant; empty = the letter above.'),
    )
    template_supporting_es = models.TextField(
        in_spanish(_("letter to members who support")),
        blank=True,
        validators=[validate_template],
    )
    template_opposing = models.TextField(
        _("letter to members who oppose"),
        blank=True,
        validators=[validate_template],
        help_text=_("Optional variant for members who oppose; empty = the letter above."),
    )
    template_opposing_es = models.TextField(
        in_spanish(_("letter to members who oppose")),
        blank=True,
        validators=[validate_template],
    )
    personal_story_prompt = models.CharField(_("personal story prompt"), max_length=300, blank=True)
    personal_story_prompt_es = models.CharField(
        in_spanish(_("personal story prompt")), max_length=300, blank=True
    )
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
    bill_position = models.CharField(
        _("bill: supporters ask the member to"),
        max_length=3,
        choices=[("pro", _("support it")), ("con", _("oppose it"))],
        default="pro",
    )
    more_info_url = models.URLField(
        _("more information (URL)"),
        blank=True,
        help_text=_("Where a staffer reads about the bill; empty = the campaign's page."),
    )
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

    TRANSLATED_FIELDS = (
        "subject",
        "template",
        "template_supporting",
        "template_opposing",
        "personal_story_prompt",
        "card_alt",
    )

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("letters:start", args=[self.campaign.slug])

    def clean(self) -> None:
        if self.targets == self.Targets.COMMITTEE and self.committee_id is None:
            raise ValidationError(
                {"committee": _("Choose the committee whose members receive it.")}
            )
        bill = (self.bill_congress, self.bill_type, self.bill_number)
        if any(bill) and not all(bill):
            raise ValidationError({"bill_number": _("A bill needs its Congress, type and number.")})

    def template_for(self, stance: str, language: str = "") -> str:
        """The variant for a member's stance, as a writer of `language` sends it (the
        campaign's language when empty)."""
        shown = self.in_language(language or self.campaign.language)
        if stance == Stance.SUPPORTS and shown.template_supporting.strip():
            return shown.template_supporting
        if stance == Stance.OPPOSES and shown.template_opposing.strip():
            return shown.template_opposing
        return shown.template


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
