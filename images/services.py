"""Bringing images stored earlier under the one rule of `images.processing`."""

from __future__ import annotations

from django.apps import apps
from django.core.files.base import ContentFile

from images import processing
from images.fields import SafeImageField


def image_fields() -> list[tuple[type, str]]:
    """(model, field name) of every SafeImageField of the site."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, SafeImageField)
    ]


def image_refresh(*, instance, field_name: str) -> bool:
    """Re-process one stored image: an upload kept before images were processed is replaced
    by its sanitised version (and deleted, with whatever metadata it carried); a processed
    one gets the renditions the current widths ask for. True when anything was written.
    Raises ImageRefused for a stored file that is not an image."""
    file = getattr(instance, field_name)
    if not file:
        return False
    storage = file.storage
    missing = [
        name for _w, _h, name in processing.renditions_of(file.name) if not storage.exists(name)
    ]
    if processing.parse_name(file.name) and not missing:
        return False
    with storage.open(file.name, "rb") as stored:
        processed = processing.process(stored)
    if processing.parse_name(file.name):
        for rendition in processed.renditions:
            name = processing.rendition_name(file.name, rendition.width)
            if name in missing:
                storage.save(name, ContentFile(rendition.data))
        return True
    old = file.name
    new = processing.store(storage, old, processed, max_length=file.field.max_length)
    type(instance).objects.filter(pk=instance.pk).update(**{field_name: new})
    storage.delete(old)
    return True
