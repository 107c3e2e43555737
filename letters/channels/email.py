"""Email to an office address, for offices that have one configured (for example
targets outside Congress), through Django's email backend."""

from __future__ import annotations

import smtplib

from django.core.mail import EmailMessage

from letters.channels.base import (
    DeliveryResult,
    Handover,
    Office,
    OutgoingLetter,
    PermanentDeliveryError,
    TransientDeliveryError,
)


class EmailChannel:
    name = "email"

    def __init__(self, *, from_email: str):
        self.from_email = from_email

    def is_available(self, office: Office) -> bool:
        return bool(office.email)

    def send(self, letter: OutgoingLetter, *, handover: Handover | None = None) -> DeliveryResult:
        # No handover: a mail server takes a message over a whole SMTP dialogue, so a mark
        # set before it would turn a sender that stops mid-dialogue into a lost letter.
        # Such a letter is emailed again instead, with the same X-Delivery-Id.
        person = letter.constituent
        body = "\n\n".join(
            [
                letter.full_text,
                f"{person.prefix} {person.first_name} {person.last_name}".strip(),
                "\n".join(
                    line
                    for line in (
                        person.address1,
                        person.address2,
                        f"{person.city}, {person.state} {person.zip_code}",
                        person.email,
                        person.phone,
                    )
                    if line
                ),
            ]
        )
        message = EmailMessage(
            subject=letter.subject,
            body=body,
            from_email=self.from_email,
            to=[letter.office.email],
            reply_to=[person.email],
            headers={"X-Delivery-Id": letter.delivery_id},
        )
        try:
            message.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentDeliveryError("the mail server refused the office address") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TransientDeliveryError(f"mail server error ({type(exc).__name__})") from exc
        return DeliveryResult(DeliveryResult.SENT, detail="emailed to the office")
