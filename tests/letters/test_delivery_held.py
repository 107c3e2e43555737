"""A refused key or a wrong CWC address holds the letters, tells staff, and loses nothing:
once the setup is fixed they go out."""

import pytest
from django.urls import reverse

from letters.outbox import deliveries_sweep, delivery_send
from metrics.totals import campaign_totals
from staff.roles import REPORTER
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit
from tests.staff.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(cwc_settings, django_capture_on_commit_callbacks):
    members_of()
    with django_capture_on_commit_callbacks(execute=False):
        letter, _ = submit(LetterActionFactory(), note="I know people this would save.")
    return letter


def send_all(letter):
    return [delivery_send(delivery_id=d.pk) for d in letter.deliveries.all()]


def statuses(letter) -> set[str]:
    return set(letter.deliveries.values_list("status", flat=True))


@pytest.mark.parametrize("refusal", ["key", "address"])
def test_a_refused_setup_holds_every_letter_then_they_go_out_once_it_is_fixed(
    letter, cwc_server, cwc_settings, client, refusal, django_capture_on_commit_callbacks
):
    if refusal == "key":
        cwc_settings.CWC_HOUSE_API_KEY = cwc_settings.CWC_SENATE_API_KEY = "expired"
    else:
        cwc_server.mode = "moved"
    outcomes = send_all(letter)
    assert {outcome.status for outcome in outcomes} == {"held"}
    assert statuses(letter) == {"held"}
    assert cwc_server.accepted == {}
    totals = campaign_totals(letter.campaign_id)
    assert totals["deliveries_held"] == 3 and totals["deliveries_queued"] == 0
    assert "deliveries_failed" not in totals or totals["deliveries_failed"] == 0

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded" and health.json()["deliveries"] == "held"
    sign_in(client, UserFactory(role=REPORTER))
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "Letters are waiting: our delivery setup was refused" in dashboard
    assert "1 letter to the House is held." in dashboard
    assert "2 letters to the Senate are held." in dashboard

    # Nothing changes while the setup is the one refused: no retry storm.
    assert deliveries_sweep() == 0
    assert statuses(letter) == {"held"}

    # Fixed: a new key, or the address corrected (the server answers again).
    if refusal == "key":
        cwc_settings.CWC_HOUSE_API_KEY = cwc_settings.CWC_SENATE_API_KEY = cwc_server.api_key
    else:
        cwc_server.mode = "ok"
        cwc_settings.CWC_HOUSE_BASE_URL = cwc_settings.CWC_SENATE_BASE_URL = cwc_server.url + "/"
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sweep() == 3
    assert statuses(letter) == {"sent"}
    assert len(cwc_server.accepted) == 3
    totals = campaign_totals(letter.campaign_id)
    assert (totals["deliveries_sent"], totals["deliveries_held"]) == (3, 0)
    assert client.get("/healthz").json()["status"] == "ok"


def test_a_held_letters_receipt_says_it_is_waiting_not_failed(letter, cwc_settings, client):
    from letters.services.receipts import receipt_url

    cwc_settings.CWC_HOUSE_API_KEY = cwc_settings.CWC_SENATE_API_KEY = "expired"
    send_all(letter)
    page = client.get(receipt_url(letter)).content.decode()
    assert "Waiting: our delivery setup is being fixed" in page
    assert "Failed" not in page
