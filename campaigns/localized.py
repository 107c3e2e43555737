"""A campaign's own texts in more than one language.

Organizers write every text in the campaign's language (`Campaign.language`, English for
most) and, beside it, its version in each language of `TRANSLATIONS`, in a column named
`<field>_<language>` declared right after the field (`title`, `title_es`). A translation
is shown only once the campaign publishes it (`Campaign.published_translations`), and only
for a row whose every text has its version: a row with one missing is shown whole in the
campaign's language, so each `lang` attribute is true of all it covers.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# The languages a campaign's texts can be translated into, beyond its own.
TRANSLATIONS = ("es",)

# What a page says when the campaign is not published in its language.
NOT_YET_AVAILABLE = {
    "en": _("This campaign is not yet available in English."),
    "es": _("This campaign is not yet available in Spanish."),
}

# The help of a Spanish letter or script.
SPANISH_MERGE_FIELDS_HELP = _(
    "The same merge fields as in English; members' titles and chambers come out in Spanish."
)


def in_spanish(label):
    """The label of a field's Spanish version: "title in Spanish"."""
    return format_lazy(_("{field} in Spanish"), field=label)


class MovementTexts:
    """The owner of the movement's own texts (content rows with no campaign): written in the
    site's language and published in every other, so each row is shown in a reader's
    language once it has every version, and whole in the site's language until then."""

    @property
    def language(self) -> str:
        return settings.LANGUAGE_CODE

    def publishes(self, language: str) -> bool:
        return True


MOVEMENT = MovementTexts()


class Translatable:
    """For models with campaign texts: `TRANSLATED_FIELDS` names the fields that have a
    `<field>_<language>` version for each language of TRANSLATIONS."""

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    @property
    def content_campaign(self):
        """The campaign whose language and published translations govern the row's texts;
        a row of the movement as a whole (no campaign) follows MOVEMENT."""
        campaign = self.campaign
        return MOVEMENT if campaign is None else campaign

    def translation_missing(self, language: str) -> list[str]:
        """The fields written in the campaign's language whose `language` version is empty."""
        if language == self.content_campaign.language:
            return []
        return [
            name
            for name in self.TRANSLATED_FIELDS
            if getattr(self, name).strip() and not getattr(self, f"{name}_{language}", "").strip()
        ]

    def shown_language(self, language: str) -> str:
        """The language this row's texts are shown in to a reader of `language`."""
        campaign = self.content_campaign
        if campaign.publishes(language) and not self.translation_missing(language):
            return language
        return campaign.language

    def text(self, name: str, language: str) -> str:
        """The text of field `name` as a reader of `language` is shown it."""
        shown = self.shown_language(language)
        if shown == self.content_campaign.language:
            return getattr(self, name)
        return getattr(self, f"{name}_{shown}")

    def in_language(self, language: str) -> Localized:
        return Localized(self, language)

    @property
    def localized(self) -> Localized:
        """The row's texts in the active language (the page's, or the email's)."""
        return self.in_language(translation.get_language() or "")


class Localized:
    """One row's texts as a reader of `requested` is shown them: `lang` is the language they
    are in; each field of TRANSLATED_FIELDS is an attribute."""

    def __init__(self, row: Translatable, requested: str):
        self.row = row
        self.requested = requested
        self.lang = row.shown_language(requested)

    def __getattr__(self, name: str):
        row = self.__dict__.get("row")
        if row is None or name not in row.TRANSLATED_FIELDS:
            raise AttributeError(name)
        if self.lang == row.content_campaign.language:
            return getattr(row, name)
        return getattr(row, f"{name}_{self.lang}")

    @property
    def is_fallback(self) -> bool:
        """True when the campaign is not published in the reader's language."""
        return not self.row.content_campaign.publishes(self.requested)

    @property
    def not_available_notice(self) -> str:
        """What the page says when the campaign is not published in the reader's language."""
        if not self.is_fallback:
            return ""
        return str(NOT_YET_AVAILABLE.get(self.requested, ""))


def fields_beside_translations(model, exclude=()) -> list:
    """The admin's fields of `model`, each translated one beside its versions on one line:
    `["name", ("quote", "quote_es"), ...]`."""
    versions = {
        f"{name}_{language}" for name in model.TRANSLATED_FIELDS for language in TRANSLATIONS
    }
    fields = []
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created or field.name in exclude:
            continue
        if field.name in versions or field.many_to_many or field.one_to_many:
            continue
        if field.name in model.TRANSLATED_FIELDS:
            fields.append((field.name, *(f"{field.name}_{code}" for code in TRANSLATIONS)))
        else:
            fields.append(field.name)
    return fields
