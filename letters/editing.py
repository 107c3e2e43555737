"""The part of a letter a supporter edits, as plain text without merge fields.

An organizer's template opens with a greeting for each office ("Dear {{ legislator.salutation
}},") and may close with the supporter's name. The supporter edits only what lies between,
shown as it reads for their first member, with their own details still unknown shown as
bracketed hints ("[your city]"). Their edit becomes a template again: the greeting and the
closing are kept, and each value shown for a merge field is put back as that field, so every
office still gets its own name and the supporter's details are filled in when they give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.templating import Field, parse

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass(frozen=True)
class LetterParts:
    """A template cut into the office's greeting, the editable body and the closing."""

    greeting: str
    body: str
    closing: str

    def join(self, body: str) -> str:
        return "\n\n".join(part for part in (self.greeting, body.strip(), self.closing) if part)


def _fields(text: str) -> set[str]:
    return {part.name for part in parse(text) if isinstance(part, Field)}


def letter_parts(template: str) -> LetterParts:
    """The opening paragraph when it names the office, the closing one when it names the
    supporter, and the body between (the whole text when neither is found)."""
    paragraphs = _PARAGRAPH_BREAK.split(template.strip())
    greeting = closing = ""
    if len(paragraphs) > 1 and any(f.startswith("legislator.") for f in _fields(paragraphs[0])):
        greeting = paragraphs.pop(0)
    names = {"supporter.first_name", "supporter.last_name"}
    if len(paragraphs) > 1 and names & _fields(paragraphs[-1]):
        closing = paragraphs.pop()
    return LetterParts(greeting, "\n\n".join(paragraphs), closing)


def body_shown(template: str, values: dict[str, str]) -> str:
    """The editable body as the supporter reads it: merge fields filled in from `values`."""
    body = letter_parts(template).body
    return "".join(
        part if isinstance(part, str) else values.get(part.name, "") for part in parse(body)
    )


def body_to_template(template: str, edited: str, values: dict[str, str]) -> str:
    """The supporter's edited body back in the template, or "" when they left it as shown.

    Each value the body showed for one of its merge fields is turned back into the field
    where it stands as whole words (longest first, so "Senator Jo Junior" is matched before
    "Junior"); values of one or two characters (a state, a district number) stay as written,
    as they read the same for each of a supporter's members.
    """
    edited = edited.replace("\r\n", "\n").strip()
    if edited == body_shown(template, values).strip():
        return ""
    if _TEMPLATE_SYNTAX.search(edited):
        raise ApplicationError(
            _("Please remove the curly braces ({ and }) from your letter."),
            code="braces_in_letter",
        )
    parts = letter_parts(template)
    shown = {values[n]: n for n in _fields(parts.body) if len(values.get(n) or "") >= 3}
    for value in sorted(shown, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)"
        edited = re.sub(pattern, lambda _match, name=shown[value]: "{{ " + name + " }}", edited)
    return parts.join(edited)
