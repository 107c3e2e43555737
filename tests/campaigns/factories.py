import factory

from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial
from petitions.models import Petition
from signups.models import OrganizationSignOn, SignupAction


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Campaign {n}")
    summary = "Protect people who flee gender-based violence."
    body = "## Why\n\nBecause it matters."
    status = Campaign.Status.LIVE
    goal = 100

    class Params:
        draft = factory.Trait(status=Campaign.Status.DRAFT)


class PetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Petition

    campaign = factory.SubFactory(CampaignFactory)
    text = "We ask Congress to act."


class SignupActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignupAction

    campaign = factory.SubFactory(CampaignFactory)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    website = "https://partner.example.org/"


class TestimonialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Testimonial

    campaign = factory.SubFactory(CampaignFactory)
    quote = "It changed my life."
    name = "Sample supporter"
    is_sample = True


class FactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fact

    campaign = factory.SubFactory(CampaignFactory)
    figure = "1 in 3"
    statement = "women worldwide have experienced violence."
    source_title = "A fact sheet"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    campaign = factory.SubFactory(CampaignFactory)
    kind = Resource.Kind.RESEARCH
    title = factory.Sequence(lambda n: f"Report {n}")
    url = "https://research.example.org/report"


class OrganizationSignOnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationSignOn

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Community Group {n}")
    contact_name = "Pat Doe"
    contact_email = "pat@example.org"


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
