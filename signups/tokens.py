"""Signed links of the updates list: confirm (valid for a week) and unsubscribe (forever)."""

from datetime import timedelta

from django.core import signing
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from signups.models import UpdatesSubscription

CONFIRM_SALT = "campaigns.subscription.confirm"
UNSUBSCRIBE_SALT = "campaigns.subscription.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


def confirm_token(subscription: UpdatesSubscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(subscription: UpdatesSubscription) -> str:
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def subscription_from_token(token: str, *, salt: str, max_age=None) -> UpdatesSubscription:
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
