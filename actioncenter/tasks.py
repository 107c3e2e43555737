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
