import factory

from campaigns.models import Campaign
from petitions.models import Petition
from tests.campaigns.factories import CampaignFactory
from tests.signups.factories import SignupActionFactory


class PetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Petition

    campaign = factory.SubFactory(CampaignFactory)
    text = "We ask Congress to act."


def petition_campaign(**kwargs) -> Campaign:
    """A live campaign with a petition and sign-ups, the common case."""
    campaign = CampaignFactory(**kwargs)
    PetitionFactory(campaign=campaign)
    SignupActionFactory(campaign=campaign)
    return Campaign.objects.get(pk=campaign.pk)


def signer(n: int = 0, **overrides) -> dict:
    data = {
        "first_name": f"Ana{n}",
        "last_name": "Lopez",
        "email": f"signer{n}@example.org",
        "zip_code": "22150",
    }
    data.update(overrides)
    return data
