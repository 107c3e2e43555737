from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
