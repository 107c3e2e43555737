"""Fill a campaign with realistic made-up activity, for demos and benchmarks."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from devdata.activity import activity_plan
from devdata.seeding import (
    already_seeded,
    campaign_for_seeding,
    places,
    seeded_kinds,
    write_bulk,
)


class Command(BaseCommand):
    help = (
        "Add made-up supporters with signatures, letters (with deliveries), calls and sign-ups "
        "to a campaign, spread over past days. Rows are inserted in bulk and the totals get "
        "exactly the events the services would record. Creates the campaign when missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campaign", default="demo-activity", help="campaign slug")
        parser.add_argument("--actions", type=int, default=2000)
        parser.add_argument("--days", type=int, default=60, help="spread over this many days")
        parser.add_argument(
            "--kinds",
            default=",".join(kind.slug for kind in seeded_kinds()),
            help="comma-separated action kinds",
        )
        parser.add_argument("--seed", type=int, default=1, help="same seed, same activity")

    def handle(self, *args, **options):
        slugs = [slug.strip() for slug in options["kinds"].split(",") if slug.strip()]
        try:
            kinds = seeded_kinds(slugs)
        except ValueError as error:
            raise CommandError(f"{error}; use known --kinds") from error
        if options["actions"] < 0 or options["days"] < 1:
            raise CommandError("use --actions >= 0 and --days >= 1")
        campaign = campaign_for_seeding(options["campaign"], kinds)
        batch = f"{campaign.slug}-seed{options['seed']}"
        if already_seeded(batch):
            raise CommandError(
                f"activity with --seed {options['seed']} was already added to {campaign.slug}; "
                "use another --seed to add more"
            )
        start = timezone.localdate() - timedelta(days=options["days"] - 1)
        plan = activity_plan(
            actions=options["actions"],
            start=start,
            days=options["days"],
            places=places(options["seed"]),
            kinds=[(kind.slug, kind.demo_share) for kind in kinds],
            seed=options["seed"],
            batch=batch,
        )
        written = write_bulk(campaign, plan, seed=options["seed"])
        self.stdout.write(f"{written:,} actions added to {campaign.slug}")
