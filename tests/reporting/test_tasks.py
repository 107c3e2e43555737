import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import Rollup
from campaigns.rollups import rollups_forget_kept
from campaigns.totals import record_event
from reporting.selectors import DateRange, campaign_report
from reporting.tasks import reports_warm
from tests.reporting.factories import petition_campaign

pytestmark = pytest.mark.django_db


def test_warming_leaves_the_folded_days_ready_for_the_first_view_of_the_day():
    campaign = petition_campaign()
    last_week = timezone.localdate() - dt.timedelta(days=7)
    record_event(
        campaign_id=campaign.pk, metric="signatures", state="NY", district=12, day=last_week
    )
    campaign_report(campaign.pk, DateRange(), today=timezone.localdate())  # kept in-process
    cache.clear()  # the shared cache restarted
    assert reports_warm() == 1
    rollups_forget_kept()  # the web process asking next has not read them
    assert Rollup.objects.filter(campaign_id=campaign.pk).exists()  # folded on the way
    record_event(campaign_id=campaign.pk, metric="signatures", state="OR", district=3)
    with CaptureQueriesContext(connection) as queries:
        report = campaign_report(campaign.pk, DateRange(), today=timezone.localdate())
    assert not any('"campaigns_rollup"' in query["sql"] for query in queries.captured_queries)
    states = {row["key"]: row["signatures"] for row in report.by_state}
    assert states == {"NY": 1, "OR": 1}
