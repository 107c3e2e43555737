from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.forms import PersonForm, TextField, image_fields
from images.forms import AltTextRequiredMixin
from petitions.models import Petition


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


class PetitionSetupForm(AltTextRequiredMixin, forms.ModelForm):
    """The petition's part of the campaign builder."""

    class Meta:
        model = Petition
        fields = ["text", "text_es", "show_recent_signers", *image_fields(Petition)]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "text_es": forms.Textarea(attrs={"rows": 5}),
        }
