"""Forms of the call page. Validation only; the services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from calls.models import CallLog
from campaigns.forms import clean_zip


class CallZipForm(forms.Form):
    zip = forms.CharField(label=_("Your ZIP code"), max_length=10)
    # One of the ZIP's districts ("VA-8"), chosen on the page when the ZIP spans several.
    district = forms.CharField(required=False, max_length=12)

    def clean_zip(self):
        return clean_zip(self.cleaned_data["zip"])


class CallOutcomeForm(forms.Form):
    zip = forms.CharField(max_length=10, widget=forms.HiddenInput)
    district = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)
    legislator = forms.CharField(max_length=16, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(choices=CallLog.Outcome.choices)

    def clean_zip(self):
        return clean_zip(self.cleaned_data["zip"])
