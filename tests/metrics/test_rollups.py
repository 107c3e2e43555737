"""Daily rollups: reports read folded days from them and must agree with the raw cells."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from metrics.breakdowns import breakdowns, cell_totals
from metrics.fold import DIMENSIONS, fold_all, fold_campaign, fold_reset, fold_target
from metrics.models import Rollup
from metrics.periods import Period
from tests.support.metrics import record_event

TODAY = dt.date(2026, 3, 10)
YESTERDAY = TODAY - dt.timedelta(days=1)


def _activity(campaign_id: int) -> None:
    """Events over four days, several states, districts and sources, with a decrement."""
    rows = [
        (TODAY - dt.timedelta(days=3), "NY", 12, "email", "signatures", 1),
        (TODAY - dt.timedelta(days=3), "NY", 12, "email", "signatures", 1),
        (TODAY - dt.timedelta(days=3), "CA", 2, "", "letters", 1),
        (TODAY - dt.timedelta(days=2), "NY", 10, "partner", "signatures", 1),
        (TODAY - dt.timedelta(days=2), "", None, "", "signups", 1),
        (YESTERDAY, "TX", 7, "email", "signatures", 1),
        (YESTERDAY, "TX", 7, "email", "deliveries_queued", 3),
        (YESTERDAY, "TX", 7, "email", "deliveries_queued", -3),  # nets to zero
        (YESTERDAY, "TX", 7, "email", "deliveries_sent", 3),
        (TODAY, "NY", 12, "facebook", "signatures", 1),
        (TODAY, "WY", 0, "email", "calls", 1),
    ]
    for day, state, district, source, metric, amount in rows:
        record_event(
            campaign_id=campaign_id,
            metric=metric,
            amount=amount,
            state=state,
            district=district,
            source=source,
            day=day,
        )


def _nonzero(by: dict) -> dict:
    return {
        dimension: {
            key: {metric: value for metric, value in totals.items() if value}
            for key, totals in values.items()
            if any(totals.values())
        }
        for dimension, values in by.items()
    }


PERIODS = [
    Period(),
    Period(TODAY - dt.timedelta(days=2), None),
    Period(None, YESTERDAY),
    Period(TODAY - dt.timedelta(days=2), TODAY - dt.timedelta(days=2)),
    Period(TODAY, TODAY),
    Period(TODAY + dt.timedelta(days=1), None),
]


@pytest.mark.django_db
@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_folded_totals_equal_the_cells_for_every_dimension_and_period(campaign, period):
    _activity(campaign.pk)
    fold_campaign(campaign.pk, through=YESTERDAY)
    from_rollups = breakdowns(campaign.pk, period, today=TODAY)
    from_cells = cell_totals(campaign.pk, period)
    assert _nonzero(from_rollups) == _nonzero(from_cells)
    assert set(from_rollups) == set(DIMENSIONS)


@pytest.mark.django_db
def test_whole_campaign_by_district_reads_states_with_their_districts(campaign):
    _activity(campaign.pk)
    fold_campaign(campaign.pk, through=YESTERDAY)
    districts = breakdowns(campaign.pk, Period(), today=TODAY)["district"]
    assert districts[("NY", 12)] == {"signatures": 3}
    assert districts[("CA", 2)] == {"letters": 1}
    assert districts[None] == {"signups": 1}  # not placed in one district


@pytest.mark.django_db
def test_folding_again_adds_nothing(campaign):
    _activity(campaign.pk)
    fold_campaign(campaign.pk, through=YESTERDAY)
    rows = sorted(Rollup.objects.values_list("dimension", "day", "metric", "value"))
    assert fold_campaign(campaign.pk, through=YESTERDAY) == YESTERDAY
    assert sorted(Rollup.objects.values_list("dimension", "day", "metric", "value")) == rows


@pytest.mark.django_db
def test_rollup_rows_follow_the_keys_not_the_number_of_actions(campaign):
    day = YESTERDAY
    for _ in range(200):
        record_event(campaign_id=campaign.pk, metric="signatures", state="NY", district=12, day=day)
    fold_campaign(campaign.pk, through=YESTERDAY)
    # One row per dimension for the day, and one whole-campaign row per key dimension.
    assert Rollup.objects.filter(campaign_id=campaign.pk).count() == 4 + 3
    assert breakdowns(campaign.pk, Period(), today=TODAY)["state"]["NY"] == {"signatures": 200}


@pytest.mark.django_db
def test_a_backfill_is_seen_after_a_reset(campaign):
    _activity(campaign.pk)
    fold_campaign(campaign.pk, through=YESTERDAY)
    record_event(
        campaign_id=campaign.pk,
        metric="signatures",
        state="OR",
        district=3,
        day=TODAY - dt.timedelta(days=5),
    )
    fold_reset(campaign.pk)
    fold_campaign(campaign.pk, through=YESTERDAY)
    by = breakdowns(campaign.pk, Period(), today=TODAY)
    assert by["state"]["OR"] == {"signatures": 1}
    assert _nonzero(by) == _nonzero(cell_totals(campaign.pk, Period()))


@pytest.mark.django_db
def test_reading_a_campaign_that_is_behind_sums_its_cells_and_folds_nothing(campaign):
    record_event(
        campaign_id=campaign.pk,
        metric="signatures",
        state="NY",
        district=12,
        day=dt.date(2020, 1, 1),
    )
    by = breakdowns(campaign.pk, Period(), today=timezone.localdate())
    assert by["state"]["NY"] == {"signatures": 1}
    # Folding is the periodic task's work, never a report's.
    assert not Rollup.objects.filter(campaign_id=campaign.pk).exists()


@pytest.mark.django_db
def test_the_periodic_fold_catches_every_campaign_up(campaign):
    record_event(
        campaign_id=campaign.pk,
        metric="signatures",
        state="NY",
        district=12,
        day=dt.date(2020, 1, 1),
    )
    assert fold_all() >= 1
    assert Rollup.objects.filter(campaign_id=campaign.pk, day=dt.date(2020, 1, 1)).exists()
    assert fold_all() == 0  # nothing left behind


def test_a_day_is_folded_only_once_it_has_been_over_for_a_while(settings):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    just_after_midnight = dt.datetime(2026, 3, 10, 0, 5, tzinfo=zone)
    later = dt.datetime(2026, 3, 10, 0, 30, tzinfo=zone)
    assert fold_target(just_after_midnight) == dt.date(2026, 3, 8)
    assert fold_target(later) == dt.date(2026, 3, 9)


@pytest.mark.django_db
def test_rebuild_command_picks_up_counters_written_for_past_days(campaign):
    from io import StringIO

    from django.core.management import CommandError, call_command

    past = timezone.localdate() - dt.timedelta(days=3)
    record_event(campaign_id=campaign.pk, metric="signatures", state="NY", district=12, day=past)
    fold_campaign(campaign.pk)
    record_event(campaign_id=campaign.pk, metric="signatures", state="NY", district=12, day=past)
    stale = breakdowns(campaign.pk, Period(), today=timezone.localdate())["state"]["NY"]
    assert stale == {"signatures": 1}  # the folded day does not see the late write
    out = StringIO()
    call_command("rebuild_rollups", campaign=campaign.slug, stdout=out)
    assert f"{campaign.slug}: rollups rebuilt" in out.getvalue()
    fresh = breakdowns(campaign.pk, Period(), today=timezone.localdate())["state"]["NY"]
    assert fresh == {"signatures": 2}
    with pytest.raises(CommandError, match="No campaign"):
        call_command("rebuild_rollups", campaign="no-such-campaign")


@pytest.mark.django_db
def test_one_cell_per_key_however_many_actions_one_after_another(campaign):
    from metrics.models import Cell, Counter
    from metrics.record import SHARDS

    for _ in range(200):
        record_event(campaign_id=campaign.pk, metric="signatures", state="NY", district=12)
    # Today's reports sum it: a cell splits only while writers meet on it (PostgreSQL).
    cell = Cell.objects.get(campaign_id=campaign.pk)
    assert (cell.state, cell.district, cell.value) == ("NY", 12, 200)
    # The headline counter, which every action of the campaign meets, is spread over shards.
    headline = Counter.objects.filter(campaign_id=campaign.pk)
    assert 1 < headline.count() <= SHARDS
    assert sum(headline.values_list("value", flat=True)) == 200


RANGES = [
    *PERIODS,
    Period(TODAY - dt.timedelta(days=2), TODAY + dt.timedelta(days=5)),
    Period(None, TODAY - dt.timedelta(days=3)),
    Period(TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=1)),
]


@pytest.mark.django_db
@pytest.mark.parametrize("folded_through", [YESTERDAY, TODAY - dt.timedelta(days=3)])
@pytest.mark.parametrize("period", RANGES, ids=str)
def test_period_totals_equal_the_sum_of_the_days_cells(
    campaign, period, folded_through, monkeypatch
):
    from metrics import fold
    from metrics.totals import campaign_totals, period_totals

    # Folded only this far, as just after midnight: later days are read from the cells.
    monkeypatch.setattr(fold, "fold_target", lambda now=None: folded_through)
    _activity(campaign.pk)
    fold_campaign(campaign.pk, through=folded_through)
    expected: dict[str, int] = {}
    for totals in cell_totals(campaign.pk, period)["day"].values():
        for metric, value in totals.items():
            expected[metric] = expected.get(metric, 0) + value
    expected = {metric: value for metric, value in expected.items() if value}
    all_time = campaign_totals(campaign.pk)
    assert period_totals(campaign.pk, period, today=TODAY, all_time=all_time) == expected
