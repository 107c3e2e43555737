"""Alt text: every image a page shows is described, in each language of the campaign.

An image field's description is the CharField beside it named `<name>_alt` for
`<name>_image` (`hero_image`, `hero_alt`) or `<name>_alt` (`logo`, `logo_alt`), with its
`_es` version listed in the model's TRANSLATED_FIELDS like every campaign text. An image
field without such a column is decorative by design (a partner's logo beside its name).
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from images.fields import SafeImageField


def alt_field_name(image_field_name: str) -> str:
    base = image_field_name.removesuffix("_image")
    return f"{base}_alt"


def image_alt_pairs(model) -> list[tuple[str, str]]:
    """(image field, alt text field) of each described image of `model`."""
    pairs = []
    for field in model._meta.get_fields():
        if not isinstance(field, SafeImageField):
            continue
        alt = alt_field_name(field.name)
        try:
            model._meta.get_field(alt)
        except FieldDoesNotExist:
            continue
        pairs.append((field.name, alt))
    return pairs


def missing_alt_text(instance) -> list[tuple[str, str]]:
    """The (image, alt) pairs of `instance` whose image is set and whose alt text is empty."""
    return [
        (image, alt)
        for image, alt in image_alt_pairs(type(instance))
        if getattr(instance, image) and not (getattr(instance, alt) or "").strip()
    ]


def alt_missing_message(model, image: str, alt: str):
    """What an organizer is told when `image` is uploaded without its description."""
    return format_lazy(
        _(
            "Describe the {image} in “{alt}”: people who cannot see the image hear this "
            "text instead."
        ),
        image=model._meta.get_field(image).verbose_name,
        alt=model._meta.get_field(alt).verbose_name,
    )
