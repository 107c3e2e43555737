import factory

from calls.models import CallAction
from tests.campaigns.factories import CampaignFactory


class CallActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallAction

    campaign = factory.SubFactory(CampaignFactory)
    script = "Hello, I'm calling {{ legislator.formal_name }} from {{ legislator.state }}."
