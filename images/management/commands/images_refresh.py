from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from images.processing import ImageRefused
from images.services import image_fields, image_refresh


class Command(BaseCommand):
    help = (
        "Re-process stored images: uploads from before images were processed lose their "
        "metadata, and every image gets the renditions of IMAGES_RENDITION_WIDTHS."
    )

    def handle(self, *args, **options):
        changed = 0
        for model, field_name in image_fields():
            rows = model._default_manager.exclude(**{field_name: ""}).exclude(
                **{f"{field_name}__isnull": True}
            )
            for instance in rows.iterator():
                try:
                    changed += image_refresh(instance=instance, field_name=field_name)
                except (ImageRefused, OSError) as error:
                    label = f"{model._meta.label} {instance.pk} {field_name}"
                    self.stderr.write(
                        f"{label}: {' '.join(getattr(error, 'messages', [str(error)]))}"
                    )
        self.stdout.write(_("%(count)s images re-processed.") % {"count": changed})
