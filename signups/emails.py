"""The emails of joining the movement: an organization's receipt and listing, and the
updates list's confirmation link. Each sends at most once per reason."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from actioncenter.languages import email_language
from actioncenter.siteurl import site_url
from movement.identity import site_identity
from signups.models import OrganizationSignOn, UpdatesSubscription
from signups.tokens import confirm_token, unsubscribe_token


def _signature() -> dict:
    """The movement's name and contact address that close each email, in its language."""
    identity = site_identity()
    return {"site_name": identity.name, "contact_email": identity.contact_email}


SIGNON_EMAILS = {
    "received": "received_email_at",
    "approved": "approved_email_at",
}


def organization_signon_email_send(
    *, signon_id: int, kind: str, language: str | None = None
) -> bool:
    """Tell an organization's contact that we received its sign-on ("received") or that it
    is now listed ("approved"). Each email goes out once; True when this run sent it. In
    `language` (the one the contact signed on in) when given, else the campaign's."""
    stamp = SIGNON_EMAILS[kind]
    with transaction.atomic():
        signon = (
            OrganizationSignOn.objects.select_for_update()
            .select_related("campaign")
            .filter(pk=signon_id)
            .first()
        )
        if signon is None or getattr(signon, stamp) is not None:
            return False
        if kind == "approved" and signon.status != OrganizationSignOn.Status.APPROVED:
            return False  # the decision was reversed before the email went out
        campaign = signon.campaign
        with translation.override(email_language(language, campaign.language)):
            context = {
                "signon": signon,
                "campaign": campaign,
                "campaign_url": site_url() + campaign.get_absolute_url(),
                **_signature(),
            }
            subject = render_to_string(f"signups/email/signon_{kind}_subject.txt", context)
            body = render_to_string(f"signups/email/signon_{kind}_body.txt", context)
            sender = site_identity().from_email
        EmailMessage(" ".join(subject.split()), body, sender, [signon.contact_email]).send()
        setattr(signon, stamp, timezone.now())
        signon.save(update_fields=[stamp])
    return True


def subscription_confirmation_send(*, subscription_id: int, language: str | None = None) -> None:
    """Email the double opt-in link (with an unsubscribe link, like every email), in
    `language` (the one the supporter asked in) when given, else the campaign's; its links
    open the pages in the same language."""
    subscription = (
        UpdatesSubscription.objects.select_related("supporter", "campaign")
        .filter(pk=subscription_id, status=UpdatesSubscription.Status.PENDING)
        .first()
    )
    if subscription is None:
        return
    campaign = subscription.campaign
    with translation.override(email_language(language, campaign.language)):
        context = {
            "campaign": campaign,
            "supporter": subscription.supporter,
            "confirm_url": site_url()
            + reverse("signups:subscription-confirm", args=[confirm_token(subscription)]),
            "unsubscribe_url": site_url()
            + reverse("signups:subscription-unsubscribe", args=[unsubscribe_token(subscription)]),
            **_signature(),
        }
        subject = render_to_string("signups/email/confirm_subject.txt", context).strip()
        body = render_to_string("signups/email/confirm_body.txt", context)
        sender = site_identity().from_email
    message = EmailMessage(
        subject,
        body,
        sender,
        [subscription.supporter.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
