import factory

from signups.models import OrganizationSignOn, SignupAction
from tests.campaigns.factories import CampaignFactory


class SignupActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignupAction

    campaign = factory.SubFactory(CampaignFactory)


class OrganizationSignOnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationSignOn

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Community Group {n}")
    contact_name = "Pat Doe"
    contact_email = "pat@example.org"
