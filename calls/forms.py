"""Forms of the call page. Validation only; the services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from calls.models import CallAction, CallLog
from campaigns.forms import clean_zip, image_fields
from images.forms import AltTextRequiredMixin


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


class CallSetupForm(AltTextRequiredMixin, forms.ModelForm):
    """The call-in's part of the campaign builder: the script (with merge fields) and the
    chambers whose offices supporters call."""

    class Meta:
        model = CallAction
        fields = ["script", "script_es", "chambers", *image_fields(CallAction)]
        widgets = {
            "script": forms.Textarea(attrs={"rows": 8, "data-merge-fields": ""}),
            "script_es": forms.Textarea(attrs={"rows": 8, "data-merge-fields": ""}),
            "chambers": forms.RadioSelect,
        }
