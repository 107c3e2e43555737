"""`manage.py check`: the delivery agent's settings, against what CWC accepts.

Run before the first letter is built: a wrong length or phone format would otherwise
make every letter to Congress fail at delivery.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.checks import Error, register

from letters.cwc_rules import (
    CONTACT_NAME_MIN_LENGTH,
    EMAIL_PATTERN,
    ORGANIZATION_MAX_LENGTH,
    ORGANIZATION_MIN_LENGTH,
    cwc_phone,
)

HINT = "See the CWC_* variables in the README."


# One id per setting, so a deployment can silence a check it has a reason to ignore.
IDS = {
    "CWC_DELIVERY_AGENT": "letters.E001",
    "CWC_DELIVERY_AGENT_ACK_EMAIL": "letters.E002",
    "CWC_DELIVERY_AGENT_CONTACT_EMAIL": "letters.E003",
    "CWC_DELIVERY_AGENT_CONTACT_NAME": "letters.E004",
    "CWC_DELIVERY_AGENT_CONTACT_PHONE": "letters.E005",
    "CWC_ORGANIZATION": "letters.E006",
    "CWC_ORGANIZATION_ABOUT": "letters.E007",
}


def _problems() -> list[tuple[str, str]]:
    """(setting, what is wrong) for each delivery-agent setting CWC would refuse."""
    from letters.channels import cwc_channel

    if not any(endpoint.configured for endpoint in cwc_channel().endpoints.values()):
        return []  # CWC is off: letters go by email or by the supporter
    problems = []
    if not settings.CWC_DELIVERY_AGENT.strip():
        problems.append(("CWC_DELIVERY_AGENT", "is empty"))
    for name in ("CWC_DELIVERY_AGENT_ACK_EMAIL", "CWC_DELIVERY_AGENT_CONTACT_EMAIL"):
        if not re.fullmatch(EMAIL_PATTERN, getattr(settings, name)):
            problems.append((name, "is not an email address CWC accepts (name@example.org)"))
    if len(settings.CWC_DELIVERY_AGENT_CONTACT_NAME.strip()) < CONTACT_NAME_MIN_LENGTH:
        problems.append(
            ("CWC_DELIVERY_AGENT_CONTACT_NAME", f"needs {CONTACT_NAME_MIN_LENGTH} characters")
        )
    if not cwc_phone(settings.CWC_DELIVERY_AGENT_CONTACT_PHONE):
        problems.append(
            ("CWC_DELIVERY_AGENT_CONTACT_PHONE", "must be a U.S. number (202-555-0100)")
        )
    for name in ("CWC_ORGANIZATION", "CWC_ORGANIZATION_ABOUT"):
        value = getattr(settings, name)
        if value and not ORGANIZATION_MIN_LENGTH <= len(value) <= ORGANIZATION_MAX_LENGTH:
            problems.append(
                (name, f"must be {ORGANIZATION_MIN_LENGTH} to {ORGANIZATION_MAX_LENGTH} characters")
            )
    return problems


@register()
def delivery_agent_check(app_configs, **kwargs):
    return [Error(f"{name} {problem}.", hint=HINT, id=IDS[name]) for name, problem in _problems()]
