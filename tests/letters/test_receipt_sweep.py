"""A receipt email whose message was lost (a broker crash) still reaches the writer, once."""

import datetime as dt

import pytest
from django.utils import timezone

from letters.models import Letter
from letters.services.receipts import receipts_sweep
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_receipt(django_capture_on_commit_callbacks, settings):
    """A letter whose queued tasks never ran: its receipt message is gone."""
    settings.DELIVERY_SWEEP_SECONDS = 300
    members_of()
    action = LetterActionFactory()
    with django_capture_on_commit_callbacks(execute=False):
        letter, _created = submit(action, email="writer@example.org")
    return letter


def _age(letter, seconds: float) -> None:
    Letter.objects.filter(pk=letter.pk).update(
        created_at=timezone.now() - dt.timedelta(seconds=seconds)
    )


def test_a_lost_receipt_is_sent_after_a_sweep_period_and_only_once(
    lost_receipt, mailoutbox, django_capture_on_commit_callbacks
):
    _age(lost_receipt, 60)
    assert receipts_sweep() == 0  # its message may still be on its way
    _age(lost_receipt, 301)
    with django_capture_on_commit_callbacks(execute=True):
        assert receipts_sweep() == 1
    assert [mail.to for mail in mailoutbox] == [["writer@example.org"]]
    lost_receipt.refresh_from_db()
    assert lost_receipt.receipt_sent_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert receipts_sweep() == 0
    assert len(mailoutbox) == 1


def test_a_receipt_that_went_out_is_not_sent_again(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.DELIVERY_SWEEP_SECONDS = 300
    members_of()
    action = LetterActionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        letter, _created = submit(action, email="writer@example.org")
    receipts = [mail for mail in mailoutbox if mail.to == ["writer@example.org"]]
    assert len(receipts) == 1  # sent after the commit, in-process
    _age(letter, 301)
    assert receipts_sweep() == 0


def test_a_receipt_days_late_is_given_up(lost_receipt):
    _age(lost_receipt, 3 * 86400)
    assert receipts_sweep() == 0


def test_a_letter_a_partners_system_recorded_gets_no_receipt_from_here(settings):
    from campaigns.services.supporters import supporter_upsert

    settings.DELIVERY_SWEEP_SECONDS = 300
    action = LetterActionFactory()
    supporter = supporter_upsert(email="partner@example.org")
    letter = Letter.objects.create(
        action=action, campaign=action.campaign, supporter=supporter, prefix="",
        first_name="Kim", last_name="", address1="", city="", state="VT", zip_code="",
        email=supporter.email,
    )  # fmt: skip
    _age(letter, 301)
    assert receipts_sweep() == 0


def test_a_late_receipt_task_sends_nothing_after_the_sweepers_copy_went_out(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.DELIVERY_SWEEP_SECONDS = 300
    members_of()
    with django_capture_on_commit_callbacks(execute=False) as late:
        letter, _created = submit(LetterActionFactory(), email="writer@example.org")
    _age(letter, 301)  # its tasks wait behind a long queue: the sweeper queues a copy
    with django_capture_on_commit_callbacks(execute=True):
        assert receipts_sweep() == 1
    for task in late:  # the original tasks (the deliveries and the receipt) run at last
        task()
    assert [mail.to for mail in mailoutbox] == [["writer@example.org"]]
