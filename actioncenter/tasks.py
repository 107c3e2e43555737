from celery import shared_task


@shared_task(name="actioncenter.ping")
def ping() -> str:
    """Round-trip check used by the health tests and operators (`celery call`)."""
    return "pong"
