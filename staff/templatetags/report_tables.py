"""Fast pieces of the report tables.

`intcomma` goes through Django's full number formatting for every cell, and a template
loop resolves every variable of every cell; the report tables have thousands of cells.
These look the active language's separator up once and build rows in Python, escaping
every text.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from staff.charts import group_digits, thousands_separator

register = template.Library()


# The number columns of a breakdown table, in the order of its header.
BREAKDOWN_COLUMNS = ("actions", "signatures", "letters", "calls", "signups", "supporters")


@register.filter
def breakdown_body(rows) -> SafeString:
    """The `<tr>` rows of a breakdown table: the name as a row header, then the numbers."""
    if not rows:
        message = escape(_("No actions in this period."))
        return mark_safe(f'<tr><td colspan="{len(BREAKDOWN_COLUMNS) + 1}">{message}</td></tr>')  # noqa: S308
    none = _("(none)")
    separator = thousands_separator()
    parts = []
    for row in rows:
        name = row.get("label") or row.get("key") or none
        cells = "".join(
            f'<td class="num">{escape(group_digits(int(row.get(column, 0)), separator))}</td>'
            for column in BREAKDOWN_COLUMNS
        )
        parts.append(f'<tr><th scope="row">{escape(str(name))}</th>{cells}</tr>')
    return mark_safe("".join(parts))  # noqa: S308 - every text part is escaped
