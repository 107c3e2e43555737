from django import forms
from django.utils.translation import gettext_lazy as _

from legislators.models import Legislator
from legislators.services.lookup import classify_zip_input
from legislators.states import STATES


def state_choices(blank_label) -> list[tuple[str, str]]:
    return [("", blank_label)] + [(state.code, state.name) for state in STATES]


class FindRepresentativesForm(forms.Form):
    """A street address (most precise) or just a ZIP code."""

    street = forms.CharField(
        label=_("Street address"),
        required=False,
        max_length=200,
        help_text=_("For example: 1600 Pennsylvania Ave NW. Not stored."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    city = forms.CharField(
        label=_("City"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=state_choices(_("Choose…")),
        widget=forms.Select(attrs={"autocomplete": "address-level1"}),
    )
    zip_code = forms.CharField(
        label=_("ZIP code"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )

    def clean_zip_code(self) -> str:
        value = self.cleaned_data["zip_code"].strip()
        if value:
            zip5, code = classify_zip_input(value)
            if zip5 is None:
                raise forms.ValidationError(zip_error_message(code), code=code)
        return value

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("street", "").strip()
            and not cleaned.get("zip_code")
            and not (self.errors)
        ):
            raise forms.ValidationError(
                _("Enter your street address, or at least your ZIP code."), code="required"
            )
        return cleaned


def zip_error_message(code: str) -> str:
    if code == "non_us":
        return _(
            "That looks like a postal code from outside the United States. Only U.S. "
            "addresses have members of Congress."
        )
    return _("Enter a 5-digit ZIP code (like 20500) or a ZIP+4 (like 20500-0003).")


class LegislatorFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=state_choices(_("All")))
    chamber = forms.ChoiceField(
        label=_("Chamber"),
        required=False,
        choices=[("", _("Both"))] + list(Legislator.Chamber.choices),
    )
    committee = forms.ChoiceField(label=_("Committee"), required=False, choices=[])

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].choices = [("", _("Any"))] + [
            (committee.thomas_id, committee.name) for committee in committees
        ]
