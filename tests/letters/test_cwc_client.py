"""Talking to CWC over HTTP: what counts as delivered, retryable or refused."""

import pytest

from letters.channels import channel_for
from letters.channels.base import PermanentDeliveryError, TransientDeliveryError
from letters.channels.cwc import (
    CwcClient,
    CwcPermanentError,
    CwcSetupRefused,
    Endpoint,
    message_xml,
)
from tests.letters.test_cwc_xml import AGENT, HOUSE, SENATE, letter


def client(server, *, timeout=(1.0, 1.0), api_key=None) -> CwcClient:
    return CwcClient(Endpoint(server.url, api_key or server.api_key, timeout=timeout))


def test_accepted_message_is_counted_once_by_its_delivery_id(cwc_server):
    document = message_xml(letter(HOUSE), AGENT)
    client(cwc_server).send(document)
    client(cwc_server).send(document)
    assert cwc_server.accepted == {"0f3c5e1a9b7d4c2e8f6a1b3c5d7e9f01": "HVA08"}
    assert cwc_server.duplicates["0f3c5e1a9b7d4c2e8f6a1b3c5d7e9f01"] == 1


def test_senate_message_is_accepted(cwc_server):
    client(cwc_server).send(message_xml(letter(SENATE), AGENT))
    assert list(cwc_server.accepted.values()) == ["SWY02"]


def test_refusal_with_error_elements_is_permanent_and_quotes_the_errors(cwc_server):
    cwc_server.mode = "error"
    with pytest.raises(CwcPermanentError) as caught:
        client(cwc_server).send(message_xml(letter(HOUSE), AGENT))
    assert caught.value.status == 400
    assert caught.value.errors == ["The MemberOffice is not accepting messages."]
    assert "not accepting messages" in str(caught.value)
    assert isinstance(caught.value, PermanentDeliveryError)
    assert cwc_server.accepted == {}


@pytest.mark.needs_shared_data
def test_invalid_document_is_refused_with_the_schema_errors(published_cwc_schema, cwc_server):
    # Only a local CWC that validates against the published schema refuses it;
    # without the reference data it accepts any well-formed document.
    assert cwc_server.schema is not None
    document = message_xml(letter(HOUSE), AGENT).replace(b"<Zip>22201</Zip>", b"<Zip>2220</Zip>")
    with pytest.raises(CwcPermanentError) as caught:
        client(cwc_server).send(document)
    assert caught.value.errors


def test_server_error_is_transient(cwc_server):
    cwc_server.mode = "server_error"
    with pytest.raises(TransientDeliveryError, match="500"):
        client(cwc_server).send(message_xml(letter(HOUSE), AGENT))


def test_timeout_is_transient(cwc_server):
    cwc_server.mode = "stall"
    cwc_server.stall_seconds = 2.0
    with pytest.raises(TransientDeliveryError, match="timed out"):
        client(cwc_server, timeout=(1.0, 0.3)).send(message_xml(letter(HOUSE), AGENT))


def test_unreachable_server_is_transient():
    dead = CwcClient(Endpoint("http://127.0.0.1:9", "key", timeout=(0.5, 0.5)))
    with pytest.raises(TransientDeliveryError, match="unreachable"):
        dead.send(b"<CWC/>")


def test_a_refused_key_or_a_redirect_is_the_sites_setup_not_the_letter(cwc_server):
    wrong = client(cwc_server, api_key="wrong")
    with pytest.raises(CwcSetupRefused) as caught:
        wrong.send(message_xml(letter(HOUSE), AGENT))
    assert "401" in str(caught.value) and "key" in str(caught.value)
    assert caught.value.setup == wrong.endpoint.setup != client(cwc_server).endpoint.setup
    assert "wrong" not in caught.value.setup  # a fingerprint, never the key
    cwc_server.mode = "moved"
    with pytest.raises(CwcSetupRefused) as caught:
        client(cwc_server).send(message_xml(letter(HOUSE), AGENT))
    assert "base URL" in str(caught.value)
    assert cwc_server.accepted == {}


def test_validate_endpoint_checks_without_delivering(cwc_server):
    client(cwc_server).validate(message_xml(letter(HOUSE), AGENT))
    assert cwc_server.validated == 1
    assert cwc_server.accepted == {}


def test_cwc_is_off_until_configured_and_offices_fall_back_to_manual(settings):
    settings.CWC_HOUSE_BASE_URL = ""
    settings.CWC_HOUSE_API_KEY = ""
    assert channel_for(HOUSE).name == "manual"


def test_configured_chamber_uses_cwc_the_other_falls_back(cwc_settings):
    cwc_settings.CWC_SENATE_API_KEY = ""
    assert channel_for(HOUSE).name == "cwc"
    assert channel_for(SENATE).name == "manual"


def test_office_with_an_email_address_gets_email_when_cwc_cannot_reach_it(settings):
    settings.CWC_HOUSE_API_KEY = ""
    from letters.channels.base import Office

    office = Office(code="GOV-VA", name="Governor", email="governor@example.org")
    assert channel_for(office).name == "email"
