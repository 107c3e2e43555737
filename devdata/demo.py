"""The demo campaign shown by `make run`: a real movement's cause, in our own words."""

from django.db import transaction

from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial
from campaigns.services.campaigns import campaign_translation_publish
from petitions.models import Petition
from signups.models import SignupAction

SLUG = "protect-gender-based-asylum"
SOURCE = "Movement for Gender Asylum Justice fact sheet"
SOURCE_ES = "Hoja informativa del Movimiento por la Justicia en el Asilo de Género"
TITLE = "Protect Gender-Based Asylum"
TITLE_ES = "Protejamos el asilo por motivos de género"

SUMMARY = (
    "People who flee violence because of their gender deserve a fair hearing. We are asking "
    "Congress to write protection for gender-based asylum claims into law."
)
SUMMARY_ES = (
    "Quienes huyen de la violencia por su género merecen una audiencia justa. Pedimos al "
    "Congreso que la ley proteja expresamente las solicitudes de asilo por motivos de género."
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

BODY_ES = """\
## Por qué importa

Cada año, mujeres, niñas, personas LGBTQ y muchas otras huyen para salvar la vida de una
violencia dirigida contra ellas por ser quienes son: matrimonios forzados, mutilación genital,
los llamados crímenes de honor, maltrato en el hogar que la policía no detiene. Muchas llegan a
los Estados Unidos y descubren que su protección depende del juez que escuche su caso y de la
política que esté vigente ese año.

El **Movimiento por la Justicia en el Asilo de Género** reúne a sobrevivientes, activistas,
abogadas y abogados y profesionales de la salud para cambiar esto. Queremos que el Congreso
deje claro, en la ley misma, que la persecución por motivos de género puede ser causa de asilo.

## Lo que pedimos

- Reconocer el género, la orientación sexual y la identidad de género como motivos de protección.
- Garantizar que las sobrevivientes de violencia doméstica y sexual reciban una audiencia justa y
  coherente.
- Poner fin a los vaivenes políticos que dejan la seguridad de las personas al azar.

Firme la petición, escriba a sus representantes en el Congreso y sume a su organización a la
coalición.
"""

PETITION_TEXT = (
    "To the United States Congress: we ask you to protect people fleeing gender-based "
    "persecution by recognizing gender-based asylum claims in federal law, so that every "
    "survivor gets a fair and consistent hearing."
)
PETITION_TEXT_ES = (
    "Al Congreso de los Estados Unidos: les pedimos que protejan a las personas que huyen de la "
    "persecución por motivos de género, reconociendo en la ley federal las solicitudes de asilo "
    "por motivos de género, para que toda sobreviviente reciba una audiencia justa y coherente."
)

PARTNERS = [
    {
        "name": "NIWAP (National Immigrant Women's Advocacy Project)",
        "website": "https://niwaplibrary.wcl.american.edu/",
        "description": "Founding member: research, training and technical help for advocates "
        "who work with immigrant survivors of violence.",
        "description_es": "Miembro fundador: investigación, formación y asistencia técnica para "
        "quienes acompañan a sobrevivientes inmigrantes de la violencia.",
        "founding_member": True,
        "cosponsor": True,
    },
    {
        "name": "Church World Service",
        "website": "https://cwsglobal.org/",
        "description": "A faith-based organization welcoming refugees and supporting "
        "communities across the country.",
        "description_es": "Una organización de inspiración religiosa que acoge a personas "
        "refugiadas y apoya a comunidades de todo el país.",
        "founding_member": False,
        "cosponsor": True,
    },
    {
        "name": "Physicians for Human Rights' Asylum Network",
        "website": "https://phr.org/issues/asylum-and-persecution/",
        "description": "Clinicians who document the physical and psychological evidence of "
        "persecution for asylum seekers.",
        "description_es": "Profesionales clínicos que documentan las pruebas físicas y "
        "psicológicas de la persecución para quienes solicitan asilo.",
        "founding_member": False,
        "cosponsor": False,
    },
]

# (English, Spanish); the speakers are samples, named by initials.
TESTIMONIALS = [
    (
        "A. M.",
        "I left because staying meant I would not survive. What I needed here was someone to "
        "listen to my story under rules that were the same for everyone.",
        "Me fui porque quedarme significaba no sobrevivir. Lo que necesitaba aquí era que alguien "
        "escuchara mi historia con reglas iguales para todos.",
    ),
    (
        "L. R.",
        "My case took years, and it felt like the outcome depended on luck. Nobody should have "
        "to gamble with their safety like that.",
        "Mi caso tardó años y sentía que el resultado dependía de la suerte. Nadie debería tener "
        "que jugarse así su seguridad.",
    ),
    (
        "S. K.",
        "Being believed changed everything. A clear law would give that chance to many more "
        "people.",
        "Que me creyeran lo cambió todo. Una ley clara les daría esa oportunidad a muchas más "
        "personas.",
    ),
]

# (figure, statement) in English, then in Spanish.
FACTS = [
    (
        ("At least 25", "countries name gender in their asylum laws."),
        ("Al menos 25", "países mencionan el género en sus leyes de asilo."),
    ),
    (
        ("At least 76", "countries have laws that criminalize LGBTQ people."),
        ("Al menos 76", "países tienen leyes que criminalizan a las personas LGBTQ."),
    ),
    (
        ("200 million", "women and girls have experienced female genital mutilation/cutting."),
        ("200 millones", "de mujeres y niñas han sufrido mutilación genital femenina."),
    ),
    (
        ("Almost 3 in 5", "women killed worldwide in 2017 were killed by partners or family."),
        (
            "Casi 3 de cada 5",
            "mujeres asesinadas en el mundo en 2017 murieron a manos de su pareja o de su familia.",
        ),
    ),
    (
        ("At least 1 in 3", "women worldwide have experienced physical or sexual violence."),
        ("Al menos 1 de cada 3", "mujeres en el mundo ha sufrido violencia física o sexual."),
    ),
    (
        ("Over 3,300", "transgender people are known to have been killed in the last decade."),
        (
            "Más de 3300",
            "personas trans asesinadas en la última década, solo entre los casos conocidos.",
        ),
    ),
    (
        (
            "2 times",
            "Immigrant women in the U.S. are 2 times more likely to experience domestic "
            "violence than the general population.",
        ),
        (
            "El doble",
            "Las mujeres inmigrantes en los EE. UU. tienen el doble de probabilidades de sufrir "
            "violencia doméstica que la población en general.",
        ),
    ),
    (
        (
            "Over 25",
            "conflict-affected countries reported sexual violence against men and boys in the "
            "last decade.",
        ),
        (
            "Más de 25",
            "países afectados por conflictos registraron violencia sexual contra hombres y niños "
            "en la última década.",
        ),
    ),
    (
        ("150 million", "more children will be married before 18 by 2030 if trends continue."),
        (
            "150 millones",
            "más de niñas y niños se casarán antes de cumplir 18 años de aquí a 2030 si siguen "
            "las tendencias actuales.",
        ),
    ),
]

# kind, url, (title, summary) in English, then in Spanish.
RESOURCES = [
    (
        Resource.Kind.RESEARCH,
        "https://niwaplibrary.wcl.american.edu/",
        (
            "Gender-based asylum: the legal landscape",
            "Research and training materials on protection for immigrant survivors.",
        ),
        (
            "Asilo por motivos de género: el panorama jurídico",
            "Materiales de investigación y formación sobre la protección de sobrevivientes "
            "inmigrantes.",
        ),
    ),
    (
        Resource.Kind.RESEARCH,
        "https://phr.org/issues/asylum-and-persecution/",
        (
            "Medical evaluations for asylum seekers",
            "How clinicians document evidence of persecution.",
        ),
        (
            "Evaluaciones médicas para solicitantes de asilo",
            "Cómo documentan los profesionales clínicos las pruebas de la persecución.",
        ),
    ),
    (
        Resource.Kind.MEDIA,
        "https://cwsglobal.org/",
        ("Refugee and asylum news", "News and stories from communities welcoming refugees."),
        (
            "Noticias sobre refugio y asilo",
            "Noticias e historias de comunidades que acogen a personas refugiadas.",
        ),
    ),
]


@transaction.atomic
def load_demo() -> Campaign:
    """Create or refresh the demo campaign, in English and Spanish (published); running it
    again changes nothing more."""
    campaign, _created = Campaign.objects.update_or_create(
        slug=SLUG,
        defaults={
            "title": TITLE,
            "title_es": TITLE_ES,
            "summary": SUMMARY,
            "summary_es": SUMMARY_ES,
            "body": BODY,
            "body_es": BODY_ES,
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
    Petition.objects.update_or_create(
        campaign=campaign, defaults={"text": PETITION_TEXT, "text_es": PETITION_TEXT_ES}
    )
    SignupAction.objects.update_or_create(
        campaign=campaign, defaults={"intro": SUMMARY, "intro_es": SUMMARY_ES}
    )
    _content_create(campaign)
    return campaign_translation_publish(campaign=campaign, language="es")


def _content_create(campaign: Campaign) -> None:
    voices_create(campaign)
    for position, (kind, url, (title, summary), (title_es, summary_es)) in enumerate(RESOURCES):
        Resource.objects.update_or_create(
            campaign=campaign,
            title=title,
            defaults={
                "kind": kind,
                "url": url,
                "summary": summary,
                "title_es": title_es,
                "summary_es": summary_es,
                "position": position,
            },
        )


def voices_create(campaign: Campaign | None, *, facts_date=None) -> None:
    """The partners, sample quotes and facts, of `campaign` or (None) of the movement as a
    whole, which has no co-sponsors: those are offered on a campaign's petition."""
    for position, partner in enumerate(PARTNERS):
        values = partner if campaign else {k: v for k, v in partner.items() if k != "cosponsor"}
        Partner.objects.update_or_create(
            campaign=campaign, name=partner["name"], defaults={**values, "position": position}
        )
    for position, (name, quote, quote_es) in enumerate(TESTIMONIALS):
        Testimonial.objects.update_or_create(
            campaign=campaign,
            position=position,
            defaults={"quote": quote, "quote_es": quote_es, "name": name, "is_sample": True},
        )
    for position, ((figure, statement), (figure_es, statement_es)) in enumerate(FACTS):
        Fact.objects.update_or_create(
            campaign=campaign,
            position=position,
            defaults={
                "figure": figure,
                "figure_es": figure_es,
                "statement": statement,
                "statement_es": statement_es,
                "source_title": SOURCE,
                "source_title_es": SOURCE_ES,
                "source_date": facts_date,
            },
        )
