import logging

from celery import shared_task

from legislators.services.importer import legislators_import

logger = logging.getLogger(__name__)


@shared_task(soft_time_limit=300, time_limit=360)
def refresh_legislators() -> dict:
    """Weekly refresh from LEGISLATORS_DATA_SOURCE (the setting is read by the service)."""
    summary = legislators_import()
    logger.info("legislators refreshed: %s", summary.as_text())
    return {
        "added": summary.added,
        "updated": summary.updated,
        "retired": summary.retired,
        "zip_rows": summary.zip_rows,
    }
