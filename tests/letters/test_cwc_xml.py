"""Our CWC 2.0 documents: the same fields and conventions as real CWC messages.

tests/fixtures/cwc holds a House and a Senate message written in the CWC 2.0
shape. With the reference data (ACTIONCENTER_TEST_DATA, as in CI) one more test
checks every document we build, and those fixtures, against the published
RELAX NG schema.
"""

import datetime as dt

import pytest
from lxml import etree

from legislators.offices import house_office_code, senate_office_code
from letters.channels.base import Bill, Constituent, Office, OutgoingLetter
from letters.channels.cwc import DeliveryAgent, message_xml
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


def letter(office: Office, **changes) -> OutgoingLetter:
    values = {
        "delivery_id": "0f3c5e1a9b7d4c2e8f6a1b3c5d7e9f01",
        "campaign_code": "gender-asylum-2026",
        "office": office,
        "constituent": Constituent(
            prefix="Mx.",
            first_name="Alex",
            last_name="Rivera",
            address1="1100 Main Street",
            address2="Apt 4",
            city="Arlington",
            state="VA",
            zip_code="22201",
            email="alex@example.org",
            phone="703 555 0142",
        ),
        "subject": "Name gender as a protected ground of asylum",
        "organization_statement": "Dear Representative Doe, please act.",
        "constituent_message": "I fled persecution myself & I know what it means.",
        "topics": ("Immigration", "Civil Rights and Liberties, Minority Issues"),
        "bills": (Bill(congress=119, type_abbreviation="hr", number=1234),),
        "delivery_date": dt.date(2026, 11, 28),
    }
    values.update(changes)
    return OutgoingLetter(**values)


HOUSE = Office(code=house_office_code("VA", 8), name="Representative Jane Doe", chamber="house")
SENATE = Office(code=senate_office_code("WY", 2), name="Senator Cynthia Lummis", chamber="senate")
HOSTILE = "</ConstituentMessage><Injected>x</Injected> <![CDATA[ & ]]>"


def parse(document: bytes):
    return etree.fromstring(document)


def element_paths(root) -> list[str]:
    tree = root.getroottree()
    return [tree.getpath(node).replace("[1]", "") for node in root.iter()]


def strip_indexes(paths: list[str]) -> set[str]:
    import re

    return {re.sub(r"\[\d+\]", "", path) for path in paths}


@pytest.fixture(scope="module")
def house_message(fixtures_dir):
    return etree.parse(str(fixtures_dir / "cwc" / "house_message.xml"))


@pytest.fixture(scope="module")
def senate_message(fixtures_dir):
    return etree.parse(str(fixtures_dir / "cwc" / "senate_message.xml"))


@pytest.mark.needs_shared_data
def test_published_schema_accepts_its_house_sample_our_fixtures_and_every_document_we_build(
    published_cwc_schema, samples_dir, house_message, senate_message
):
    house_schema = etree.RelaxNG(etree.parse(str(published_cwc_schema)))
    # The public schema's MemberOffice pattern only admits House codes (H..nn);
    # the Senate takes the same document with S + state + 0 + class, so Senate
    # documents are checked against the schema with only that pattern widened.
    any_chamber_schema = relaxed_schema(published_cwc_schema)

    # The published House sample is valid, so the check means something.
    sample = etree.parse(str(samples_dir / "cwc" / "house_sample_message_electorateme.xml"))
    assert house_schema.validate(sample)

    # The fixtures the other tests compare against are real CWC 2.0 documents,
    # and the House one has exactly the elements of the published sample.
    assert house_schema.validate(house_message), house_schema.error_log
    assert strip_indexes(element_paths(house_message.getroot())) == strip_indexes(
        element_paths(sample.getroot())
    )
    assert any_chamber_schema.validate(senate_message), any_chamber_schema.error_log

    house = parse(message_xml(letter(HOUSE), AGENT))
    assert house_schema.validate(house), house_schema.error_log

    senate = parse(message_xml(letter(SENATE), AGENT))
    assert any_chamber_schema.validate(senate), any_chamber_schema.error_log
    assert not house_schema.validate(senate)  # only because of SWY02

    without_words = parse(message_xml(letter(HOUSE, constituent_message=""), AGENT))
    assert house_schema.validate(without_words), house_schema.error_log

    hostile = parse(message_xml(letter(HOUSE, constituent_message=HOSTILE), AGENT))
    assert house_schema.validate(hostile), house_schema.error_log


def test_house_letter_has_the_same_elements_as_a_house_message(house_message):
    sample = house_message.getroot()  # every element a House message can carry
    ours = parse(message_xml(letter(HOUSE), AGENT))
    sample_paths = strip_indexes(element_paths(sample))
    our_paths = strip_indexes(element_paths(ours))
    # Elements the sample has that we deliberately leave out: we never ask for a
    # middle name, suffix, job title or constituent organization, we do not claim
    # to have validated the address or email; ProOrCon and MoreInfo come only with a
    # bill the campaign names (tests/letters/test_delivery_send.py), not this letter.
    not_collected = {
        "/CWC/Constituent/MiddleName",
        "/CWC/Constituent/Suffix",
        "/CWC/Constituent/Title",
        "/CWC/Constituent/ConstituentOrganization",
        "/CWC/Constituent/AddressValidation",
        "/CWC/Constituent/EmailValidation",
        "/CWC/Delivery/OrganizationContact",
        "/CWC/Delivery/OrganizationContact/OrganizationContactName",
        "/CWC/Delivery/OrganizationContact/OrganizationContactEmail",
        "/CWC/Delivery/OrganizationContact/OrganizationContactPhone",
        "/CWC/Message/ProOrCon",
        "/CWC/Message/MoreInfo",
    }
    assert sample_paths - not_collected == our_paths
    # Sections come in the order the schema fixes.
    assert [child.tag for child in ours] == [child.tag for child in sample]


def test_field_values_match_the_conventions_of_house_and_senate_messages(
    house_message, senate_message
):
    ours = parse(message_xml(letter(HOUSE), AGENT))
    for sample in (house_message, senate_message):
        assert ours.findtext("CWCVersion") == sample.findtext("CWCVersion") == "2.0"
        assert len(ours.findtext("Delivery/DeliveryId")) == len(
            sample.findtext("Delivery/DeliveryId")
        )
        assert len(ours.findtext("Delivery/DeliveryDate")) == 8
        assert ours.findtext("Recipient/IsResponseRequested") == sample.findtext(
            "Recipient/IsResponseRequested"
        )
    assert ours.findtext("Delivery/DeliveryDate") == "20261128"
    assert ours.findtext("Delivery/DeliveryAgentContact/DeliveryAgentContactPhone") == (
        "202-555-0100"
    )
    assert ours.findtext("Constituent/Phone") == "703-555-0142"
    assert ours.findtext("Constituent/Prefix") == "Mx."
    assert ours.findtext("Delivery/CampaignId") == "gender-asylum-2026"
    assert ours.findtext("Recipient/MemberOffice") == "HVA08"
    assert ours.findtext("Message/Bills/Bill/BillTypeAbbreviation") == "hr"
    assert [topic.text for topic in ours.iterfind("Message/LibraryOfCongressTopics/*")] == [
        "Immigration",
        "Civil Rights and Liberties, Minority Issues",
    ]


def test_organizer_text_and_supporter_words_travel_in_separate_fields():
    ours = parse(message_xml(letter(HOUSE), AGENT))
    assert ours.findtext("Message/OrganizationStatement") == "Dear Representative Doe, please act."
    assert ours.findtext("Message/ConstituentMessage") == (
        "I fled persecution myself & I know what it means."
    )


def test_letter_without_personal_words_has_no_constituent_message():
    ours = parse(message_xml(letter(HOUSE, constituent_message=""), AGENT))
    assert ours.find("Message/ConstituentMessage") is None
    # (and it is still valid: see the published-schema test above)


def test_hostile_input_is_escaped_as_text_not_markup():
    ours = parse(message_xml(letter(HOUSE, constituent_message=HOSTILE), AGENT))
    assert ours.findtext("Message/ConstituentMessage") == HOSTILE
    assert ours.find(".//Injected") is None
    # (and it is still valid: see the published-schema test above)


def test_office_codes_follow_cwc_conventions():
    assert house_office_code("va", 4) == "HVA04"
    assert house_office_code("WY", 0) == "HWY00"  # at-large
    assert house_office_code("DC", 0) == "HDC00"  # delegate
    assert senate_office_code("WY", 2) == "SWY02"
    with pytest.raises(ValueError, match="class"):
        senate_office_code("WY", 4)


def test_senate_codes_agree_with_the_senate_office_list(fixtures_dir):
    import json

    # In the shape of the Senate's active_offices.json: {"name": ..., "office_code": ...}.
    offices = json.loads((fixtures_dir / "cwc" / "senate_active_offices.json").read_text())
    for office in offices:
        code = office["office_code"]
        assert senate_office_code(code[1:3], int(code[4])) == code
