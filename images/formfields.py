"""The upload field of every image form: refused in the form, never a 500."""

from __future__ import annotations

from django import forms
from PIL import Image

from images import processing


class SafeImageFormField(forms.ImageField):
    """An image upload refused in the form when `images.processing` would refuse it:
    unreadable, of another format, animated, too large. What it accepts is processed here,
    once; the model field stores that result."""

    def widget_attrs(self, widget):
        # Phones offer their photos as JPEG when these are the types asked for.
        attrs = super().widget_attrs(widget)
        if "accept" in attrs:
            attrs["accept"] = "image/jpeg,image/png,image/gif,image/webp"
        return attrs

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        try:
            image = processing.open_checked(upload)
            upload.processed = processing.process(upload)
        except processing.ImageRefused as error:
            raise forms.ValidationError(error.messages, code=error.code) from error
        finally:
            upload.seek(0)
        # What Django's ImageField gives a form's own checks.
        upload.image = image
        upload.content_type = Image.MIME.get(image.format)
        return upload
