"""Sensitive campaigns: letter texts and street addresses go, per-office status stays."""

import datetime as dt

import pytest
from django.utils import timezone

from letters.models import Delivery
from letters.services.purge import letters_purge_sensitive
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_letter(django_capture_on_commit_callbacks):
    members_of()
    action = LetterActionFactory(campaign__sensitive=True)
    with django_capture_on_commit_callbacks(execute=True):
        letter, _ = submit(action, note="My own story.", address2="Apt 4")  # ends needs_manual
    return letter


def age(letter, days: int) -> None:
    Delivery.objects.filter(letter=letter).update(
        finished_at=timezone.now() - dt.timedelta(days=days)
    )


def test_letters_are_purged_after_the_retention_period(finished_letter, settings):
    settings.SENSITIVE_PURGE_DAYS = 30
    age(finished_letter, 31)
    assert letters_purge_sensitive() == 1
    finished_letter.refresh_from_db()
    assert finished_letter.address1 == ""
    assert finished_letter.address2 == ""
    assert finished_letter.personal_note == ""
    assert finished_letter.purged_at is not None
    assert set(finished_letter.deliveries.values_list("body", flat=True)) == {""}
    assert set(finished_letter.deliveries.values_list("status", flat=True)) == {"needs_manual"}


def test_letters_are_kept_during_the_retention_period(finished_letter):
    age(finished_letter, 29)
    assert letters_purge_sensitive(days=30) == 0
    finished_letter.refresh_from_db()
    assert finished_letter.address1 == "1100 Main Street"


def test_letters_still_being_delivered_are_kept(finished_letter):
    age(finished_letter, 40)
    Delivery.objects.filter(pk=finished_letter.deliveries.first().pk).update(
        status="queued", finished_at=None
    )
    assert letters_purge_sensitive(days=30) == 0


def test_ordinary_campaigns_are_not_purged(django_capture_on_commit_callbacks):
    members_of()
    action = LetterActionFactory(campaign__sensitive=False)
    with django_capture_on_commit_callbacks(execute=True):
        letter, _ = submit(action)
    age(letter, 400)
    assert letters_purge_sensitive(days=30) == 0


def test_a_campaign_nobody_has_answered_for_is_purged_as_a_sensitive_one(
    django_capture_on_commit_callbacks,
):
    members_of()
    action = LetterActionFactory(campaign__sensitive=None)
    with django_capture_on_commit_callbacks(execute=True):
        letter, _ = submit(action, note="My own story.")
    age(letter, 31)
    assert letters_purge_sensitive(days=30) == 1
    letter.refresh_from_db()
    assert letter.personal_note == "" and letter.purged_at is not None


def test_purged_receipt_still_shows_each_office_status(finished_letter, client):
    from letters.services.receipts import receipt_url

    age(finished_letter, 31)
    letters_purge_sensitive(days=30)
    page = client.get(receipt_url(finished_letter)).content.decode()
    assert "Hana Doe" in page
    assert "1100 Main Street" not in page
