from celery import shared_task
from django.core.cache import cache


@shared_task(name="actioncenter.ping")
def ping(token: str = "") -> str:
    """Round-trip check for operators and tests.

    With a token, the answer is also left in the shared cache, so a caller can
    see that a worker ran the task without a result backend.
    """
    if token:
        cache.set(f"worker-ping:{token}", "pong", timeout=120)
    return "pong"


@shared_task(name="actioncenter.sessions_clear")
def sessions_clear() -> None:
    """Delete ended sessions from the database: an abandoned letter keeps its address in
    the session, which must not outlive it (Django leaves them to a command)."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
