"""The updates list: double opt-in by emailed signed link, one-click unsubscribe."""

from django.db import transaction
from django.utils import timezone, translation

from actioncenter.queue import enqueue
from campaigns.models import Campaign, ConsentRecord, Supporter
from campaigns.services.supporters import consent_record
from signups.models import UpdatesSubscription
from signups.tokens import CONFIRM_MAX_AGE, CONFIRM_SALT, UNSUBSCRIBE_SALT, subscription_from_token


@transaction.atomic
def subscription_request(*, supporter: Supporter, campaign: Campaign) -> UpdatesSubscription:
    """Ask for updates: a pending subscription and, after commit, a confirmation email.

    Already confirmed → unchanged, no email. Unsubscribed earlier → pending again.
    """
    subscription, _created = UpdatesSubscription.objects.get_or_create(
        supporter=supporter, campaign=campaign
    )
    if subscription.status == UpdatesSubscription.Status.CONFIRMED:
        return subscription
    if subscription.status == UpdatesSubscription.Status.UNSUBSCRIBED:
        subscription.status = UpdatesSubscription.Status.PENDING
        subscription.save(update_fields=["status"])
    enqueue("signups.tasks.subscription_confirmation", subscription.pk, translation.get_language())
    return subscription


def subscription_for_confirmation(*, token: str) -> UpdatesSubscription:
    """The subscription a confirmation link is for, changing nothing (raises if the link is
    invalid or expired): the page behind the link asks the person to press a button, so a
    mail scanner that opens every link cannot confirm for them."""
    return subscription_from_token(
        token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE.total_seconds()
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> UpdatesSubscription:
    """Confirm from the emailed link (valid for CONFIRM_MAX_AGE); repeating is harmless."""
    subscription = subscription_from_token(
        token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE.total_seconds()
    )
    if subscription.status != UpdatesSubscription.Status.PENDING:
        return subscription
    subscription.status = UpdatesSubscription.Status.CONFIRMED
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["status", "confirmed_at"])
    consent_record(
        supporter=subscription.supporter,
        campaign=subscription.campaign,
        purpose=ConsentRecord.Purpose.UPDATES,
    )
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, token: str) -> UpdatesSubscription:
    """One-click unsubscribe from any email's link (never expires); repeating is harmless."""
    subscription = subscription_from_token(token, salt=UNSUBSCRIBE_SALT)
    if subscription.status == UpdatesSubscription.Status.UNSUBSCRIBED:
        return subscription
    subscription.status = UpdatesSubscription.Status.UNSUBSCRIBED
    subscription.unsubscribed_at = timezone.now()
    subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription
