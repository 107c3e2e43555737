from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# District value stored when an action could not be attributed to one district; a real value
# (not NULL) so the upsert's conflict target matches on every database.
NO_DISTRICT = -1


class Counter(models.Model):
    """Headline total of one metric, split over shards so concurrent writers rarely wait."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    metric = models.CharField(max_length=64)
    shard = models.PositiveSmallIntegerField(default=0)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "metric", "shard"], name="counter_unique_shard"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric}[{self.shard}]={self.value}"


class BreakdownCounter(models.Model):
    """The same totals rolled up per day, state, district and source code."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    metric = models.CharField(max_length=64)
    day = models.DateField()
    state = models.CharField(max_length=2, blank=True, default="")
    district = models.SmallIntegerField(default=NO_DISTRICT)
    source = models.CharField(max_length=64, blank=True, default="")
    shard = models.PositiveSmallIntegerField(default=0)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("breakdown counter")
        verbose_name_plural = _("breakdown counters")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "metric", "day", "state", "district", "source", "shard"],
                name="breakdown_unique_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric} {self.day} {self.state}-{self.district} {self.source}"


class Participation(models.Model):
    """A supporter took at least one action on a campaign (makes 'supporters' exact)."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey("campaigns.Supporter", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "supporter"], name="participation_unique_supporter"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.supporter_id}"
