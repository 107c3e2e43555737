"""The portrait on an action's card on the campaign page, chosen by organizers per card."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.localized import in_spanish
from images.fields import SafeImageField


class CardPortrait(models.Model):
    """For an action kind's config model: its card's portrait and the portrait's
    description (list "card_alt" in the model's TRANSLATED_FIELDS)."""

    card_image = SafeImageField(
        _("card portrait"),
        upload_to="campaigns/cards/",
        blank=True,
        help_text=_("The picture on this action's card on the campaign page."),
    )
    card_alt = models.CharField(_("card portrait description"), max_length=200, blank=True)
    card_alt_es = models.CharField(
        in_spanish(_("card portrait description")), max_length=200, blank=True
    )

    class Meta:
        abstract = True
