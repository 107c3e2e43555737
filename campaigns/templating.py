"""Letter and call-script templates with merge fields from a closed set.

Organizers write plain text with placeholders such as `{{ legislator.formal_name }}`.
Only the names in `MERGE_FIELDS` exist; anything else between `{{ }}`, a brace
left open, or Django template syntax (`{% %}`, `{# #}`) is rejected, and the
error names the offending placeholder. Rendering is a single pass over the
parsed text: values are inserted as data (never parsed again, so a supporter
who types `{{ legislator.first_name }}` as their name gets exactly that text).
Nothing but the given values can be reached.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

MERGE_FIELDS: dict[str, str] = {
    "supporter.first_name": _("the supporter's first name"),
    "supporter.last_name": _("the supporter's last name"),
    "supporter.city": _("the supporter's city"),
    "supporter.state": _("the supporter's state (two letters)"),
    "legislator.title": _("Representative, Senator, Delegate or Resident Commissioner"),
    "legislator.first_name": _("the legislator's first name"),
    "legislator.last_name": _("the legislator's last name"),
    "legislator.formal_name": _('e.g. "Senator Jane Doe", with the name she goes by'),
    "legislator.salutation": _('e.g. "Senator Doe", to open a letter'),
    "legislator.chamber": _("House or Senate"),
    "legislator.state": _("the legislator's state (two letters)"),
    "legislator.district": _('the district number, or "at-large"'),
}
_TOKEN = re.compile(r"\{\{([^{}\n]*)\}\}|\{%|%\}|\{#|#\}|\{\{|\}\}")
_NAME = re.compile(r"^\s*([a-z_]+(?:\.[a-z_]+)*)\s*$")


@dataclass(frozen=True)
class Field:
    name: str


def parse(text: str) -> list[str | Field]:
    """Literal text and fields, in order. Raises ValidationError naming each bad placeholder."""
    parts: list[str | Field] = []
    errors: list[ValidationError] = []
    position = 0
    for match in _TOKEN.finditer(text or ""):
        parts.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if match.group(1) is None:
            # A brace left open or Django syntax: quote what follows, to find it.
            errors.append(_malformed(text[match.start() : match.start() + 40].split("\n")[0]))
            continue
        name_match = _NAME.match(match.group(1))
        if name_match is None:
            errors.append(_malformed(token))
        elif name_match.group(1) not in MERGE_FIELDS:
            errors.append(
                ValidationError(
                    _("Unknown merge field %(placeholder)s. Available fields: %(fields)s."),
                    code="unknown_merge_field",
                    params={"placeholder": token, "fields": ", ".join(MERGE_FIELDS)},
                )
            )
        else:
            parts.append(Field(name_match.group(1)))
    parts.append((text or "")[position:])
    if errors:
        raise ValidationError(errors)
    return [part for part in parts if part != ""]


def _malformed(token: str) -> ValidationError:
    return ValidationError(
        _(
            "Malformed placeholder %(placeholder)s: "
            "write merge fields like {{ supporter.first_name }}."
        ),
        code="malformed_merge_field",
        params={"placeholder": token[:60]},
    )


def validate_template(text: str) -> None:
    """Form/model validator: raises ValidationError naming every bad placeholder."""
    parse(text)


def render_text(text: str, values: Mapping[str, object]) -> str:
    """The template with its fields filled in from `values` (missing ones are left empty),
    as plain text: each channel escapes for its own format (CWC XML, email, HTML pages)."""
    out: list[str] = []
    for part in parse(text):
        out.append(part if isinstance(part, str) else str(values.get(part.name, "") or ""))
    return "".join(out)


def supporter_values(*, first_name: str, last_name: str, city: str, state: str) -> dict[str, str]:
    """The `supporter.*` merge fields."""
    return {
        "supporter.first_name": first_name,
        "supporter.last_name": last_name,
        "supporter.city": city,
        "supporter.state": state,
    }


def merge_fields_help(intro="") -> str:
    """Help text listing every merge field and what it becomes (built per request, translated)."""
    items = format_html_join(
        "",
        "<li><code>{}</code>: {}</li>",
        (("{{ " + name + " }}", meaning) for name, meaning in MERGE_FIELDS.items()),
    )
    return format_html(
        "{} {}<ul>{}</ul>{}",
        intro,
        _("Merge fields you can use:"),
        items,
        _(
            "Any other name between double braces is refused when you save. The campaign's "
            "preview shows the text filled in for a sample member of Congress."
        ),
    )
