"""Periodic work for the staff reports."""

from celery import shared_task
from django.utils import timezone

from actioncenter.caching import ProcessCache
from campaigns.models import Campaign
from metrics.fold import fold_all
from metrics.periods import Period
from staff.selectors import campaign_report


@shared_task(name="staff.tasks.reports_warm", acks_late=True)
def reports_warm() -> int:
    """Compute each open campaign's whole-campaign report so the first staff view of the
    day finds the folded days in the cache (after the fold, or after a cache restart).
    Safe to repeat; returns how many campaigns were warmed."""
    fold_all()  # safe to repeat: the hourly fold may have run already
    ProcessCache.clear_all()  # so the folded sums are read and put in the shared cache again
    today = timezone.localdate()
    open_campaigns = Campaign.objects.exclude(status=Campaign.Status.ARCHIVED)
    count = 0
    for campaign_id in open_campaigns.values_list("pk", flat=True):
        campaign_report(campaign_id, Period(), today=today)
        count += 1
    return count
