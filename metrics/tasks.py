from celery import shared_task

from metrics.fold import fold_all


@shared_task(name="metrics.tasks.fold_all", acks_late=True)
def fold_all_task() -> int:
    """Sum the days that ended into the rollups reports read (safe to repeat)."""
    return fold_all()
