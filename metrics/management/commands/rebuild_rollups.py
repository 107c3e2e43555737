from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from metrics.fold import fold_campaign, fold_reset


class Command(BaseCommand):
    help = (
        "Rebuild the daily rollups staff reports read, from the counters' cells "
        "(after counters of past days were written by hand). Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campaign", help="slug of one campaign (default: every campaign)")

    def handle(self, *args, campaign=None, **options):
        # Campaigns are counted here, not imported: metrics sits below the campaigns app.
        campaigns = apps.get_model("campaigns", "Campaign").objects.order_by("pk")
        if campaign:
            campaigns = campaigns.filter(slug=campaign)
            if not campaigns.exists():
                raise CommandError(f"No campaign with the slug {campaign!r}.")
        for item in campaigns:
            fold_reset(item.pk)
            folded = fold_campaign(item.pk)
            self.stdout.write(f"{item.slug}: rollups rebuilt through {folded.isoformat()}")
