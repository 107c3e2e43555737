from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.documents import DOCUMENT_HELP, validate_document
from campaigns.localized import TRANSLATIONS, Localized, Translatable, in_spanish
from campaigns.markdown import render_markdown
from images.fields import SafeImageField


class Campaign(Translatable, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        LIVE = "live", _("Live")
        WON = "won", _("Won")
        CLOSED = "closed", _("Closed")
        ARCHIVED = "archived", _("Archived")

    # The only lifecycle moves allowed; everything else is refused by campaign_set_status.
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.LIVE}),
        Status.LIVE: frozenset({Status.WON, Status.CLOSED}),
        Status.WON: frozenset({Status.ARCHIVED}),
        Status.CLOSED: frozenset({Status.ARCHIVED}),
        Status.ARCHIVED: frozenset(),
    }
    PUBLIC_STATUSES = (Status.LIVE, Status.WON, Status.CLOSED, Status.ARCHIVED)
    # Seeing a campaign as supporters will, drafts included: whoever may edit campaigns.
    PREVIEW_PERMISSION = "campaigns.change_campaign"

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_es = models.CharField(in_spanish(_("title")), max_length=200, blank=True)
    summary = models.CharField(_("mission statement"), max_length=500, blank=True)
    summary_es = models.CharField(in_spanish(_("mission statement")), max_length=500, blank=True)
    body = models.TextField(_("story (Markdown)"), blank=True)
    body_es = models.TextField(in_spanish(_("story (Markdown)")), blank=True)
    hero_image = SafeImageField(_("hero image"), upload_to="campaigns/hero/", blank=True)
    hero_alt = models.CharField(_("hero image description"), max_length=200, blank=True)
    hero_alt_es = models.CharField(
        in_spanish(_("hero image description")), max_length=200, blank=True
    )
    # The picture of the campaign's card on social networks (Open Graph); the hero image
    # stands in for it when it is empty.
    share_image = SafeImageField(
        _("share image"),
        upload_to="campaigns/share/",
        blank=True,
        help_text=_(
            "Shown when the campaign's link is shared on social networks; best 1200 × 630 "
            "pixels. Without it, the hero image is shown."
        ),
    )
    share_alt = models.CharField(_("share image description"), max_length=200, blank=True)
    share_alt_es = models.CharField(
        in_spanish(_("share image description")), max_length=200, blank=True
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        help_text=_("The language the texts above are written in."),
    )
    # Set only by campaign_translation_publish, which refuses while a text has no version.
    published_translations = ArrayField(
        models.CharField(max_length=10),
        verbose_name=_("published translations"),
        default=list,
        blank=True,
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    goal = models.PositiveIntegerField(_("signature goal"), default=0)
    donation_url = models.URLField(_("donation URL"), blank=True)
    # None until an organizer answers "could taking part put a supporter at risk?": a
    # campaign is published only once answered, and an unanswered one is treated as
    # sensitive wherever it matters (purges, what partners read).
    sensitive = models.BooleanField(
        _("sensitive"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Privacy tier: letters' texts are purged after delivery."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "live", "won", "closed", "archived"]),
                name="campaign_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(published_translations__contained_by=list(TRANSLATIONS)),
                name="campaign_published_translations_known",
            ),
        ]

    TRANSLATED_FIELDS = ("title", "summary", "body", "hero_alt", "share_alt")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign-detail", args=[self.slug])

    @property
    def accepts_actions(self) -> bool:
        return self.status == self.Status.LIVE

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)

    @property
    def content_campaign(self) -> "Campaign":
        return self

    def in_language(self, language: str) -> "CampaignText":
        return CampaignText(self, language)

    def publishes(self, language: str) -> bool:
        """True when supporters reading `language` see the campaign in it."""
        return language == self.language or language in self.published_translations


class CampaignText(Localized):
    """The campaign's own texts in a reader's language, the story rendered too."""

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)


# A content row without a campaign is the movement's own (its home page, "Get the Facts",
# the library): one model per concept, whoever the row belongs to.
MOVEMENT_WIDE_HELP = _("Leave empty for the movement as a whole (the home page).")


class CampaignContent(models.Model):
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Partner(Translatable, CampaignContent):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        help_text=MOVEMENT_WIDE_HELP,
    )
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    # Decorative: the partner's name is written beside it (images.alt).
    logo = SafeImageField(_("logo"), upload_to="campaigns/partners/", blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    description_es = models.TextField(in_spanish(_("description")), max_length=2000, blank=True)
    founding_member = models.BooleanField(_("founding member"), default=False)
    cosponsor = models.BooleanField(
        _("co-sponsor"),
        default=False,
        help_text=_("Petition signers are offered an opt-in to hear from this organization."),
    )

    class Meta(CampaignContent.Meta):
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")

    TRANSLATED_FIELDS = ("description",)

    def __str__(self) -> str:
        return self.name


class Testimonial(Translatable, CampaignContent):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="testimonials",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        help_text=MOVEMENT_WIDE_HELP,
    )
    quote = models.TextField(_("quote"), max_length=2000)
    quote_es = models.TextField(in_spanish(_("quote")), max_length=2000, blank=True)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role or organization"), max_length=200, blank=True)
    role_es = models.CharField(in_spanish(_("role or organization")), max_length=200, blank=True)
    is_sample = models.BooleanField(
        _("sample text"), default=False, help_text=_("Shown with a 'sample text' label.")
    )
    consent_recorded = models.BooleanField(_("consent to publish recorded"), default=False)
    consent_note = models.CharField(_("how consent was given"), max_length=300, blank=True)

    class Meta(CampaignContent.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_recorded=True) | models.Q(is_sample=True),
                name="testimonial_has_consent_or_is_sample",
            ),
        ]

    TRANSLATED_FIELDS = ("quote", "role")

    def __str__(self) -> str:
        return f"{self.name}: {self.quote[:40]}"


class Fact(Translatable, CampaignContent):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="facts",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        help_text=MOVEMENT_WIDE_HELP,
    )
    figure = models.CharField(_("figure"), max_length=40)
    figure_es = models.CharField(in_spanish(_("figure")), max_length=40, blank=True)
    statement = models.CharField(_("statement"), max_length=400)
    statement_es = models.CharField(in_spanish(_("statement")), max_length=400, blank=True)
    source_title = models.CharField(_("source"), max_length=200)
    source_title_es = models.CharField(in_spanish(_("source")), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), blank=True)
    source_date = models.DateField(_("source date"), null=True, blank=True)

    class Meta(CampaignContent.Meta):
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    TRANSLATED_FIELDS = ("figure", "statement", "source_title")

    def __str__(self) -> str:
        return f"{self.figure} {self.statement[:40]}"


class Resource(Translatable, CampaignContent):
    class Kind(models.TextChoices):
        RESEARCH = "research", _("Research & analysis")
        FACT_SHEET = "fact_sheet", _("Fact sheet")
        TESTIMONY = "testimony", _("Testimony")
        LEGAL = "legal", _("Legal analysis")
        MEDIA = "media", _("Media coverage")
        TOOLKIT = "toolkit", _("Toolkit")

    # The kinds of the "Research & Analysis" library; media coverage is "Read the Latest".
    LIBRARY_KINDS = (Kind.RESEARCH, Kind.FACT_SHEET, Kind.TESTIMONY, Kind.LEGAL)

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="resources",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        help_text=MOVEMENT_WIDE_HELP,
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    title_es = models.CharField(in_spanish(_("title")), max_length=300, blank=True)
    url = models.URLField(_("URL"), blank=True, help_text=_("A link, or a file below."))
    file = models.FileField(
        _("file"),
        upload_to="resources/",
        blank=True,
        validators=[validate_document],
        help_text=DOCUMENT_HELP,
    )
    source = models.CharField(
        _("source outlet"),
        max_length=200,
        blank=True,
        help_text=_("For media coverage: the newspaper, station or site that published it."),
    )
    language = models.CharField(
        _("language of the linked document"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    published_on = models.DateField(_("date"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    summary_es = models.TextField(in_spanish(_("summary")), max_length=1000, blank=True)

    class Meta(CampaignContent.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""),
                name="resource_has_link_or_file",
            ),
        ]

    TRANSLATED_FIELDS = ("title", "summary")

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        """Where the resource is read: its uploaded file (served by this site), or its link."""
        return self.file.url if self.file else self.url
