"""The movement's own site: its identity and its news.

The movement's facts, members and partners, supporter quotes, library resources and media
coverage are the campaigns' content models (campaigns.models) with no campaign: one model
per concept. The proxies below only give them their own pages in the admin.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from actioncenter.languages import language_in_a_sentence
from campaigns.localized import in_spanish
from campaigns.markdown import render_markdown
from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial
from images.fields import SafeImageField
from movement.colours import readable_on_white

SETTINGS_DEFAULT = _("Leave empty to use the site's setting ({setting}).")


def _default_help(setting: str):
    return format_lazy(SETTINGS_DEFAULT, setting=setting)


class SiteIdentity(models.Model):
    """The one row of the movement's identity; each empty field falls back to its setting."""

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    name = models.CharField(
        _("movement's name"), max_length=120, blank=True, help_text=_default_help("SITE_NAME")
    )
    name_es = models.CharField(in_spanish(_("movement's name")), max_length=120, blank=True)
    tagline = models.CharField(
        _("mission statement"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown under the name on the home page and footer."),
    )
    tagline_es = models.CharField(in_spanish(_("mission statement")), max_length=300, blank=True)
    logo = SafeImageField(_("logo"), upload_to="movement/", blank=True)
    logo_alt = models.CharField(
        _("logo description"),
        max_length=200,
        blank=True,
        help_text=_("What the logo shows, for people who cannot see it. Required with a logo."),
    )
    logo_alt_es = models.CharField(in_spanish(_("logo description")), max_length=200, blank=True)
    primary_colour = models.CharField(
        _("main colour"),
        max_length=7,
        blank=True,
        validators=[readable_on_white],
        help_text=_(
            "The header, buttons and links, like #5b2a86. White text must be readable on it."
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[readable_on_white],
        help_text=_("The quick exit button and error messages, like #b3261e."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_default_help("SITE_CONTACT_EMAIL")
    )
    donation_url = models.URLField(
        _("donation page"),
        blank=True,
        help_text=_(
            "The organization's donation processor. Supporters see a 'you are leaving this "
            "site' note first; no payment data passes through this site."
        ),
    )
    join_campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"status": Campaign.Status.LIVE},
        verbose_name=_("campaign people join through"),
        help_text=_(
            "The home page's 'Join' and 'Stay up to date' buttons open this campaign's "
            "sign-up and updates list. Empty: the first live campaign."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        constraints = [
            models.CheckConstraint(condition=models.Q(singleton=True), name="site_identity_one_row")
        ]

    # Each has its Spanish version beside it (`name_es`); empty, the text is shown in English.
    TRANSLATED_FIELDS = ("name", "tagline", "logo_alt")

    def __str__(self) -> str:
        return str(_("Site identity"))


class NewsPost(models.Model):
    """A dated post of "Read the Latest", written in one language."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    body = models.TextField(_("text (Markdown)"))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the post is written in."),
    )
    published_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    campaigns = models.ManyToManyField(
        Campaign,
        blank=True,
        related_name="news_posts",
        verbose_name=_("campaigns"),
        help_text=_("The campaign pages that list this post among their latest news."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-published_on", "-created_at", "-pk"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("movement:news-detail", args=[self.slug])

    @property
    def language_name(self) -> str:
        return language_in_a_sentence(self.language)

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)


class MovementFact(Fact):
    class Meta:
        proxy = True
        verbose_name = _("fact (Get the Facts)")
        verbose_name_plural = _("facts (Get the Facts)")


class MovementPartner(Partner):
    class Meta:
        proxy = True
        verbose_name = _("founding member or partner organization")
        verbose_name_plural = _("founding members and partner organizations")


class SupporterQuote(Testimonial):
    class Meta:
        proxy = True
        verbose_name = _("supporter quote")
        verbose_name_plural = _("supporter quotes")


class LibraryResource(Resource):
    class Meta:
        proxy = True
        verbose_name = _("library resource (Research & Analysis)")
        verbose_name_plural = _("library resources (Research & Analysis)")


class MediaCoverage(Resource):
    class Meta:
        proxy = True
        verbose_name = _("media coverage item")
        verbose_name_plural = _("media coverage")
