from django.core.management.base import BaseCommand, CommandError

from actioncenter.exceptions import ApplicationError
from legislators.services.importer import legislators_import


class Command(BaseCommand):
    help = (
        "Import members of Congress, district offices, committees and the ZIP crosswalk "
        "from a folder or base URL (default: LEGISLATORS_DATA_SOURCE, else the upstream URLs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", default=None, help="folder or http(s) base URL")
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="skip when the same source was imported successfully within 7 days",
        )
        parser.add_argument(
            "--or-notice",
            action="store_true",
            help="when the source cannot be reached, print a notice and exit 0",
        )

    def handle(self, *args, source=None, if_stale=False, or_notice=False, **options):
        try:
            summary = legislators_import(source=source, if_stale=if_stale)
        except ApplicationError as exc:
            if or_notice and exc.code == "source_unreachable":
                self.stderr.write(
                    self.style.WARNING(
                        f"NOTICE: legislator data not loaded: {exc.message} "
                        "The site starts without it; run `manage.py load_legislators` later."
                    )
                )
                return
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(summary.as_text()))
