"""`manage.py check` (and every start of runserver, migrate and the worker): the partner
origins of EMBED_PARTNERS, so a typing mistake is a start-up error, not a frame that stays
blank on the partner's page."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

from embeds.partners import origin_problem

HINT = 'EMBED_PARTNERS takes "origin=source code" pairs: https://partner.example.org=partner-org'


@register(Tags.security)
def embed_partners_check(app_configs=None, **kwargs) -> list[Error]:
    partners = settings.EMBED_PARTNERS
    if not isinstance(partners, dict):
        return [
            Error("EMBED_PARTNERS must map origins to source codes.", hint=HINT, id="embeds.E001")
        ]
    errors = []
    for origin, source in partners.items():
        problem = origin_problem(origin, source)
        if problem:
            errors.append(
                Error(f"EMBED_PARTNERS: {origin!r} {problem}.", hint=HINT, id="embeds.E002")
            )
    return errors
