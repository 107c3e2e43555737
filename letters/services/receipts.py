"""Receipt links (signed and unguessable) and the receipt email."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from actioncenter.languages import email_language
from actioncenter.queue import enqueue
from actioncenter.siteurl import site_url
from letters.models import Delivery, Letter
from letters.selectors import letter_get_for_receipt
from movement.identity import site_identity

SALT = "campaigns.outreach.receipt"
# A repeated submission emails the receipt link to the letter's own address, at most this
# often per letter: whoever repeats it (the supporter on another device, or someone who only
# knows the address) is never shown the receipt, and cannot flood the inbox either.
RESEND_EVERY_SECONDS = 3600
# A receipt not sent this long after its letter is given up: the writer has the letter's
# own page, and an email days late would only puzzle them.
RECEIPT_GIVE_UP_AFTER = dt.timedelta(days=2)


def receipt_token(letter: Letter) -> str:
    """The letter's random key, signed: guessing one is hopeless, forging one impossible."""
    return signing.Signer(salt=SALT).sign(letter.receipt_key)


def receipt_key_from_token(token: str) -> str | None:
    try:
        return signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None


def receipt_url(letter: Letter, *, absolute: bool = False) -> str:
    path = reverse("letters:receipt", args=[receipt_token(letter)])
    return f"{site_url()}{path}" if absolute else path


def letter_receipt_email_send(
    *, letter_id: int, language: str | None = None, unless_sent: bool = False
) -> bool:
    """Email the supporter the per-office list and the link back to the live receipt, in
    `language` (the one they wrote in) when the site has it, else the campaign's.

    `unless_sent` is for the letter's own receipt: nothing goes out once one has, since
    the sweeper queues a copy of a task that may only have been late. The link a repeat
    submission sends (`letter_receipt_resend`) goes out regardless.
    """
    letter = letter_get_for_receipt(letter_id=letter_id)
    if letter is None or (unless_sent and letter.receipt_sent_at is not None):
        return False
    with translation.override(email_language(language, letter.campaign.language)):
        identity = site_identity()
        context = {
            "letter": letter,
            "campaign": letter.campaign,
            "deliveries": list(letter.deliveries.all()),
            "receipt_url": receipt_url(letter, absolute=True),  # in the email's language
            "SITE_NAME": identity.name,
            "contact_email": identity.contact_email,
        }
        subject = render_to_string("letters/email/receipt_subject.txt", context).strip()
        body = render_to_string("letters/email/receipt.txt", context)
    send_mail(subject, body, identity.from_email, [letter.email])
    Letter.objects.filter(pk=letter.pk, receipt_sent_at__isnull=True).update(
        receipt_sent_at=timezone.now()
    )
    return True


def receipts_sweep(*, limit: int = 1000) -> int:
    """Queue again the receipt emails whose message was lost (a broker crash): letters
    sent from this site whose receipt has not gone out a sweep period after they were
    written. Each letter is queued again at most once an hour, so a mail server that is
    down is not flooded when it comes back. Returns how many were queued."""
    now = timezone.now()
    waited = dt.timedelta(seconds=settings.DELIVERY_SWEEP_SECONDS)
    sent_from_here = Exists(Delivery.objects.filter(letter=OuterRef("pk")))
    letters = (
        Letter.objects.filter(
            sent_from_here,
            receipt_sent_at__isnull=True,
            created_at__lte=now - waited,
            created_at__gte=now - RECEIPT_GIVE_UP_AFTER,
        )
        .order_by("created_at")
        .values_list("pk", "language")[:limit]
    )
    queued = 0
    for letter_id, language in letters:
        if cache.add(f"letters:receipt-swept:{letter_id}", 1, RESEND_EVERY_SECONDS):
            enqueue("letters.tasks.letter_receipt_email", letter_id, language or None, True)
            queued += 1
    return queued


def letter_receipt_resend(*, letter: Letter) -> bool:
    """After a repeat submission: email the receipt link to the address the letter was
    written from (after commit), unless it was resent within RESEND_EVERY_SECONDS.

    Returns True when an email was queued. The caller shows the repeater nothing of the
    letter: the link reaches only whoever reads that inbox.
    """
    if not cache.add(f"letters:receipt-resent:{letter.pk}", 1, RESEND_EVERY_SECONDS):
        return False
    enqueue("letters.tasks.letter_receipt_email", letter.pk, translation.get_language())
    return True
