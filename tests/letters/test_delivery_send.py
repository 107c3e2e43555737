"""Sending deliveries through CWC: delivered once, retried when it may help, failed with why."""

import datetime as dt

import pytest
from django.utils import timezone

from letters.models import Delivery, OfficeRoute
from letters.outbox import (
    deliveries_retry,
    deliveries_sweep,
    delivery_mark_sent_by_supporter,
    delivery_send,
)
from metrics.totals import campaign_totals
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(cwc_settings, django_capture_on_commit_callbacks):
    members_of()
    action = LetterActionFactory(bill_congress=119, bill_type="hr", bill_number=1234)
    with django_capture_on_commit_callbacks(execute=False):
        letter, _ = submit(action, note="I know people this would save.")
    return letter


def statuses(letter) -> dict[str, str]:
    return dict(letter.deliveries.values_list("office_code", "status"))


def send_all(letter):
    return [delivery_send(delivery_id=d.pk) for d in letter.deliveries.all()]


def test_every_office_receives_the_letter_once_by_cwc(letter, cwc_server):
    send_all(letter)
    assert statuses(letter) == {"HVA08": "sent", "SVA01": "sent", "SVA02": "sent"}
    expected = {d.pk.hex: d.office_code for d in letter.deliveries.all()}
    assert cwc_server.accepted == expected
    delivery = letter.deliveries.get(office_code="HVA08")
    assert delivery.channel == "cwc"
    assert delivery.attempts == 1
    assert delivery.sent_at is not None


def test_a_sent_delivery_is_never_sent_again(letter, cwc_server):
    send_all(letter)
    assert send_all(letter) == [None, None, None]
    assert cwc_server.posts == 3
    assert sum(cwc_server.duplicates.values()) == 0


def test_a_letter_about_a_bill_says_which_way_and_where_to_read_more(letter, cwc_server, settings):
    from lxml import etree

    send_all(letter)
    documents = [etree.fromstring(body) for body in cwc_server.documents]
    assert {doc.findtext("Message/ProOrCon") for doc in documents} == {"pro"}
    assert {doc.findtext("Message/MoreInfo") for doc in documents} == {
        f"{settings.SITE_URL}{letter.campaign.get_absolute_url()}"
    }
    assert {doc.findtext("Recipient/IsResponseRequested") for doc in documents} == {"N"}


def test_a_supporter_who_asks_for_a_reply_is_flagged_to_each_office(
    cwc_settings, cwc_server, django_capture_on_commit_callbacks
):
    from lxml import etree

    members_of()
    action = LetterActionFactory(
        bill_congress=119, bill_type="hr", bill_number=1234, bill_position="con",
        more_info_url="https://example.org/why",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        submit(action, response_requested=True)
    documents = [etree.fromstring(body) for body in cwc_server.documents]
    assert len(documents) == 3
    assert {doc.findtext("Recipient/IsResponseRequested") for doc in documents} == {"Y"}
    assert {doc.findtext("Message/ProOrCon") for doc in documents} == {"con"}
    assert {doc.findtext("Message/MoreInfo") for doc in documents} == {"https://example.org/why"}


def test_the_document_carries_the_supporters_words_and_the_campaign(letter, cwc_server):
    from lxml import etree

    send_all(letter)
    documents = [etree.fromstring(body) for body in cwc_server.documents]
    assert {doc.findtext("Message/ConstituentMessage") for doc in documents} == {
        "I know people this would save."
    }
    assert {doc.findtext("Delivery/CampaignId") for doc in documents} == {
        letter.action.cwc_campaign_id
    }
    assert {doc.findtext("Constituent/Prefix") for doc in documents} == {"Mx."}


def test_refusal_fails_the_delivery_with_the_reason(letter, cwc_server):
    cwc_server.mode = "error"
    send_all(letter)
    delivery = letter.deliveries.get(office_code="HVA08")
    assert delivery.status == "failed"
    assert "not accepting messages" in delivery.last_error
    assert delivery.finished_at is not None


def test_server_error_is_retried_later_with_backoff(letter, cwc_server, settings):
    settings.DELIVERY_RETRY_BACKOFF_SECONDS = 30
    cwc_server.script.extend(["server_error"])
    delivery = letter.deliveries.get(office_code="HVA08")
    outcome = delivery_send(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "queued"
    assert delivery.attempts == 1
    assert "500" in delivery.last_error
    assert 30 <= outcome.retry_in <= 60
    assert delivery.next_attempt_at > timezone.now() + dt.timedelta(seconds=29)
    delivery_send(delivery_id=delivery.pk)  # the retry
    delivery.refresh_from_db()
    assert delivery.status == "sent"
    assert delivery.attempts == 2


def test_backoff_grows_exponentially():
    from letters.outbox import retry_delay

    assert 30 <= retry_delay(1) < 60
    assert 120 <= retry_delay(3) < 150
    assert retry_delay(20) < 1800 + 30


def test_timeouts_are_retried_then_given_up_after_the_limit(letter, cwc_server, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 2
    settings.CWC_TIMEOUT_SECONDS = 0.3
    cwc_server.mode = "stall"
    cwc_server.stall_seconds = 1.0
    delivery = letter.deliveries.get(office_code="SVA01")
    assert delivery_send(delivery_id=delivery.pk).status == "queued"
    assert delivery_send(delivery_id=delivery.pk).status == "failed"
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert "Gave up after 2 attempts" in delivery.last_error
    assert "timed out" in delivery.last_error


def test_a_delivery_being_sent_by_another_worker_is_left_alone(letter, cwc_server):
    delivery = letter.deliveries.first()
    Delivery.objects.filter(pk=delivery.pk).update(status="sending", sending_at=timezone.now())
    assert delivery_send(delivery_id=delivery.pk) is None
    assert cwc_server.posts == 0


def test_a_delivery_abandoned_by_a_dead_worker_is_taken_over(letter, cwc_server, settings):
    delivery = letter.deliveries.first()
    long_ago = timezone.now() - dt.timedelta(seconds=settings.DELIVERY_STUCK_AFTER_SECONDS + 1)
    Delivery.objects.filter(pk=delivery.pk).update(status="sending", sending_at=long_ago)
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    assert cwc_server.accepted == {delivery.pk.hex: delivery.office_code}


def test_totals_follow_each_delivery_between_statuses(letter, cwc_server):
    cwc_server.script.extend(["error"])
    send_all(letter)  # one refused, two sent
    totals = campaign_totals(letter.campaign_id)
    assert totals.get("deliveries_queued", 0) == 0
    assert totals["deliveries_sent"] == 2
    assert totals["deliveries_failed"] == 1
    assert totals["offices_reached"] == 2
    failed = letter.deliveries.filter(status="failed")
    assert deliveries_retry(delivery_ids=[d.pk for d in failed]) == 1
    totals = campaign_totals(letter.campaign_id)
    assert totals.get("deliveries_failed", 0) == 0
    assert totals["deliveries_queued"] == 1


def test_an_office_reached_twice_counts_once(
    cwc_settings, cwc_server, django_capture_on_commit_callbacks
):
    members_of()
    action = LetterActionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        submit(action)  # in-process tasks send after commit
    with django_capture_on_commit_callbacks(execute=True):
        second, _ = submit(action, email="second@example.org")
    assert statuses(second) == {"HVA08": "sent", "SVA01": "sent", "SVA02": "sent"}
    totals = campaign_totals(action.campaign_id)
    assert totals["deliveries_sent"] == 6
    assert totals["offices_reached"] == 3


def test_admin_retry_sends_a_failed_delivery_again(
    letter, cwc_server, django_capture_on_commit_callbacks
):
    cwc_server.mode = "error"
    send_all(letter)
    cwc_server.mode = "ok"
    failed = list(letter.deliveries.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_retry(delivery_ids=failed) == 3
    assert set(statuses(letter).values()) == {"sent"}


def test_office_without_cwc_needs_the_supporter_who_can_mark_it_sent(letter, settings):
    settings.CWC_SENATE_API_KEY = ""
    send_all(letter)
    delivery = letter.deliveries.get(office_code="SVA01")
    assert delivery.status == "needs_manual"
    delivery_mark_sent_by_supporter(delivery=delivery)
    delivery_mark_sent_by_supporter(delivery=delivery)  # repeating is harmless
    delivery.refresh_from_db()
    assert delivery.status == "self_reported"  # their word, not an office's confirmation
    assert delivery.marked_sent_by_supporter
    totals = campaign_totals(letter.campaign_id)
    assert totals["deliveries_needs_manual"] == 1  # the other senator's
    assert totals["deliveries_self_reported"] == 1
    assert totals["deliveries_sent"] == 1  # the House office's, confirmed by CWC
    assert totals["offices_reached"] == 1


def test_office_route_can_send_by_email_instead(letter, mailoutbox):
    OfficeRoute.objects.create(
        office_code="HVA08", channel_order="email", email="hva08@example.org"
    )
    delivery = letter.deliveries.get(office_code="HVA08")
    delivery_send(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "sent"
    assert delivery.channel == "email"
    office_mail = [m for m in mailoutbox if m.to == ["hva08@example.org"]]
    assert len(office_mail) == 1
    assert "Dear Representative Doe," in office_mail[0].body
    assert office_mail[0].reply_to == ["alex@example.org"]


def test_sweeper_re_enqueues_only_stuck_deliveries(
    letter, settings, django_capture_on_commit_callbacks
):
    settings.DELIVERY_STUCK_AFTER_SECONDS = 600
    settings.DELIVERY_SWEEP_SECONDS = 600
    long_ago = timezone.now() - dt.timedelta(seconds=601)
    hva, sva1, sva2 = letter.deliveries.order_by("office_code")
    Delivery.objects.filter(pk=hva.pk).update(next_attempt_at=long_ago)  # lost message
    Delivery.objects.filter(pk=sva1.pk).update(status="sending", sending_at=long_ago)  # dead worker
    # sva2 was queued just now: its message is still on its way
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert deliveries_sweep() == 2
    assert len(callbacks) == 2
    assert statuses(letter) == {"HVA08": "sent", "SVA01": "sent", "SVA02": "queued"}
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sweep() == 0


def test_a_delivery_left_sending_goes_out_on_the_sweepers_threshold_not_the_workers(
    letter, settings, django_capture_on_commit_callbacks
):
    settings.DELIVERY_STUCK_AFTER_SECONDS = 900  # what the worker would wait on its own
    hva = letter.deliveries.get(office_code="HVA08")
    a_minute_ago = timezone.now() - dt.timedelta(seconds=60)
    Delivery.objects.filter(pk=hva.pk).update(status="sending", sending_at=a_minute_ago)
    assert delivery_send(delivery_id=hva.pk) is None  # its sender may still be at it
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sweep(stuck_after=30) == 1  # the sweeper says it is not
    assert statuses(letter)["HVA08"] == "sent"


def test_a_lost_broker_message_is_sent_again_within_two_sweep_periods(
    letter, settings, django_capture_on_commit_callbacks
):
    settings.DELIVERY_SWEEP_SECONDS = 300
    settings.DELIVERY_STUCK_AFTER_SECONDS = 900
    hva = letter.deliveries.get(office_code="HVA08")
    # Queued a little over one period ago; its message went down with the broker.
    lost = timezone.now() - dt.timedelta(seconds=301)
    Delivery.objects.filter(pk=hva.pk).update(next_attempt_at=lost)
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sweep() == 1
    assert statuses(letter)["HVA08"] == "sent"
    assert statuses(letter)["SVA01"] == "queued"  # queued just now: left alone
