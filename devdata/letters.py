"""Demo content: a letter and a call-in for the demo campaign, in English and Spanish
(safe to run again)."""

from __future__ import annotations

from calls.models import CallAction
from letters.models import LetterAction

DEMO_SUBJECT = "Name gender as a protected ground of asylum"

DEMO_LETTER = """Dear {{ legislator.salutation }},

As your constituent in {{ supporter.city }}, {{ supporter.state }}, I am writing to ask you \
to make sure that people fleeing persecution because of their gender can find safety in \
the United States.

Our asylum law protects people persecuted because of their race, religion, nationality, \
political opinion or membership in a particular social group. Gender is not on that list. \
A woman escaping a forced marriage, a girl fleeing genital cutting, a survivor of violence \
her government will not stop, a transgender person hunted for who they are: each must \
instead argue that they belong to a "particular social group", a test that has changed \
from one administration to the next and from one courtroom to another. Whether someone is \
protected should not depend on which judge hears their case.

Please support legislation that names gender as a protected ground of asylum, so that \
these claims are judged by a clear and lasting standard.

Sincerely,
{{ supporter.first_name }} {{ supporter.last_name }}"""

DEMO_LETTER_SUPPORTING = """Dear {{ legislator.salutation }},

As your constituent in {{ supporter.city }}, {{ supporter.state }}, I want to thank you for \
supporting protection for people who flee persecution because of their gender.

Naming gender as a protected ground of asylum would end the uncertainty survivors face \
today, when their claims depend on shifting interpretations of "particular social group". \
Please keep championing it and ask your colleagues to join you.

With gratitude,
{{ supporter.first_name }} {{ supporter.last_name }}"""

DEMO_CALL_SCRIPT = """Hello, my name is [your name] and I'm a constituent from \
{{ legislator.state }}.

I'm calling to ask {{ legislator.formal_name }} to support naming gender as a protected \
ground of asylum. People fleeing forced marriage, gender-based violence and persecution for \
who they are should not have their safety depend on which judge hears their case.

Can I count on {{ legislator.title }} {{ legislator.last_name }}'s support? Thank you."""


DEMO_SUBJECT_ES = "Que el género sea un motivo protegido de asilo"

DEMO_LETTER_ES = """Estimado/a {{ legislator.salutation }}:

Le escribo desde {{ supporter.city }}, {{ supporter.state }}, como una de las personas a \
las que usted representa, para pedirle que quienes huyen de la persecución por su género \
puedan encontrar protección en los Estados Unidos.

Nuestra ley de asilo protege a quienes son perseguidos por su raza, religión, nacionalidad, \
opinión política o pertenencia a un determinado grupo social. El género no está en esa \
lista. Una mujer que escapa de un matrimonio forzado, una niña que huye de la mutilación \
genital, una sobreviviente de una violencia que su gobierno no detiene, una persona trans \
perseguida por ser quien es: cada una debe argumentar, en cambio, que pertenece a un \
"determinado grupo social", un criterio que ha cambiado de un gobierno a otro y de un \
tribunal a otro. Que alguien reciba protección no debería depender del juez que escuche su \
caso.

Le pido que apoye una ley que reconozca el género como motivo protegido de asilo, para que \
estas solicitudes se juzguen con un criterio claro y duradero.

Atentamente,
{{ supporter.first_name }} {{ supporter.last_name }}"""

DEMO_LETTER_SUPPORTING_ES = """Estimado/a {{ legislator.salutation }}:

Le escribo desde {{ supporter.city }}, {{ supporter.state }}, como una de las personas a \
las que usted representa, para agradecerle su apoyo a la protección de quienes huyen de la \
persecución por su género.

Reconocer el género como motivo protegido de asilo acabaría con la incertidumbre que hoy \
viven las sobrevivientes, cuyas solicitudes dependen de interpretaciones cambiantes de \
"determinado grupo social". Le pido que siga defendiendo esta causa y que anime a sus \
colegas a sumarse.

Con gratitud,
{{ supporter.first_name }} {{ supporter.last_name }}"""

DEMO_CALL_SCRIPT_ES = """Hola, me llamo [su nombre] y soy residente de {{ legislator.state }}.

Llamo a la oficina de {{ legislator.formal_name }} para pedir su apoyo a que el género sea \
un motivo protegido de asilo. Quienes huyen de un matrimonio forzado, de la violencia de \
género o de la persecución por ser quienes son no deberían ver su seguridad depender del \
juez que escuche su caso.

¿Puedo contar con su apoyo? Gracias."""

PROMPT = (
    "Why does this matter to you? A sentence or two in your own words makes a letter far more "
    "likely to be read."
)
PROMPT_ES = (
    "¿Por qué le importa esto? Una o dos frases con sus propias palabras hacen que su carta "
    "tenga muchas más probabilidades de ser leída."
)
SPANISH_LETTER = {
    "subject_es": DEMO_SUBJECT_ES,
    "template_es": DEMO_LETTER_ES,
    "template_supporting_es": DEMO_LETTER_SUPPORTING_ES,
    "personal_story_prompt_es": PROMPT_ES,
}


def demo_outreach_create(campaign) -> tuple[LetterAction, CallAction]:
    """Add the demo letter (to the supporter's three members) and call-in to `campaign`."""
    letter, _created = LetterAction.objects.update_or_create(
        campaign=campaign,
        defaults=SPANISH_LETTER,  # a demo loaded before it had Spanish gets it too
        create_defaults={
            "subject": DEMO_SUBJECT,
            "template": DEMO_LETTER,
            "template_supporting": DEMO_LETTER_SUPPORTING,
            "personal_story_prompt": PROMPT,
            **SPANISH_LETTER,
            "editable": True,
            "targets": LetterAction.Targets.OWN_MEMBERS,
            "topics": ["Immigration", "Civil Rights and Liberties, Minority Issues"],
        },
    )
    call, _created = CallAction.objects.update_or_create(
        campaign=campaign,
        defaults={"script_es": DEMO_CALL_SCRIPT_ES},
        create_defaults={"script": DEMO_CALL_SCRIPT, "script_es": DEMO_CALL_SCRIPT_ES},
    )
    return letter, call
