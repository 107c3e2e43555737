import factory

from calls.models import CallAction
from campaigns.models import Campaign
from devdata.letters import DEMO_LETTER, DEMO_LETTER_SUPPORTING
from letters.models import LetterAction
from letters.services.submit import Sender
from tests.legislators.factories import LegislatorFactory, ZipDistrictFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    """A live campaign (the campaigns app's own factories may add more)."""

    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"gender-asylum-{n}")
    title = "Protect people fleeing gender persecution"
    status = Campaign.Status.LIVE


class LetterActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterAction

    campaign = factory.SubFactory(CampaignFactory)
    subject = "Name gender as a protected ground of asylum"
    template = DEMO_LETTER
    template_supporting = DEMO_LETTER_SUPPORTING
    editable = True
    personal_story_prompt = "Why does this matter to you?"


class CallActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallAction

    campaign = factory.SubFactory(CampaignFactory)
    script = "Hello, I'm calling {{ legislator.formal_name }} from {{ legislator.state }}."


def members_of(zip_code="22201", state="VA", district=8):
    """A ZIP in one district with its House member and two senators (classes 1 and 2)."""
    ZipDistrictFactory(zcta=zip_code, state=state, district=district)
    house = LegislatorFactory(
        representative=True, state=state, district=district, first_name="Hana", last_name="Doe"
    )
    senior = LegislatorFactory(
        senator=True, state=state, senate_class=1, first_name="Sam", last_name="Senior"
    )
    junior = LegislatorFactory(
        senator=True,
        state=state,
        senate_class=2,
        state_rank="junior",
        first_name="Jo",
        last_name="Junior",
    )
    return house, senior, junior


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
