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
