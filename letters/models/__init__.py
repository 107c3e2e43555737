"""Letters to Congress: what organizers configure, what supporters send, and the outbox."""

from letters.models.actions import LegislatorStance, LetterAction, Stance
from letters.models.letters import Letter
from letters.models.outbox import Delivery, OfficeReach, OfficeRoute, SenateCwcOffice

__all__ = [
    "Delivery",
    "LegislatorStance",
    "Letter",
    "LetterAction",
    "OfficeReach",
    "OfficeRoute",
    "SenateCwcOffice",
    "Stance",
]
