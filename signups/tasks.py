"""Celery tasks of the sign-up kind: each calls one service of signups.emails."""

from celery import shared_task

from signups.emails import organization_signon_email_send, subscription_confirmation_send


@shared_task(
    name="signups.tasks.organization_signon_email",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def organization_signon_email_task(signon_id: int, kind: str, language: str | None = None) -> bool:
    return organization_signon_email_send(signon_id=signon_id, kind=kind, language=language)


@shared_task(name="signups.tasks.subscription_confirmation", soft_time_limit=30, time_limit=60)
def subscription_confirmation_send_task(subscription_id: int, language: str | None = None) -> None:
    subscription_confirmation_send(subscription_id=subscription_id, language=language)
