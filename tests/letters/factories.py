import factory

from devdata.letters import DEMO_LETTER, DEMO_LETTER_SUPPORTING
from letters.models import LetterAction
from letters.services.submit import Sender
from tests.campaigns.factories import CampaignFactory


class LetterCampaignFactory(CampaignFactory):
    """A live campaign whose title is the letter's cause."""

    slug = factory.Sequence(lambda n: f"gender-asylum-{n}")
    title = "Protect people fleeing gender persecution"


class LetterActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterAction

    campaign = factory.SubFactory(LetterCampaignFactory)
    subject = "Name gender as a protected ground of asylum"
    template = DEMO_LETTER
    template_supporting = DEMO_LETTER_SUPPORTING
    editable = True
    personal_story_prompt = "Why does this matter to you?"


def sender(**changes) -> Sender:
    values = {
        "prefix": "Mx.",
        "first_name": "Alex",
        "last_name": "Rivera",
        "address1": "1100 Main Street",
        "city": "Arlington",
        "state": "VA",
        "zip_code": "22201",
        "email": "alex@example.org",
        "phone": "703-555-0142",
    }
    values.update(changes)
    return Sender(**values)
