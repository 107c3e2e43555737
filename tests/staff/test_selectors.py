import pytest
from django.utils import timezone

from metrics.breakdowns import cell_totals
from metrics.fold import DIMENSIONS
from metrics.periods import Period
from metrics.totals import totals_by
from tests.staff.factories import petition_campaign, sign


@pytest.mark.django_db
def test_one_pass_rollups_agree_with_the_per_dimension_totals():
    campaign = petition_campaign()
    for number, (zip_code, source) in enumerate([("10001", "a"), ("10001", "b"), ("94103", "")]):
        sign(campaign, email=f"s{number}@example.org", zip_code=zip_code, source=source)
    together = cell_totals(campaign.pk, Period())
    for dimension in DIMENSIONS:
        separate = totals_by(campaign.pk, dimension, period=Period(), today=timezone.localdate())
        assert {key: dict(value) for key, value in together[dimension].items()} == {
            key: dict(value) for key, value in separate.items()
        }
