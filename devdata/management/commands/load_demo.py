from django.core.management.base import BaseCommand

from devdata.demo import load_demo
from devdata.letters import demo_outreach_create
from devdata.movement import movement_demo_create


class Command(BaseCommand):
    help = "Create (or refresh) the demo campaign shown on the home page. Safe to repeat."

    def handle(self, *args, **options):
        campaign = load_demo()
        demo_outreach_create(campaign)  # the letter to Congress and the call-in
        movement_demo_create(campaign)  # the movement's own home page
        self.stdout.write(f"Demo campaign ready: {campaign.get_absolute_url()}")
