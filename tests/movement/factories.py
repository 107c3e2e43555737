import datetime as dt

import factory

from campaigns.models import Fact, Partner, Resource, Testimonial
from movement.models import NewsPost, SiteIdentity


class NewsPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsPost

    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    body = "We met with **Congress** today."
    language = "en"
    published_on = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n))


class MovementFactFactory(factory.django.DjangoModelFactory):
    """A fact of the movement as a whole (no campaign)."""

    class Meta:
        model = Fact

    campaign = None
    figure = factory.Sequence(lambda n: f"{n + 1} in 3")
    statement = "women worldwide have experienced violence."
    source_title = "A fact sheet"
    source_url = "https://facts.example.org/sheet"


class MovementPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    campaign = None
    name = factory.Sequence(lambda n: f"Member organization {n}")
    website = "https://member.example.org/"


class MovementQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Testimonial

    campaign = None
    quote = "Asylum gave me my life back."
    name = "Rosa M."
    role = "Survivor and advocate"
    consent_recorded = True
    consent_note = "Written permission, March 2026"


class MovementResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    campaign = None
    kind = Resource.Kind.RESEARCH
    title = factory.Sequence(lambda n: f"Report {n}")
    url = "https://research.example.org/report"
    published_on = factory.Sequence(lambda n: dt.date(2025, 6, 1) + dt.timedelta(days=n))


class CoverageFactory(MovementResourceFactory):
    kind = Resource.Kind.MEDIA
    title = factory.Sequence(lambda n: f"Coverage {n}")
    source = "The Daily Example"
    url = factory.Sequence(lambda n: f"https://news.example.com/story-{n}")


def identity_save(capture, **fields):
    """Save the identity row as the admin does (the cache forgets it once committed)."""
    from movement.services import site_identity_save

    row = SiteIdentity.objects.first() or SiteIdentity()
    for name, value in fields.items():
        setattr(row, name, value)
    with capture(execute=True):
        site_identity_save(identity=row)
    return row
