"""Communicating with Congress (CWC) 2.0: the XML message and the HTTP client.

This module knows the CWC wire format and HTTP, nothing of the database or of
Django settings: the caller passes endpoints and delivery-agent details in.

* House offices are "H" + state + two-digit district (at-large seats and
  delegates use "00"); Senate offices are "S" + state + "0" + class.
* `OrganizationStatement` carries the organizer's template text and
  `ConstituentMessage` the supporter's own words, when they wrote any.
* The delivery id is the CWC `DeliveryId`. With a `handover`, the request's
  headers go out first and its body only once the handover has returned: CWC
  acts on complete requests only, so a sender that stops before that leaves CWC
  nothing, and the outbox knows, from its own records, which messages CWC may have.
* Errors: a timeout, a connection error, a 5xx, 408 or 429 is transient; any
  other 4xx is permanent, with the `<Error>` texts of the answer as the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

import urllib3
from lxml import etree

from campaigns.text import CONTROL_CHARACTERS
from legislators.offices import is_cwc_office
from letters.channels.base import (
    DeliveryResult,
    Handover,
    HeldDeliveryError,
    Office,
    OutgoingLetter,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from letters.cwc_rules import MESSAGE_MIN_LENGTH, address_lines, cwc_phone

CWC_VERSION = "2.0"
LIBRARY_OF_CONGRESS_TOPICS = (
    "Agriculture and Food",
    "Animals",
    "Armed Forces and National Security",
    "Arts, Culture, Religion",
    "Civil Rights and Liberties, Minority Issues",
    "Commerce",
    "Congress",
    "Crime and Law Enforcement",
    "Economics and Public Finance",
    "Education",
    "Emergency Management",
    "Energy",
    "Environmental Protection",
    "Families",
    "Finance and Financial Sector",
    "Foreign Trade and International Finance",
    "Government Operations and Politics",
    "Health",
    "Housing and Community Development",
    "Immigration",
    "International Affairs",
    "Labor and Employment",
    "Law",
    "Native Americans",
    "Public Lands and Natural Resources",
    "Science, Technology, Communications",
    "Social Sciences and History",
    "Social Welfare",
    "Sports and Recreation",
    "Taxation",
    "Transportation and Public Works",
    "Water Resources Development",
)
BILL_TYPES = ("hr", "s", "hres", "sres", "hjres", "sjres", "hconres", "sconres", "hamdt", "samdt")
DELIVERY_ID_RE = re.compile(r"^[a-zA-Z0-9]{32}$")
DEFAULT_TIMEOUT = (5.0, 20.0)  # connect, read (seconds)


class CwcTransientError(TransientDeliveryError):
    """CWC did not answer usefully (timeout, connection error, 5xx); try again later."""


class CwcSetupRefused(HeldDeliveryError):
    """CWC refused our key (401, 403) or sent us elsewhere (3xx: a wrong base URL)."""


class CwcPermanentError(PermanentDeliveryError):
    """CWC refused the message; `errors` holds the texts of its `<Error>` elements."""

    def __init__(self, message: str, *, status: int, errors: list[str]):
        super().__init__(message)
        self.status = status
        self.errors = errors


@dataclass(frozen=True)
class DeliveryAgent:
    """Who delivers (the organization running this site), as CWC registered it."""

    name: str
    ack_email: str
    contact_name: str
    contact_email: str
    contact_phone: str
    organization: str = ""
    organization_about: str = ""


@dataclass(frozen=True)
class Endpoint:
    """One CWC installation (House or Senate): base URL and API key."""

    base_url: str
    api_key: str
    timeout: tuple[float, float] = DEFAULT_TIMEOUT

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self.api_key)

    @property
    def setup(self) -> str:
        """A fingerprint of the URL and key (never the key itself): deliveries held for a
        refused setup resume once it has changed."""
        digest = hashlib.sha256(f"{self.base_url}\n{self.api_key}".encode()).hexdigest()
        return digest[:16]


# --- XML ----------------------------------------------------------------------


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    if text is not None:
        # Forms keep such characters out; a row stored before they did must still send.
        element.text = CONTROL_CHARACTERS.sub("", text)
    return element


def _delivery(root: etree._Element, letter: OutgoingLetter, agent: DeliveryAgent) -> None:
    delivery = _add(root, "Delivery")
    _add(delivery, "DeliveryId", letter.delivery_id)
    date = letter.delivery_date or dt.datetime.now(dt.UTC).date()
    _add(delivery, "DeliveryDate", date.strftime("%Y%m%d"))
    _add(delivery, "DeliveryAgent", agent.name)
    _add(delivery, "DeliveryAgentAckEmailAddress", agent.ack_email)
    contact = _add(delivery, "DeliveryAgentContact")
    _add(contact, "DeliveryAgentContactName", agent.contact_name)
    _add(contact, "DeliveryAgentContactEmail", agent.contact_email)
    _add(contact, "DeliveryAgentContactPhone", cwc_phone(agent.contact_phone))
    if agent.organization:
        _add(delivery, "Organization", agent.organization)
    if agent.organization_about:
        _add(delivery, "OrganizationAbout", agent.organization_about)
    _add(delivery, "CampaignId", letter.campaign_code)


def _constituent(root: etree._Element, letter: OutgoingLetter) -> None:
    person = letter.constituent
    constituent = _add(root, "Constituent")
    _add(constituent, "Prefix", person.prefix)
    _add(constituent, "FirstName", person.first_name)
    _add(constituent, "LastName", person.last_name)
    address1, address2 = address_lines(person.address1, person.address2)
    _add(constituent, "Address1", address1)
    if address2:
        _add(constituent, "Address2", address2)
    _add(constituent, "City", person.city)
    _add(constituent, "StateAbbreviation", person.state.upper())
    _add(constituent, "Zip", person.zip_code)
    if phone := cwc_phone(person.phone):
        _add(constituent, "Phone", phone)
    _add(constituent, "Email", person.email)


def _message_texts(letter: OutgoingLetter) -> tuple[str, str]:
    """(OrganizationStatement, ConstituentMessage); a too-short note joins the statement."""
    statement = letter.organization_statement.strip()
    own_words = letter.constituent_message.strip()
    if own_words and len(own_words) < MESSAGE_MIN_LENGTH:
        statement, own_words = f"{statement}\n\n{own_words}".strip(), ""
    return statement, own_words


def _message(root: etree._Element, letter: OutgoingLetter) -> None:
    message = _add(root, "Message")
    _add(message, "Subject", letter.subject)
    topics = _add(message, "LibraryOfCongressTopics")
    for topic in letter.topics or ("Immigration",):
        _add(topics, "LibraryOfCongressTopic", topic)
    if letter.bills:
        bills = _add(message, "Bills")
        for bill in letter.bills:
            element = _add(bills, "Bill")
            _add(element, "BillCongress", str(bill.congress))
            _add(element, "BillTypeAbbreviation", bill.type_abbreviation)
            _add(element, "BillNumber", str(bill.number))
    if letter.pro_or_con:
        _add(message, "ProOrCon", letter.pro_or_con)
    statement, own_words = _message_texts(letter)
    if statement:
        _add(message, "OrganizationStatement", statement)
    if own_words:
        _add(message, "ConstituentMessage", own_words)
    if letter.more_info_url:
        _add(message, "MoreInfo", letter.more_info_url)


def message_xml(letter: OutgoingLetter, agent: DeliveryAgent) -> bytes:
    """The CWC 2.0 document for one letter to one office (UTF-8 bytes)."""
    if not DELIVERY_ID_RE.match(letter.delivery_id):
        raise ValueError("a CWC DeliveryId is 32 letters or digits")
    if not is_cwc_office(letter.office.code):
        raise ValueError("not a CWC office code")
    root = etree.Element("CWC")
    _add(root, "CWCVersion", CWC_VERSION)
    _delivery(root, letter, agent)
    recipient = _add(root, "Recipient")
    _add(recipient, "MemberOffice", letter.office.code)
    _add(recipient, "IsResponseRequested", "Y" if letter.response_requested else "N")
    _add(recipient, "NewsletterOptIn", "N")
    _constituent(root, letter)
    _message(root, letter)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- HTTP ---------------------------------------------------------------------


def error_texts(body: bytes) -> list[str]:
    """The texts of every `<Error>` element of a CWC answer; [] when there are none."""
    try:
        root = etree.fromstring(
            body, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return []
    return [" ".join(node.itertext()).strip() for node in root.iter("Error")]


def _after(handover: Handover, document: bytes) -> Iterator[bytes]:
    handover()
    yield document


class CwcClient:
    """POSTs CWC documents to one installation (House or Senate).

    urllib3 directly, with a pool kept per process: a delivery is one POST on a
    kept-alive connection. No redirects are followed and no retries are made here:
    the delivery outbox decides when to try again.
    """

    def __init__(self, endpoint: Endpoint, *, pool: urllib3.PoolManager | None = None):
        self.endpoint = endpoint
        self.pool = pool or urllib3.PoolManager()

    def send(self, document: bytes, *, handover: Handover | None = None) -> str:
        """Deliver one message; returns the answer's text. Raises CwcTransient/PermanentError.

        `handover` runs after the connection is open and the headers are written, right
        before the body (see the module's docstring); what it raises propagates, and the
        connection is closed with the body unsent.
        """
        return self._post("v2/message", document, handover=handover)

    def validate(self, document: bytes) -> str:
        """Ask CWC to check a message without delivering it."""
        return self._post("v2/validate", document)

    def _post(self, path: str, document: bytes, *, handover: Handover | None = None) -> str:
        query = urlencode({"apikey": self.endpoint.api_key})
        url = f"{self.endpoint.base_url.rstrip('/')}/{path}?{query}"
        connect, read = self.endpoint.timeout
        headers = {"Content-Type": "application/xml"}
        body: bytes | Iterator[bytes] = document
        if handover is not None:
            # urllib3 writes the headers, then an iterable body one item at a time.
            headers["Content-Length"] = str(len(document))
            body = _after(handover, document)
        try:
            response = self.pool.request(
                "POST",
                url,
                body=body,
                headers=headers,
                timeout=urllib3.Timeout(connect=connect, read=read),
                retries=False,
                redirect=False,
            )
        except urllib3.exceptions.NewConnectionError as exc:  # a TimeoutError subclass in urllib3
            raise CwcTransientError(f"CWC unreachable ({type(exc).__name__})") from exc
        except urllib3.exceptions.TimeoutError as exc:
            raise CwcTransientError(f"CWC timed out ({type(exc).__name__})") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise CwcTransientError(f"CWC unreachable ({type(exc).__name__})") from exc
        return self._answer(response)

    def _answer(self, response: urllib3.BaseHTTPResponse) -> str:
        status = response.status
        text = response.data.decode("utf-8", "replace")
        if 200 <= status < 300:
            return text
        if status >= 500 or status in (408, 429):
            raise CwcTransientError(f"CWC answered {status}")
        if status in (401, 403):
            raise CwcSetupRefused(
                f"CWC refused the API key ({status}): check the key", setup=self.endpoint.setup
            )
        if 300 <= status < 400:
            raise CwcSetupRefused(
                f"CWC answered {status} (a redirect): check the base URL",
                setup=self.endpoint.setup,
            )
        errors = error_texts(response.data)
        reason = "; ".join(errors) or text[:300].strip() or response.reason or ""
        raise CwcPermanentError(
            f"CWC refused the message ({status}): {reason}"[:1000], status=status, errors=errors
        )


# --- the channel --------------------------------------------------------------


class CwcChannel:
    """Delivers to House and Senate offices through their CWC installations."""

    name = "cwc"

    def __init__(
        self,
        *,
        house: Endpoint | None,
        senate: Endpoint | None,
        agent: DeliveryAgent,
        pool: urllib3.PoolManager | None = None,
        senate_offices: Callable[[], frozenset[str] | None] = lambda: None,
    ):
        self.endpoints = {"house": house, "senate": senate}
        # The Senate's list of offices that take CWC (None: every Senate office does),
        # read only when a Senate office is asked about.
        self.senate_offices = senate_offices
        self.agent = agent
        self.pool = pool

    def _endpoint(self, office: Office) -> Endpoint | None:
        endpoint = self.endpoints.get(office.chamber)
        return endpoint if endpoint is not None and endpoint.configured else None

    def is_available(self, office: Office) -> bool:
        if not is_cwc_office(office.code) or self._endpoint(office) is None:
            return False
        if office.chamber == "senate":
            listed = self.senate_offices()
            return listed is None or office.code in listed  # else the next channel takes it
        return True

    def send(self, letter: OutgoingLetter, *, handover: Handover | None = None) -> DeliveryResult:
        endpoint = self._endpoint(letter.office)
        if endpoint is None:
            raise PermanentDeliveryError("CWC is not configured for this chamber")
        document = message_xml(letter, self.agent)
        CwcClient(endpoint, pool=self.pool).send(document, handover=handover)
        return DeliveryResult(DeliveryResult.SENT, detail="CWC accepted the message")
