"""A letter reaches CWC once per DeliveryId, wherever its sender stops.

The outbox marks a delivery "handed over", durably, when only the request's body is
left to write. A sender that stops before the mark leaves CWC nothing and is sent
again; one that stops after it is never sent again, and the sweeper records it sent.
"""

import psycopg
import pytest
from django.db import connection

from letters.models import Delivery
from letters.outbox import deliveries_sweep, delivery_send
from letters.outbox import send as outbox_send
from metrics.totals import campaign_totals
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit


class SenderStopped(BaseException):
    """What a SIGKILL leaves behind, in-process: the send ends with nothing recorded.

    A BaseException, so no `except Exception` of the outbox can record an outcome.
    """


@pytest.fixture
def delivery(cwc_settings, settings, monkeypatch):
    """One queued delivery to the House office, its message not yet sent."""
    settings.DELIVERY_STUCK_AFTER_SECONDS = 0  # every `sending` row is stale at once
    monkeypatch.setattr("letters.services.submit.enqueue", lambda *args: None)
    members_of()
    letter, _ = submit(LetterActionFactory())
    return letter.deliveries.get(office_code="HVA08")


def sweep(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return deliveries_sweep(stuck_after=0, lost_after=3600)


def committed_row(delivery_id) -> tuple:
    """The row as another database session sees it: only what was committed."""
    with psycopg.connect(**connection.get_connection_params()) as other:
        return other.execute(
            f"SELECT status, handed_over_at IS NOT NULL FROM {Delivery._meta.db_table} "  # noqa: S608
            "WHERE id = %s",
            [delivery_id],
        ).fetchone()


@pytest.mark.django_db(transaction=True)  # autocommit, as in a worker
def test_the_body_leaves_only_once_the_handover_is_committed(delivery, cwc_server, monkeypatch):
    seen = {}
    real_hand_over = outbox_send._hand_over

    def hand_over(claimed, **kwargs):
        # The connection is open and the headers are in: only the body is left to write.
        seen["headers_in"] = cwc_server.wait_for(begun=1)
        seen["before"] = (committed_row(claimed.pk), dict(cwc_server.accepted))
        real_hand_over(claimed, **kwargs)
        seen["after"] = (committed_row(claimed.pk), dict(cwc_server.accepted))

    monkeypatch.setattr(outbox_send, "_hand_over", hand_over)
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    assert seen["headers_in"]
    assert seen["before"] == (("sending", False), {})
    assert seen["after"] == (("sending", True), {})  # durable, and CWC still has nothing
    assert cwc_server.accepted == {delivery.pk.hex: "HVA08"}


@pytest.mark.django_db
def test_a_sender_that_stops_before_the_handover_is_sent_again(
    delivery, cwc_server, monkeypatch, django_capture_on_commit_callbacks
):
    def stop(claimed, **kwargs):
        raise SenderStopped

    with monkeypatch.context() as patch:
        patch.setattr(outbox_send, "_hand_over", stop)
        with pytest.raises(SenderStopped):
            delivery_send(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.handed_over_at) == ("sending", None)
    assert cwc_server.accepted == {}
    assert cwc_server.wait_for(incomplete=1)  # the headers alone, which CWC drops

    assert sweep(django_capture_on_commit_callbacks) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert cwc_server.accepted == {delivery.pk.hex: "HVA08"}
    assert cwc_server.posts == 1


@pytest.mark.django_db
def test_a_sender_that_stops_after_the_handover_is_never_sent_again(
    delivery, cwc_server, monkeypatch, django_capture_on_commit_callbacks
):
    def stop(self, response):
        raise SenderStopped  # CWC has the whole message; its answer is never read

    with monkeypatch.context() as patch:
        patch.setattr("letters.channels.cwc.CwcClient._answer", stop)
        with pytest.raises(SenderStopped):
            delivery_send(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "sending"
    assert delivery.handed_over_at is not None
    assert cwc_server.accepted == {delivery.pk.hex: "HVA08"}

    # The broker gives the message to another worker: it does not post it again.
    assert delivery_send(delivery_id=delivery.pk) is None
    assert sweep(django_capture_on_commit_callbacks) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.channel, delivery.attempts) == ("sent", "cwc", 1)
    assert "without the office system's answer" in delivery.last_error
    assert cwc_server.posts == 1
    assert sum(cwc_server.duplicates.values()) == 0
    totals = campaign_totals(delivery.campaign_id)
    assert (totals["deliveries_queued"], totals["deliveries_sent"]) == (2, 1)
    assert totals["offices_reached"] == 1
    assert sweep(django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
def test_a_sender_whose_delivery_was_taken_over_lets_nothing_leave(
    delivery, cwc_server, monkeypatch
):
    real_hand_over = outbox_send._hand_over
    taken_over = {}

    def late_hand_over(claimed, **kwargs):
        # Another worker takes the stale row over while this one was connecting.
        taken_over["claim"] = outbox_send._claim(claimed.pk)
        real_hand_over(claimed, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(outbox_send, "_hand_over", late_hand_over)
        assert delivery_send(delivery_id=delivery.pk) is None
    assert taken_over["claim"].attempts == 2
    assert cwc_server.wait_for(incomplete=1)
    assert cwc_server.accepted == {}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.handed_over_at) == ("sending", 2, None)


@pytest.mark.django_db
def test_a_failed_answer_after_the_handover_is_sent_again(delivery, cwc_server, settings):
    settings.DELIVERY_STUCK_AFTER_SECONDS = 900
    cwc_server.script.extend(["server_error"])
    assert delivery_send(delivery_id=delivery.pk).status == "queued"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.handed_over_at) == ("queued", None)
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    assert cwc_server.accepted == {delivery.pk.hex: "HVA08"}


@pytest.mark.django_db
def test_email_deliveries_have_no_handover(delivery, settings, mailoutbox):
    from letters.models import OfficeRoute

    # A mail server takes a message over a whole dialogue: a sender stopped mid-way
    # emails it again rather than risk it lost.
    OfficeRoute.objects.create(office_code="HVA08", channel_order="email", email="o@example.org")
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    delivery.refresh_from_db()
    assert (delivery.channel, delivery.handed_over_at) == ("email", None)
    assert [m.to for m in mailoutbox] == [["o@example.org"]]
    assert not Delivery.objects.filter(handed_over_at__isnull=False).exists()
