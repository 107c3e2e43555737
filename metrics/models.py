"""Where the totals are kept: headline counters, their daily cells and the folded rollups.

Every action adds to one shard of its campaign's headline counter (campaign, metric, shard)
and to one shard of a cell (campaign, metric, day, state, district, source, shard), in the
transaction that writes the action. Once a day has ended, its cells are folded into
`Rollup` rows, and `FoldState` records how far each campaign is folded.
"""

import uuid
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

# District value stored when an action could not be attributed to one district; a real value
# (not NULL) so the upserts' conflict targets match it.
NO_DISTRICT = -1
# `Rollup.day` of the whole-campaign rows (every folded day summed).
ALL_TIME = date(1, 1, 1)


class Counter(models.Model):
    """Headline total of one metric, split over shards so concurrent writers rarely wait."""

    # The unique constraint's index starts with the campaign: no separate index to write.
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False
    )
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


class Cell(models.Model):
    """The same totals per day, state, district and source code (one shard of each)."""

    # The unique constraint's index starts with the campaign: no separate index to write.
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    metric = models.CharField(max_length=64)
    day = models.DateField()
    state = models.CharField(max_length=2, blank=True, default="")
    district = models.SmallIntegerField(default=NO_DISTRICT)
    source = models.CharField(max_length=64, blank=True, default="")
    shard = models.PositiveSmallIntegerField(default=0)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("cell")
        verbose_name_plural = _("cells")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "metric", "day", "state", "district", "source", "shard"],
                name="breakdown_unique_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric} {self.day} {self.state}-{self.district} {self.source}"


class Rollup(models.Model):
    """The cells of ended days, summed per dimension (see metrics.fold).

    One row per (dimension, day, metric, key); the key columns that do not belong to the
    dimension hold their blank value. Rows with day = ALL_TIME sum every folded day.
    """

    class Dimension(models.TextChoices):
        DAY = "day", _("day")
        STATE = "state", _("state")
        DISTRICT = "district", _("congressional district")
        SOURCE = "source", _("source code")

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    dimension = models.CharField(max_length=8, choices=Dimension.choices)
    day = models.DateField()
    metric = models.CharField(max_length=64)
    state = models.CharField(max_length=2, blank=True, default="")
    district = models.SmallIntegerField(default=NO_DISTRICT)
    source = models.CharField(max_length=64, blank=True, default="")
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("rollup")
        verbose_name_plural = _("rollups")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "dimension", "day", "metric", "state", "district", "source"],
                name="rollup_unique_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.day} {self.metric}={self.value}"


class FoldState(models.Model):
    """How far a campaign's cells have been folded into rollups."""

    campaign = models.OneToOneField(
        "campaigns.Campaign", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    folded_through = models.DateField(null=True, blank=True)
    # Replaced when the rollups are rebuilt, so readers drop what they kept. Random rather
    # than counted: a cache that outlives its database (a restored or reset one) must not
    # hand a new campaign the sums of an old one with the same id.
    version = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("fold state")
        verbose_name_plural = _("fold states")

    def __str__(self) -> str:
        return f"{self.campaign_id} through {self.folded_through}"
