import re
import time
from contextlib import contextmanager
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.urls import reverse

from campaigns.models import ConsentRecord, Supporter
from petitions.services import signature_create
from signups.models import UpdatesSubscription
from signups.tokens import confirm_token, unsubscribe_token
from tests.petitions.factories import signer

pytestmark = pytest.mark.django_db


@contextmanager
def signed_days_ago(days: int):
    """Tokens made inside are dated `days` ago."""
    stamp = signing.b62_encode(int(time.time()) - days * 86400)
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=stamp):
        yield


def _link(body: str, kind: str) -> str:
    return re.search(rf"https?://\S+/updates/{kind}/\S+/", body).group(0)


def test_opting_in_sends_one_confirmation_email_after_commit(
    campaign, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    assert mailoutbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["signer1@example.org"]
    assert "/updates/confirm/" in message.body
    assert "/updates/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")


def test_the_link_asks_for_a_press_of_the_button_before_confirming(client, campaign):
    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    url = reverse("signups:subscription-confirm", args=[confirm_token(subscription)])
    page = client.get(url)  # what a mail scanner opening every link would do
    assert page.status_code == 200
    assert "Yes, send me updates" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "pending"
    response = client.post(url)
    assert "You are subscribed" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "confirmed"
    assert ConsentRecord.objects.filter(purpose="updates").count() == 1
    assert "You are subscribed" in client.get(url).content.decode()  # link opened again


def test_expired_confirmation_link_is_refused(client, campaign):
    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    with signed_days_ago(8):
        token = confirm_token(subscription)
    response = client.get(reverse("signups:subscription-confirm", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "pending"


@pytest.mark.parametrize("view", ["subscription-confirm", "subscription-unsubscribe"])
def test_tampered_links_are_refused(client, campaign, view):
    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    token = confirm_token(subscription) if "confirm" in view else unsubscribe_token(subscription)
    forged = signing.dumps({"s": subscription.pk + 1}, salt="something-else")
    for bad in (token[:-2] + "xx", forged, "garbage"):
        response = client.get(reverse(f"signups:{view}", args=[bad]))
        assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == "pending"


def test_confirmation_token_cannot_be_used_to_unsubscribe(client, campaign):
    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    url = reverse("signups:subscription-unsubscribe", args=[confirm_token(subscription)])
    assert client.get(url).status_code == 400


def test_unsubscribe_link_works_in_one_click_without_login_and_never_expires(client, campaign):
    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    with signed_days_ago(400):
        token = unsubscribe_token(subscription)
    response = client.get(reverse("signups:subscription-unsubscribe", args=[token]))
    assert response.status_code == 200
    assert "unsubscribed" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


def test_mail_clients_can_unsubscribe_with_a_one_click_post(campaign):
    from django.test import Client

    signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    subscription = UpdatesSubscription.objects.get()
    url = reverse("signups:subscription-unsubscribe", args=[unsubscribe_token(subscription)])
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


def test_updates_page_subscribes_with_double_opt_in(
    client, campaign, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("signups:updates", args=[campaign.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "new@example.org", "first_name": "Nia"})
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert UpdatesSubscription.objects.get().status == "pending"
    assert len(mailoutbox) == 1
    confirm = urlsplit(_link(mailoutbox[0].body, "confirm")).path
    assert client.get(confirm).status_code == 200
    assert UpdatesSubscription.objects.get().status == "pending"  # opening is not confirming
    assert client.post(confirm).status_code == 200
    assert UpdatesSubscription.objects.get().status == "confirmed"


def test_subscribing_again_with_someone_elses_email_is_answered_alike_and_changes_nothing(
    client, campaign
):
    url = reverse("signups:updates", args=[campaign.slug])
    first = client.post(url, {"email": "nia@example.org", "first_name": "Nia"})
    repeat = client.post(url, {"email": "NIA@example.org", "first_name": "Mallory"})
    assert (repeat.status_code, repeat.content) == (first.status_code, first.content)
    assert Supporter.objects.get().first_name == "Nia"
    assert UpdatesSubscription.objects.count() == 1
