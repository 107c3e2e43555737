import pytest

from campaigns.rollups import Period, cell_totals
from reporting import selectors
from reporting.selectors import DateRange
from tests.reporting.factories import petition_campaign, sign


@pytest.mark.django_db
@pytest.mark.needs_postgres
def test_one_pass_rollups_agree_with_the_per_dimension_totals():
    campaign = petition_campaign()
    for number, (zip_code, source) in enumerate([("10001", "a"), ("10001", "b"), ("94103", "")]):
        sign(campaign, email=f"s{number}@example.org", zip_code=zip_code, source=source)
    together = cell_totals(campaign.pk, Period())
    for dimension in selectors.DIMENSIONS:
        separate = selectors.totals_by(campaign.pk, dimension, period=DateRange())
        assert {key: dict(value) for key, value in together[dimension].items()} == {
            key: dict(value) for key, value in separate.items()
        }
