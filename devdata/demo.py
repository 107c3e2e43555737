"""The demo campaign shown by `make run`: a real movement's cause, in our own words."""

from django.db import transaction

from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial
from petitions.models import Petition
from signups.models import SignupAction

SLUG = "protect-gender-based-asylum"
SOURCE = "Movement for Gender Asylum Justice fact sheet"

SUMMARY = (
    "People who flee violence because of their gender deserve a fair hearing. We are asking "
    "Congress to write protection for gender-based asylum claims into law."
)

BODY = """\
## Why this matters

Every year, women, girls, LGBTQ people and others run for their lives from violence aimed at
them because of who they are: forced marriage, genital cutting, so-called honor crimes,
abuse at home that the police will not stop. Many reach the United States only to find that
whether they are protected depends on which judge hears their case and which policy memo is
in force that year.

The **Movement for Gender Asylum Justice** brings together survivors, advocates, lawyers and
health professionals to change that. We want Congress to make it clear, in the law itself,
that persecution because of gender can be grounds for asylum.

## What we are asking for

- Recognize gender, sexual orientation and gender identity as grounds for protection.
- Make sure survivors of domestic and sexual violence get a fair, consistent hearing.
- Stop policy swings that leave people's safety to chance.

Sign the petition, write to your members of Congress, and bring your organization into the
coalition.
"""

PETITION_TEXT = (
    "To the United States Congress: we ask you to protect people fleeing gender-based "
    "persecution by recognizing gender-based asylum claims in federal law, so that every "
    "survivor gets a fair and consistent hearing."
)

PARTNERS = [
    {
        "name": "NIWAP (National Immigrant Women's Advocacy Project)",
        "website": "https://niwaplibrary.wcl.american.edu/",
        "description": "Founding member: research, training and technical help for advocates "
        "who work with immigrant survivors of violence.",
        "founding_member": True,
        "cosponsor": True,
    },
    {
        "name": "Church World Service",
        "website": "https://cwsglobal.org/",
        "description": "A faith-based organization welcoming refugees and supporting "
        "communities across the country.",
        "founding_member": False,
        "cosponsor": True,
    },
    {
        "name": "Physicians for Human Rights' Asylum Network",
        "website": "https://phr.org/issues/asylum-and-persecution/",
        "description": "Clinicians who document the physical and psychological evidence of "
        "persecution for asylum seekers.",
        "founding_member": False,
        "cosponsor": False,
    },
]

TESTIMONIALS = [
    "I left because staying meant I would not survive. What I needed here was someone to "
    "listen to my story under rules that were the same for everyone.",
    "My case took years, and it felt like the outcome depended on luck. Nobody should have to "
    "gamble with their safety like that.",
    "Being believed changed everything. A clear law would give that chance to many more people.",
]

FACTS = [
    ("At least 25", "countries name gender in their asylum laws."),
    ("At least 76", "countries have laws that criminalize LGBTQ people."),
    ("200 million", "women and girls have experienced female genital mutilation/cutting."),
    ("Almost 3 in 5", "women killed worldwide in 2017 were killed by partners or family."),
    ("At least 1 in 3", "women worldwide have experienced physical or sexual violence."),
    ("Over 3,300", "transgender people are known to have been killed in the last decade."),
    (
        "2 times",
        "Immigrant women in the U.S. are 2 times more likely to experience domestic violence "
        "than the general population.",
    ),
    (
        "Over 25",
        "conflict-affected countries reported sexual violence against men and boys in the "
        "last decade.",
    ),
    ("150 million", "more children will be married before 18 by 2030 if trends continue."),
]

RESOURCES = [
    (
        Resource.Kind.RESEARCH,
        "Gender-based asylum: the legal landscape",
        "https://niwaplibrary.wcl.american.edu/",
        "Research and training materials on protection for immigrant survivors.",
    ),
    (
        Resource.Kind.RESEARCH,
        "Medical evaluations for asylum seekers",
        "https://phr.org/issues/asylum-and-persecution/",
        "How clinicians document evidence of persecution.",
    ),
    (
        Resource.Kind.MEDIA,
        "Refugee and asylum news",
        "https://cwsglobal.org/",
        "News and stories from communities welcoming refugees.",
    ),
]


@transaction.atomic
def load_demo() -> Campaign:
    """Create or refresh the demo campaign; running it again changes nothing more."""
    campaign, _created = Campaign.objects.update_or_create(
        slug=SLUG,
        defaults={
            "title": "Protect Gender-Based Asylum",
            "summary": SUMMARY,
            "body": BODY,
            "language": "en",
            "goal": 10_000,
            "status": Campaign.Status.LIVE,
            "featured": True,
            # Supporters of gender-based asylum include survivors: what they write is
            # erased once delivered.
            "sensitive": True,
        },
    )
    Campaign.objects.exclude(pk=campaign.pk).filter(featured=True).update(featured=False)
    Petition.objects.update_or_create(campaign=campaign, defaults={"text": PETITION_TEXT})
    SignupAction.objects.update_or_create(campaign=campaign, defaults={"intro": SUMMARY})
    for position, partner in enumerate(PARTNERS):
        Partner.objects.update_or_create(
            campaign=campaign, name=partner["name"], defaults={**partner, "position": position}
        )
    for position, quote in enumerate(TESTIMONIALS):
        Testimonial.objects.update_or_create(
            campaign=campaign,
            position=position,
            defaults={"quote": quote, "name": "Sample supporter", "is_sample": True},
        )
    for position, (figure, statement) in enumerate(FACTS):
        Fact.objects.update_or_create(
            campaign=campaign,
            position=position,
            defaults={"figure": figure, "statement": statement, "source_title": SOURCE},
        )
    for position, (kind, title, url, summary) in enumerate(RESOURCES):
        Resource.objects.update_or_create(
            campaign=campaign,
            title=title,
            defaults={"kind": kind, "url": url, "summary": summary, "position": position},
        )
    return campaign
