from django.core.management.base import BaseCommand, CommandError

from actioncenter.exceptions import ApplicationError
from letters.senate_offices import senate_offices_load


class Command(BaseCommand):
    help = (
        "Load the Senate's list of offices that take CWC messages (active_offices.json) "
        "from a file or URL (default: CWC_SENATE_OFFICES_SOURCE); offices not on it are "
        "written to by email or by the supporter."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", default=None, help="file path or http(s) URL")

    def handle(self, *args, source=None, **options):
        try:
            count = senate_offices_load(source)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if count is None:
            self.stdout.write(
                "No list configured (CWC_SENATE_OFFICES_SOURCE): "
                "every Senate office is taken to accept CWC."
            )
            return
        self.stdout.write(self.style.SUCCESS(f"{count} Senate offices take CWC messages."))
