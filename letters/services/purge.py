"""Privacy tier: letters of `sensitive` campaigns keep only per-office status in the end."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from letters.models import Delivery, Letter


def letters_purge_sensitive(*, days: int | None = None, now: dt.datetime | None = None) -> int:
    """Erase letter texts and street addresses of sensitive campaigns' letters.

    A letter qualifies once every one of its deliveries is final and the last
    became final more than `days` (default SENSITIVE_PURGE_DAYS) ago; a letter with no
    deliveries (one a partner's system reported) once it is that old. What stays:
    name, city, state and ZIP (needed to count by district and to show the
    receipt) and each delivery's status. Returns the number of letters purged.
    """
    days = settings.SENSITIVE_PURGE_DAYS if days is None else days
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    unfinished = Delivery.objects.filter(letter=OuterRef("pk")).exclude(status__in=Delivery.FINAL)
    letters = (
        # An unanswered campaign (no `sensitive` yet) counts as sensitive.
        Letter.objects.exclude(campaign__sensitive=False)
        .filter(purged_at__isnull=True)
        .annotate(last_final=Coalesce(Max("deliveries__finished_at"), F("created_at")))
        .filter(~Exists(unfinished), last_final__lte=cutoff)
        .values_list("pk", flat=True)
    )
    ids = list(letters[:10_000])
    with transaction.atomic():
        Letter.objects.filter(pk__in=ids).update(
            address1="",
            address2="",
            phone="",
            edited_template="",
            personal_note="",
            purged_at=timezone.now(),
        )
        Delivery.objects.filter(letter_id__in=ids).update(body="")
    return len(ids)
