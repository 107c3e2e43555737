import factory

from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Campaign {n}")
    summary = "Protect people who flee gender-based violence."
    body = "## Why\n\nBecause it matters."
    status = Campaign.Status.LIVE
    goal = 100
    sensitive = False  # answered: an ordinary campaign

    class Params:
        # A draft nobody has yet said is sensitive or not.
        draft = factory.Trait(status=Campaign.Status.DRAFT, sensitive=None)


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
