import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actioncenter.caching import ProcessCache
from metrics.models import Rollup
from metrics.periods import Period
from staff.selectors import campaign_report
from staff.tasks import reports_warm
from tests.staff.factories import petition_campaign
from tests.support.metrics import record_event

pytestmark = pytest.mark.django_db


def test_warming_leaves_the_folded_days_ready_for_the_first_view_of_the_day():
    campaign = petition_campaign()
    last_week = timezone.localdate() - dt.timedelta(days=7)
    record_event(
        campaign_id=campaign.pk, metric="signatures", state="NY", district=12, day=last_week
    )
    campaign_report(campaign.pk, Period(), today=timezone.localdate())  # kept in-process
    cache.clear()  # the shared cache restarted
    assert reports_warm() == 1
    ProcessCache.clear_all()  # the web process asking next has not read them
    assert Rollup.objects.filter(campaign_id=campaign.pk).exists()  # folded on the way
    record_event(campaign_id=campaign.pk, metric="signatures", state="OR", district=3)
    with CaptureQueriesContext(connection) as queries:
        report = campaign_report(campaign.pk, Period(), today=timezone.localdate())
    assert not any('"metrics_rollup"' in query["sql"] for query in queries.captured_queries)
    states = {row["key"]: row["signatures"] for row in report.by_state}
    assert states == {"NY": 1, "OR": 1}
