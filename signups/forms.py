from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import HoneypotMixin, PersonForm, TextField, image_fields
from images.formfields import SafeImageFormField
from images.forms import AltTextRequiredMixin
from signups.models import SignupAction


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
    logo = SafeImageFormField(
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


class SignupSetupForm(AltTextRequiredMixin, forms.ModelForm):
    """The sign-up's part of the campaign builder: joining as a person and, when allowed,
    organizations signing on (each approved by an organizer before it is listed)."""

    class Meta:
        model = SignupAction
        fields = ["intro", "intro_es", "accepts_organizations", *image_fields(SignupAction)]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 3}),
            "intro_es": forms.Textarea(attrs={"rows": 3}),
        }
