"""The one image field of the site: every image staff upload goes through it."""

import secrets

from django.db import models
from django.db.models.fields.files import ImageFieldFile

from images import processing
from images.formfields import SafeImageFormField


class SafeImageFieldFile(ImageFieldFile):
    """Saves what `images.processing` makes of an upload (the sanitised original and its
    renditions), never the uploaded bytes themselves."""

    def save(self, name, content, save=True):
        # Processed by the form already (SafeImageFormField), or now; ImageRefused for what
        # cannot become a safe image.
        processed = getattr(content, "processed", None) or processing.process(content)
        # Stored under a random name, never the uploaded file's: that may hold a person's
        # name or a place ("maria-at-the-shelter.jpg"), and a name a stranger could guess
        # would reach an upload nobody has published yet (a logo awaiting approval).
        name = self.field.generate_filename(self.instance, f"{secrets.token_hex(12)}.img")
        self.name = processing.store(
            self.storage, name, processed, max_length=self.field.max_length
        )
        setattr(self.instance, self.field.attname, self.name)
        self._committed = True
        # Forget the upload: what is read from now on is the stored, sanitised file.
        self._file = None
        self._dimensions_cache = (processed.width, processed.height)
        if save:
            self.instance.save()

    save.alters_data = True

    def delete(self, save=True):
        if self.name:
            processing.delete_renditions(self.storage, self.name)
        super().delete(save=save)

    delete.alters_data = True


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are re-encoded without their metadata (EXIF, GPS) and
    resized to the site's widths when they are saved.

    Its alt text is the CharField named like it with `_alt` for `_image` (`hero_image`,
    `hero_alt`) or `_alt` added (`logo`, `logo_alt`); see `images.alt`."""

    attr_class = SafeImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
