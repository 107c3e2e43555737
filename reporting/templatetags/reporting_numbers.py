"""A fast thousands-grouped integer for the report tables.

`intcomma` goes through Django's full number formatting for every cell; the
report tables have thousands of cells, so this filter looks the active
language's separator up once and groups with Python's own formatting.
"""

from functools import lru_cache

from django import template
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=32)
def _separator(language: str | None) -> str:
    return str(get_format("THOUSAND_SEPARATOR", lang=language, use_l10n=True))


@register.filter
def grouped(value) -> str:
    """1234567 → "1,234,567" (or "1.234.567" in Spanish); anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    text = f"{value:,}"
    separator = _separator(get_language())
    return text if separator == "," else text.replace(",", separator)
