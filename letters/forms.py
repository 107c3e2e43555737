"""Forms of the letter flow, and the letter's part of the campaign builder. Validation
only; the services do the work."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import HoneypotMixin, TextField, clean_zip, image_fields
from images.forms import AltTextRequiredMixin
from legislators.models import Committee, Legislator
from legislators.states import STATES
from letters.cwc_rules import ADDRESS_MIN_LENGTH, CITY_MIN_LENGTH, cwc_email
from letters.models import LetterAction
from letters.recipients import target_reach

PREFIXES = [
    ("Mx.", "Mx."),
    ("Ms.", "Ms."),
    ("Mrs.", "Mrs."),
    ("Mr.", "Mr."),
    ("Dr.", "Dr."),
    ("Rev.", "Rev."),
]
STATE_CHOICES = [("", _("Choose…"))] + [(state.code, state.name) for state in STATES]


class AddressForm(HoneypotMixin):
    street = TextField(
        label=_("Street address"),
        required=False,
        max_length=200,
        help_text=_("Optional if your ZIP code is in one district; we'll tell you."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    city = TextField(label=_("City"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("State"), required=False, choices=STATE_CHOICES)
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    # "VA-8", or "senators": offered when the ZIP spans districts (the page lists them).
    district = forms.CharField(required=False, max_length=12)

    def clean_zip_code(self):
        return clean_zip(self.cleaned_data["zip_code"])


class DraftForm(forms.Form):
    letter_body = TextField(
        label=_("Your letter"),
        required=False,
        max_length=9000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Change anything you like. Each office's copy opens with its own greeting and "
            "ends with your name."
        ),
    )
    personal_note = TextField(
        label=_("In your own words (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, editable: bool, prompt: str = "", language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if not editable:
            del self.fields["letter_body"]
        elif language:  # the letter's own language, whatever the page is read in
            self.fields["letter_body"].widget.attrs["lang"] = language
        if prompt:
            self.fields["personal_note"].help_text = prompt


class SenderForm(HoneypotMixin):
    """What Congress requires from a constituent."""

    prefix = forms.ChoiceField(label=_("Prefix"), choices=PREFIXES)
    first_name = TextField(label=_("First name"), max_length=100)
    last_name = TextField(label=_("Last name"), max_length=100)
    address1 = TextField(label=_("Street address"), min_length=ADDRESS_MIN_LENGTH, max_length=200)
    address2 = TextField(label=_("Apartment, suite (optional)"), required=False, max_length=200)
    city = TextField(label=_("City"), min_length=CITY_MIN_LENGTH, max_length=100)
    state = forms.ChoiceField(label=_("State"), choices=STATE_CHOICES)
    zip_code = TextField(label=_("ZIP code"), max_length=10)
    email = forms.EmailField(label=_("Email"), max_length=254, validators=[cwc_email])
    response_requested = forms.BooleanField(
        label=_("I would like a reply from my members of Congress"),
        required=False,
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean_zip_code(self):
        return clean_zip(self.cleaned_data["zip_code"])

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        digits = re.sub(r"\D", "", phone)
        if phone and len(digits.removeprefix("1") if len(digits) == 11 else digits) != 10:
            raise forms.ValidationError(_("Enter a 10-digit U.S. phone number, or leave it empty."))
        return phone


class LegislatorChoiceField(forms.ModelMultipleChoiceField):
    """Members by name, seat and chamber: organizers never type an id."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.official_full_name} ({obj.seat_label}, {obj.get_chamber_display()})"


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = f"{obj.parent.name}: {obj.name}" if obj.parent_id else obj.name
        return f"{name} ({obj.get_type_display()})"


TEMPLATE_FIELDS = (
    "template",
    "template_es",
    "template_supporting",
    "template_supporting_es",
    "template_opposing",
    "template_opposing_es",
)


class LetterSetupForm(AltTextRequiredMixin, forms.ModelForm):
    """The letter's part of the campaign builder: its text with merge fields (checked on
    save: an unknown field or a broken placeholder is named) and who receives it. A setup
    that can reach nobody is refused with the reason (letters.recipients.target_reach)."""

    committee = CommitteeChoiceField(
        label=_("Committee"),
        queryset=Committee.objects.filter(is_current=True).select_related("parent"),
        required=False,
        help_text=_("Supporters write to those of their own members who sit on it."),
    )
    fixed_legislators = LegislatorChoiceField(
        label=_("Fixed list of members"),
        queryset=Legislator.objects.filter(is_current=True).order_by(
            "state", "chamber", "district", "last_name"
        ),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_(
            "Supporters write to those of their own members who are on this list. Hold Ctrl "
            "(or Cmd) to choose several."
        ),
    )

    class Meta:
        model = LetterAction
        fields = [
            "subject",
            "subject_es",
            *TEMPLATE_FIELDS,
            "editable",
            "personal_story_prompt",
            "personal_story_prompt_es",
            "targets",
            "chambers",
            "committee",
            "fixed_legislators",
            *image_fields(LetterAction),
        ]
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 12, "data-merge-fields": ""})
                for name in TEMPLATE_FIELDS
            },
            "targets": forms.RadioSelect,
            "chambers": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reach = None

    def clean(self):
        cleaned = super().clean()
        targets, chambers = cleaned.get("targets"), cleaned.get("chambers")
        if targets and chambers:
            self.reach = target_reach(
                targets=targets,
                chambers=chambers,
                committee=cleaned.get("committee"),
                fixed=cleaned.get("fixed_legislators") or (),
            )
            for problem in self.reach.problems:
                self.add_error("targets", problem)
        return cleaned
