"""What CWC 2.0 accepts from a constituent and in a message, from its published schema.

The letter form, the letters API, the XML builder and the settings check all read these,
so a letter the site accepts is a letter CWC accepts: a supporter meets a limit at the
form, with a message they can act on, instead of a delivery failing days later.
"""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

ADDRESS_MIN_LENGTH = 3  # Address1, Address2
CITY_MIN_LENGTH = 3
MESSAGE_MIN_LENGTH = 6  # OrganizationStatement, ConstituentMessage
MESSAGE_MAX_LENGTH = 10_000
ORGANIZATION_MIN_LENGTH = 6  # Organization, OrganizationAbout of the delivery agent
ORGANIZATION_MAX_LENGTH = 500
CONTACT_NAME_MIN_LENGTH = 2  # DeliveryAgentContactName
# The schema's email type, matched whole (so "a@localhost", which Django accepts, is not).
EMAIL_PATTERN = r"[^@]+@[^\.]+\..+"

cwc_email = RegexValidator(
    rf"^{EMAIL_PATTERN}\Z",
    _("Enter an email address Congress can reply to, like name@example.org."),
    code="cwc_email",
)


def address_lines(address1: str, address2: str) -> tuple[str, str]:
    """Address1 and Address2 as CWC takes them: a second line shorter than the schema
    allows (an apartment "4B") joins the first rather than being lost."""
    first, second = address1.strip(), address2.strip()
    if second and len(second) < ADDRESS_MIN_LENGTH:
        return f"{first}, {second}", ""
    return first, second


def cwc_phone(value: str) -> str:
    """`202-555-0100`, the only phone format CWC takes, or "" when the number is not a
    ten-digit US number."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else ""
