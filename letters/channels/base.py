"""The channel interface: what a channel gets, what it answers, how it fails.

A channel turns one `OutgoingLetter` (one letter to one office, already rendered)
into a `DeliveryResult`, or raises `TransientDeliveryError` (try again later:
timeouts, connection errors, 5xx), `PermanentDeliveryError` (retrying cannot
help: the office refused the message) or `HeldDeliveryError` (the site's own setup was
refused: wait for it to be fixed). Channels know nothing of the database;
the outbox builds the letter from its rows and records the outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

CHANNEL_NAMES = ("cwc", "email", "manual")  # each a module of this package
Handover = Callable[[], None]  # see Channel.send


class DeliveryError(Exception):
    """A channel could not deliver. The message is technical and never holds personal data."""


class TransientDeliveryError(DeliveryError):
    """The office or the network failed for now; the same message may succeed later."""


class PermanentDeliveryError(DeliveryError):
    """The office refused the message; sending it again would fail the same way."""


class HandoverRefused(Exception):  # noqa: N818 - an answer of the outbox, not a fault
    """The outbox withdrew the message at the last moment (another sender took the
    delivery over): the channel must let nothing more of it leave."""


class HeldDeliveryError(DeliveryError):
    """The site's own delivery setup was refused (a bad or expired key, a moved address):
    nothing is wrong with the letter, so it waits until the setup changes. `setup` names
    the setup that was refused (see `Endpoint.setup`)."""

    def __init__(self, message: str, *, setup: str):
        super().__init__(message)
        self.setup = setup


@dataclass(frozen=True)
class Office:
    """The office a letter goes to, as the channels need it."""

    code: str  # "HVA04", "SWY02", or an organizer-chosen code for other targets
    name: str  # formal name, e.g. "Representative Jane Doe"
    chamber: str = ""  # "house" | "senate" | "" (targets outside Congress)
    state: str = ""
    district: int | None = None
    email: str = ""
    phone: str = ""
    contact_form_url: str = ""


@dataclass(frozen=True)
class Constituent:
    prefix: str
    first_name: str
    last_name: str
    address1: str
    city: str
    state: str
    zip_code: str
    email: str
    address2: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Bill:
    congress: int
    type_abbreviation: str  # CWC spelling: "hr", "s", "hres", ...
    number: int


@dataclass(frozen=True)
class OutgoingLetter:
    """One letter to one office, rendered for that office."""

    delivery_id: str  # 32 alphanumerics; doubles as the CWC DeliveryId
    campaign_code: str  # stable per campaign; the CWC CampaignId
    office: Office
    constituent: Constituent
    subject: str
    organization_statement: str  # the organizer's template text, rendered for this office
    constituent_message: str = ""  # the supporter's own words, when they wrote any
    topics: tuple[str, ...] = ("Immigration",)
    bills: tuple[Bill, ...] = ()
    pro_or_con: str = ""  # "pro" | "con" | ""
    delivery_date: dt.date | None = None
    more_info_url: str = ""
    response_requested: bool = False

    @property
    def full_text(self) -> str:
        """Organizer text followed by the supporter's own words, for plain-text channels."""
        parts = [self.organization_statement.strip(), self.constituent_message.strip()]
        return "\n\n".join(part for part in parts if part)


@dataclass(frozen=True)
class DeliveryResult:
    """What a channel did. `status` is "sent" or "needs_manual"."""

    status: str
    detail: str = ""
    extra: dict = field(default_factory=dict)

    SENT: ClassVar[str] = "sent"
    NEEDS_MANUAL: ClassVar[str] = "needs_manual"


class Channel(Protocol):
    """One way of reaching an office. `name` is stored on each delivery."""

    name: str

    def is_available(self, office: Office) -> bool:
        """Whether this channel can reach this office with the current configuration."""

    def send(self, letter: OutgoingLetter, *, handover: Handover | None = None) -> DeliveryResult:
        """Deliver, or raise TransientDeliveryError / PermanentDeliveryError.

        A channel whose office system acts only on a complete request (CWC) calls
        `handover` once, right before the request's last bytes: until then nothing can
        arrive, and once it has returned the outbox never sends this attempt again. It
        raises HandoverRefused when the message must not leave. Other channels ignore it,
        and a sender that stops mid-send is then simply sent again.
        """
