import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from campaigns.abuse import HONEYPOT_FIELD

ZIP_VALIDATOR = RegexValidator(
    r"^\d{5}(-\d{4})?$", _("Enter a 5-digit ZIP code (like 12345 or 12345-6789).")
)
# Control characters (except tab and newline) have no business in names or comments.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def clean_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value or "").strip()


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


class PetitionForm(PersonForm):
    comment = TextField(
        label=_("Comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )
    updates_opt_in = forms.BooleanField(
        label=_("Email me updates about this campaign"), required=False, initial=False
    )
    show_publicly = forms.BooleanField(
        label=_("Show my first name and state in the list of recent signers"),
        required=False,
        initial=False,
    )

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = list(partners)
        for partner in self.partners:
            self.fields[f"partner_{partner.pk}"] = forms.BooleanField(
                label=_("%(name)s may email me about its work") % {"name": partner.name},
                required=False,
                initial=False,
            )

    def partner_fields(self):
        return [self[f"partner_{partner.pk}"] for partner in self.partners]

    def partner_ids(self) -> list[int]:
        return [p.pk for p in self.partners if self.cleaned_data.get(f"partner_{p.pk}")]


class SignupForm(PersonForm):
    updates_opt_in = forms.BooleanField(
        label=_("Email me updates about this campaign"), required=False, initial=False
    )


class UpdatesForm(HoneypotMixin):
    first_name = TextField(label=_("First name (optional)"), max_length=100, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254)


class OrganizationSignOnForm(HoneypotMixin):
    name = TextField(label=_("Organization name"), max_length=200)
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    contact_name = TextField(label=_("Contact name"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"), max_length=254)
    logo = forms.ImageField(
        label=_("Logo (PNG or JPEG, up to 1 MB)"),
        required=False,
    )
    statement = TextField(
        label=_("Statement of support (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
    )

    MAX_LOGO_BYTES = 1024 * 1024

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo.size > self.MAX_LOGO_BYTES:
            raise forms.ValidationError(_("The logo must be 1 MB or smaller."))
        image = getattr(logo, "image", None) if logo else None
        if image is not None and (image.format or "").upper() not in {"PNG", "JPEG"}:
            raise forms.ValidationError(_("Upload a PNG or JPEG image."))
        return logo
