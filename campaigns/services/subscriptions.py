"""The updates list: double opt-in by emailed signed link, one-click unsubscribe."""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign, ConsentRecord, Supporter, UpdatesSubscription
from campaigns.services.supporters import consent_record

CONFIRM_SALT = "campaigns.subscription.confirm"
UNSUBSCRIBE_SALT = "campaigns.subscription.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


def confirm_token(subscription: UpdatesSubscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(subscription: UpdatesSubscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def _subscription_from(token: str, *, salt: str, max_age=None) -> UpdatesSubscription:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
        subscription_id = int(payload["s"])
    except signing.SignatureExpired as error:
        raise ApplicationError(
            _("This link has expired. Sign up again to get a new one."), code="link_expired"
        ) from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ApplicationError(_("This link is not valid."), code="link_invalid") from error
    subscription = UpdatesSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        raise ApplicationError(_("This link is not valid."), code="link_invalid")
    return subscription


@transaction.atomic
def subscription_request(*, supporter: Supporter, campaign: Campaign) -> UpdatesSubscription:
    """Ask for updates: a pending subscription and, after commit, a confirmation email.

    Already confirmed → unchanged, no email. Unsubscribed earlier → pending again.
    """
    from campaigns.tasks import subscription_confirmation_send

    subscription, _created = UpdatesSubscription.objects.get_or_create(
        supporter=supporter, campaign=campaign
    )
    if subscription.status == UpdatesSubscription.Status.CONFIRMED:
        return subscription
    if subscription.status == UpdatesSubscription.Status.UNSUBSCRIBED:
        subscription.status = UpdatesSubscription.Status.PENDING
        subscription.save(update_fields=["status"])
    transaction.on_commit(lambda: subscription_confirmation_send.delay(subscription.pk))
    return subscription


def subscription_for_confirmation(*, token: str) -> UpdatesSubscription:
    """The subscription a confirmation link is for, changing nothing (raises if the link is
    invalid or expired): the page behind the link asks the person to press a button, so a
    mail scanner that opens every link cannot confirm for them."""
    return _subscription_from(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE.total_seconds())


@transaction.atomic
def subscription_confirm(*, token: str) -> UpdatesSubscription:
    """Confirm from the emailed link (valid for CONFIRM_MAX_AGE); repeating is harmless."""
    subscription = _subscription_from(
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
    subscription = _subscription_from(token, salt=UNSUBSCRIBE_SALT)
    if subscription.status == UpdatesSubscription.Status.UNSUBSCRIBED:
        return subscription
    subscription.status = UpdatesSubscription.Status.UNSUBSCRIBED
    subscription.unsubscribed_at = timezone.now()
    subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription
