"""The movement's own site in the demo (`make run`): its identity, facts, members, voices,
news, media coverage and library, in English and Spanish. Running it again changes nothing
more. Quotes are marked as sample text; news and coverage are made up, under example.org
addresses, so no real outlet is misquoted."""

import datetime as dt

from django.db import transaction

from campaigns.models import Campaign, Resource
from devdata.demo import voices_create
from movement.models import NewsPost, SiteIdentity
from movement.services import site_identity_save

IDENTITY = {
    "name": "Movement for Gender Asylum Justice",
    "name_es": "Movimiento por la Justicia en el Asilo de Género",
    "tagline": "Survivors, advocates, lawyers and health professionals working for a fair "
    "hearing for everyone who flees gender-based persecution.",
    "tagline_es": "Sobrevivientes, activistas, abogadas y profesionales de la salud que trabajan "
    "por una audiencia justa para toda persona que huye de la persecución por motivos de género.",
    "contact_email": "hello@example.org",
    "donation_url": "https://donate.example.org/gender-asylum-justice",
}
FACTS_DATE = dt.date(2026, 6, 15)

# slug, date, language, title, body (Markdown)
NEWS = [
    (
        "survivors-meet-congress",
        dt.date(2026, 11, 18),
        "en",
        "Survivors meet their members of Congress",
        "Twelve survivors and their advocates met staff in eight congressional offices this "
        "week to ask for **gender-based asylum** to be written into law.\n\n"
        "*This is a sample post of the demo site.*",
    ),
    (
        "coalicion-crece",
        dt.date(2026, 11, 2),
        "es",
        "La coalición suma 40 organizaciones",
        "Cuarenta organizaciones de todo el país ya forman parte del movimiento.\n\n"
        "*Esta es una publicación de ejemplo del sitio de demostración.*",
    ),
    (
        "letters-delivered",
        dt.date(2026, 10, 20),
        "en",
        "Your letters reached 120 offices",
        "Thank you: letters from supporters reached 120 offices of the House and the Senate.\n\n"
        "*This is a sample post of the demo site.*",
    ),
]

# date, language of the article, outlet, (title, summary), (title, summary) in Spanish
COVERAGE = [
    (
        dt.date(2026, 11, 10),
        "en",
        "The Example Times",
        "https://news.example.org/asylum-judges",
        (
            "Why asylum for survivors depends on the judge",
            "A look at how outcomes differ from one court to the next.",
        ),
        (
            "Por qué el asilo de las sobrevivientes depende del juez",
            "Cómo cambian las decisiones de un tribunal a otro.",
        ),
    ),
    (
        dt.date(2026, 10, 28),
        "es",
        "Radio Ejemplo",
        "https://radio.example.org/sobrevivientes-ley",
        (
            "Survivors ask for a clear law",
            "An interview with two organizers of the movement.",
        ),
        ("Sobrevivientes piden una ley clara", "Entrevista con dos organizadoras del movimiento."),
    ),
]

# kind, date, URL, (title, summary), (title, summary) in Spanish
LIBRARY = [
    (
        Resource.Kind.RESEARCH,
        dt.date(2026, 9, 1),
        "https://niwaplibrary.wcl.american.edu/",
        ("Gender-based asylum: the legal landscape", "Research and training materials."),
        ("Asilo por motivos de género: el panorama jurídico", "Investigación y formación."),
    ),
    (
        Resource.Kind.FACT_SHEET,
        dt.date(2026, 6, 15),
        "https://www.unhcr.org/global-trends",
        ("Forced displacement in figures", "UNHCR's yearly figures on people forced to flee."),
        ("El desplazamiento forzado en cifras", "Las cifras anuales de ACNUR."),
    ),
    (
        Resource.Kind.TESTIMONY,
        dt.date(2026, 5, 6),
        "https://www.congress.gov/committees",
        ("Testimony before Congress", "Where hearings and written testimony are published."),
        ("Testimonios ante el Congreso", "Dónde se publican las audiencias y testimonios."),
    ),
    (
        Resource.Kind.LEGAL,
        dt.date(2026, 3, 12),
        "https://www.justice.gov/eoir/ag-bia-decisions",
        ("Precedent decisions on asylum", "The Board of Immigration Appeals' precedents."),
        ("Decisiones de precedente sobre asilo", "Los precedentes de la Junta de Apelaciones."),
    ),
]


@transaction.atomic
def movement_demo_create(campaign: Campaign) -> None:
    """The movement's identity and home page content; people join through `campaign`."""
    identity = SiteIdentity.objects.first() or SiteIdentity()
    for name, value in {**IDENTITY, "join_campaign": campaign}.items():
        setattr(identity, name, value)
    site_identity_save(identity=identity)
    voices_create(None, facts_date=FACTS_DATE)
    _news_create(campaign)
    _resources_create(campaign)


def _news_create(campaign: Campaign) -> None:
    for slug, date, language, title, body in NEWS:
        post, _created = NewsPost.objects.update_or_create(
            slug=slug,
            defaults={"published_on": date, "language": language, "title": title, "body": body},
        )
        post.campaigns.set([campaign])


def _resources_create(campaign: Campaign) -> None:
    for date, language, outlet, url, (title, summary), (title_es, summary_es) in COVERAGE:
        Resource.objects.update_or_create(
            campaign=campaign,
            kind=Resource.Kind.MEDIA,
            url=url,
            defaults={
                "title": title,
                "title_es": title_es,
                "source": outlet,
                "language": language,
                "published_on": date,
                "summary": summary,
                "summary_es": summary_es,
            },
        )
    for position, (kind, date, url, (title, summary), (title_es, summary_es)) in enumerate(LIBRARY):
        Resource.objects.update_or_create(
            campaign=None,
            kind=kind,
            url=url,
            defaults={
                "title": title,
                "title_es": title_es,
                "summary": summary,
                "summary_es": summary_es,
                "published_on": date,
                "position": position,
            },
        )
