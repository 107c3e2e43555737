from django.core.management.base import BaseCommand

from campaigns.demo import load_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo campaign shown on the home page. Safe to repeat."

    def handle(self, *args, **options):
        campaign = load_demo()
        self.stdout.write(f"Demo campaign ready: {campaign.get_absolute_url()}")
