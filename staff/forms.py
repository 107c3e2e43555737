from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from campaigns.forms import SensitivityField, image_fields
from campaigns.models import Campaign
from images.forms import AltTextRequiredMixin
from metrics.periods import Period


class DateRangeForm(forms.Form):
    """The optional period a report covers (both ends included)."""

    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date must be on or before the end date."))
        return cleaned

    @property
    def period(self) -> Period:
        if not self.is_valid():
            return Period()
        return Period(self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to"))

    def as_filters(self) -> dict[str, str]:
        """The applied filters, for audit entries and export links."""
        period = self.period
        return {
            name: value.isoformat()
            for name, value in (("date_from", period.start), ("date_to", period.end))
            if value
        }

    @property
    def period_query(self) -> str:
        return urlencode(self.as_filters())


def _campaign_fields() -> list[str]:
    """The campaign's own fields the builder edits, images included once the model has
    them (each beside its description)."""
    names = [
        "title", "title_es", "slug", "summary", "summary_es", "body", "body_es", "language",
        "goal", "donation_url", "starts_on", "ends_on", "featured", "sensitive",
    ]  # fmt: skip
    return names + image_fields(Campaign)


class CampaignSetupForm(AltTextRequiredMixin, forms.ModelForm):
    """The campaign's own part of the builder. A campaign says whether it is sensitive:
    nobody gets an answer by default, and publishing waits for one."""

    sensitive = SensitivityField()
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("The language the texts above are written in."),
    )

    class Meta:
        model = Campaign
        fields = _campaign_fields()
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "summary_es": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 8}),
            "body_es": forms.Textarea(attrs={"rows": 8}),
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].label = _("Web address")
        self.fields["slug"].help_text = _(
            "The campaign's address: /c/<slug>/. Empty: made from the title."
        )
        answer = self.instance.sensitive  # None: not answered yet, the choice starts empty
        self.initial["sensitive"] = "" if answer is None else str(answer)

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title", ""))[:70]
        if not slug:
            raise ValidationError(_("Give the campaign a title or an address."))
        taken = Campaign.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("Another campaign already has the address %(slug)s: choose another one."),
                params={"slug": slug},
            )
        return slug
