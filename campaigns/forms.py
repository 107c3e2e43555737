import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from actioncenter.ratelimit import HONEYPOT_FIELD
from campaigns.text import clean_text

# The ZIP code every supporter form and API accepts: five digits, optionally ZIP+4.
ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")
ZIP_MESSAGE = _("Enter a 5-digit ZIP code (like 12345 or 12345-6789).")
ZIP_VALIDATOR = RegexValidator(ZIP_RE, ZIP_MESSAGE)


def clean_zip(value: str) -> str:
    value = (value or "").strip()
    ZIP_VALIDATOR(value)
    return value


class TextField(forms.CharField):
    """A CharField that drops control and direction-override characters."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class HoneypotMixin(forms.Form):
    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    honeypot_name = HONEYPOT_FIELD


class PersonForm(HoneypotMixin):
    first_name = TextField(label=_("First name"), max_length=100)
    last_name = TextField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    zip_code = TextField(label=_("ZIP code"), max_length=10, validators=[ZIP_VALIDATOR])

    def clean_email(self):
        return self.cleaned_data["email"].strip()


def image_fields(model) -> list[str]:
    """Each described image of `model` with its description and that description's
    translations, for a form that edits them (the campaign builder's)."""
    from campaigns.localized import TRANSLATIONS
    from images.alt import image_alt_pairs

    names = {field.name for field in model._meta.get_fields()}
    fields = []
    for image, alt in image_alt_pairs(model):
        fields += [
            image,
            alt,
            *(f"{alt}_{code}" for code in TRANSLATIONS if f"{alt}_{code}" in names),
        ]
    return fields


class SensitivityField(forms.TypedChoiceField):
    """Whether a campaign is sensitive, asked with no answer given: the organizer says it."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Could taking part put a supporter at risk?"),
            choices=[
                ("", _("Choose…")),
                (
                    "True",
                    _("Yes: sensitive. Letters' texts and addresses are erased after delivery."),
                ),
                ("False", _("No: an ordinary campaign.")),
            ],
            coerce=lambda value: value == "True",
            help_text=_(
                "Say yes when supporters may be survivors, undocumented or watched by someone: "
                "what they wrote is kept only until it has been delivered."
            ),
            **kwargs,
        )
