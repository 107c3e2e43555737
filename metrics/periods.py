"""A report's period: whole days from `start` to `end`, both included; None is open-ended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def is_set(self) -> bool:
        return bool(self.start or self.end)

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """[start, end) datetimes in the site's time zone covering the whole days."""
        zone = timezone.get_current_timezone()
        start = end = None
        if self.start:
            start = dt.datetime.combine(self.start, dt.time.min, tzinfo=zone)
        if self.end:
            end = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        return start, end


def within(queryset, field_name: str, period: Period):
    """The rows whose `field_name` (a datetime) falls on the period's days."""
    start, end = period.bounds()
    if start:
        queryset = queryset.filter(**{f"{field_name}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field_name}__lt": end})
    return queryset
