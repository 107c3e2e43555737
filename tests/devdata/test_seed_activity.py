import pytest
from django.core.management import call_command

from devdata.activity import activity_plan
from tests.staff.factories import sign_in

pytestmark = pytest.mark.django_db


def test_seeded_activity_matches_the_totals_exactly():
    from calls.models import CallLog
    from campaigns.models import Campaign, Participation
    from letters.models import Delivery, Letter
    from metrics.totals import campaign_totals
    from petitions.models import Signature

    call_command("seed_activity", campaign="demo", actions=600, days=20, verbosity=0)
    campaign = Campaign.objects.get(slug="demo")
    totals = campaign_totals(campaign.pk)
    assert totals["signatures"] == Signature.objects.filter(campaign=campaign).count() > 0
    assert totals["letters"] == Letter.objects.filter(campaign=campaign).count() > 0
    assert totals["calls"] == CallLog.objects.filter(action__campaign=campaign).count() > 0
    people = Participation.objects.filter(campaign=campaign).count()
    assert totals["supporters"] == totals["supporters_new"] == people > 0
    for status in ("sent", "queued", "failed", "needs_manual"):
        assert (
            totals.get(f"deliveries_{status}", 0)
            == Delivery.objects.filter(campaign=campaign, status=status).count()
        )


def test_seeding_twice_adds_more_activity_to_the_same_campaign():
    from metrics.totals import campaign_totals

    call_command("seed_activity", campaign="demo", actions=50, kinds="petition", verbosity=0)
    call_command(
        "seed_activity", campaign="demo", actions=50, kinds="petition", seed=2, verbosity=0
    )
    from campaigns.models import Campaign

    assert campaign_totals(Campaign.objects.get(slug="demo").pk)["signatures"] == 100


def test_activity_plan_is_reproducible_and_spread_over_the_days():
    from datetime import date

    places = [("10001", "NY", 12), ("94103", "CA", 11)]
    kinds = [("petition", 0.6), ("letter", 0.4)]
    plan = {"start": date(2026, 1, 1), "days": 30, "places": places, "kinds": kinds}
    first = list(activity_plan(actions=500, **plan))
    second = list(activity_plan(actions=500, **plan))
    assert first == second
    assert len(first) == 500
    days = {action.day for action in first}
    assert len(days) == 30
    # The launch day is the busiest.
    per_day = {day: sum(1 for action in first if action.day == day) for day in days}
    assert max(per_day, key=per_day.get) == date(2026, 1, 1)


def test_dashboard_breakdowns_include_backfilled_past_days(client):
    from django.urls import reverse

    from campaigns.models import Campaign
    from metrics.periods import Period
    from metrics.totals import campaign_totals
    from staff.roles import REPORTER
    from staff.selectors import campaign_report
    from tests.staff.factories import UserFactory

    sign_in(client, UserFactory(role=REPORTER))
    call_command("seed_activity", campaign="demo", actions=200, kinds="petition", verbosity=0)
    campaign = Campaign.objects.get(slug="demo")
    assert client.get(reverse("staff:campaign", args=["demo"])).status_code == 200
    call_command(
        "seed_activity", campaign="demo", actions=100, kinds="petition", seed=2, verbosity=0
    )
    from django.utils import timezone

    report = campaign_report(campaign.pk, Period(), today=timezone.localdate())
    by_day = sum(report.series.per_metric["signatures"])
    assert by_day == campaign_totals(campaign.pk)["signatures"] == 300
