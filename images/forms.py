"""Form-side checks of uploaded images: a described image, in every form that takes one.
The upload field itself is `images.formfields.SafeImageFormField`."""

from __future__ import annotations

from django import forms

from images.alt import alt_missing_message, image_alt_pairs


class AltTextRequiredMixin:
    """For ModelForms (the admin's too): an image of the form without its description is
    refused, with a message naming both fields. Mix in before `forms.ModelForm`."""

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for image, alt in image_alt_pairs(model):
            if image not in self.fields or not cleaned.get(image):
                continue  # not on this form, cleared, or refused already
            value = cleaned.get(alt) if alt in self.fields else getattr(self.instance, alt, "")
            if not (value or "").strip():
                target = alt if alt in self.fields else image
                self.add_error(target, alt_missing_message(model, image, alt))
        return cleaned


class AltTextRequiredModelForm(AltTextRequiredMixin, forms.ModelForm):
    """The admin's form for models with images (`form = AltTextRequiredModelForm`)."""
