"""Whatever a supporter types into the letter form is refused there, or makes a valid CWC
document: never a letter accepted and then failing at delivery.

With the reference data (ACTIONCENTER_TEST_DATA, as in CI) each document is validated
against the published CWC 2.0 schema; without it, each must still build and parse.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from campaigns.templating import render_text, supporter_values
from legislators.offices import house_office_code, senate_office_code
from letters.channels.base import Constituent, Office, OutgoingLetter
from letters.channels.cwc import DeliveryAgent, message_xml
from letters.cwc_rules import MESSAGE_MAX_LENGTH
from letters.forms import DraftForm, SenderForm
from tests.fakes.cwc_server import relaxed_schema

AGENT = DeliveryAgent(
    name="Gender Asylum Action",
    ack_email="delivery@example.org",
    contact_name="Delivery Desk",
    contact_email="desk@example.org",
    contact_phone="(202) 555-0100",
    organization="Gender Asylum Action",
    organization_about="We help people ask Congress to protect those fleeing gender persecution.",
)
TEMPLATE = (
    "Dear member of Congress, I am {{ supporter.first_name }} {{ supporter.last_name }} "
    "of {{ supporter.city }}, {{ supporter.state }}. Please name gender as a protected ground."
)
OFFICES = [
    Office(code=house_office_code("VA", 8), name="Representative Jane Doe", chamber="house"),
    Office(code=senate_office_code("WY", 2), name="Senator Cynthia Lummis", chamber="senate"),
]
# Everything a keyboard, a paste from a word processor or a phone can produce: every
# Unicode category, lone surrogates included, and the XML-special characters.
TYPED = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), min_size=0, max_size=60
) | st.sampled_from(["&", "<b>", "]]>", "\x0b\x1b", "\ufffe", "\ud800", "4B", "a@localhost", "😀"])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def schema(samples_dir_or_none):
    if samples_dir_or_none is None:
        return None
    return relaxed_schema(samples_dir_or_none / "cwc" / "cwc_schema_v2.rng")


def _sender(typed: dict) -> dict:
    return {
        "prefix": "Mx.",
        "first_name": typed["first_name"],
        "last_name": typed["last_name"],
        "address1": typed["address1"],
        "address2": typed["address2"],
        "city": typed["city"],
        "state": "VA",
        "zip_code": "22201",
        "email": typed["email"],
        "phone": typed["phone"],
    }


VALID = {
    "first_name": "Alex",
    "last_name": "Rivera",
    "address1": "1100 Main Street",
    "address2": "Apt 4",
    "city": "Arlington",
    "email": "alex@example.org",
    "phone": "703 555 0142",
    "personal_note": "I fled persecution myself.",
}


def _field(valid: str):
    """Typed text alone, or pasted around a value the form accepts (so that most
    examples reach the document builder rather than stopping at the form)."""
    around = st.tuples(TYPED, TYPED).map(lambda parts: parts[0] + valid + parts[1])
    if "@" in valid:
        local, domain = valid.split("@")
        around = TYPED.map(lambda typed: f"{local}{typed}@{domain}")
    return st.one_of(TYPED, around, around)


# Up to four fields typed into at once, the others filled in as a person would.
TYPED_FORM = (
    st.lists(st.sampled_from(list(VALID)), max_size=4, unique=True)
    .flatmap(lambda names: st.fixed_dictionaries({name: _field(VALID[name]) for name in names}))
    .map(lambda typed: {**VALID, **typed})
)


def test_typed_text_is_refused_at_the_form_or_makes_a_valid_cwc_document(schema):
    accepted = []

    @PROPERTY
    @given(typed=TYPED_FORM)
    def check(typed):
        if _build_documents(schema, typed):
            accepted.append(typed)

    check()
    assert len(accepted) >= 20, "too few examples got past the form to mean anything"


def _build_documents(schema, typed: dict) -> bool:
    """False when the form refuses what was typed; else builds and checks each document."""
    sender = SenderForm(data=_sender(typed))
    draft = DraftForm(data={"personal_note": typed["personal_note"]}, editable=False)
    if not (sender.is_valid() and draft.is_valid()):
        return False  # refused at the form, with a message on the field
    data = sender.cleaned_data
    statement = render_text(
        TEMPLATE,
        supporter_values(
            first_name=data["first_name"],
            last_name=data["last_name"],
            city=data["city"],
            state=data["state"],
        ),
    )
    assert len(statement) <= MESSAGE_MAX_LENGTH
    for office in OFFICES:
        document = message_xml(
            OutgoingLetter(
                delivery_id="0f3c5e1a9b7d4c2e8f6a1b3c5d7e9f01",
                campaign_code="gender-asylum-2026",
                office=office,
                constituent=Constituent(
                    prefix=data["prefix"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    address1=data["address1"],
                    address2=data["address2"],
                    city=data["city"],
                    state=data["state"],
                    zip_code=data["zip_code"],
                    email=data["email"],
                    phone=data["phone"],
                ),
                subject="Name gender as a protected ground of asylum",
                organization_statement=statement,
                constituent_message=draft.cleaned_data["personal_note"],
                topics=("Immigration",),
                delivery_date=dt.date(2026, 11, 28),
            ),
            AGENT,
        )
        root = etree.fromstring(document)
        if schema is not None:
            assert schema.validate(root), (schema.error_log, typed)
    return True
