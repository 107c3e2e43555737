"""Counting one event in a test, as an action would."""

from metrics.record import Place, record


def record_event(
    *, campaign_id, metric, amount=1, state="", district=None, source="", day=None
) -> None:
    record(
        campaign_id=campaign_id,
        deltas={metric: amount},
        place=Place(state, district),
        source=source,
        day=day,
    )
