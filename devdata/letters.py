"""Demo content: a letter and a call-in for the demo campaign (safe to run again)."""

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


def demo_outreach_create(campaign) -> tuple[LetterAction, CallAction]:
    """Add the demo letter (to the supporter's three members) and call-in to `campaign`."""
    letter, _created = LetterAction.objects.get_or_create(
        campaign=campaign,
        defaults={
            "subject": DEMO_SUBJECT,
            "template": DEMO_LETTER,
            "template_supporting": DEMO_LETTER_SUPPORTING,
            "personal_story_prompt": (
                "Why does this matter to you? A sentence or two in your own words makes a "
                "letter far more likely to be read."
            ),
            "editable": True,
            "targets": LetterAction.Targets.OWN_MEMBERS,
            "topics": ["Immigration", "Civil Rights and Liberties, Minority Issues"],
        },
    )
    call, _created = CallAction.objects.get_or_create(
        campaign=campaign, defaults={"script": DEMO_CALL_SCRIPT}
    )
    return letter, call
