"""Totals stay exact when many people sign at the same moment."""

import itertools
import threading

import pytest
from django.db import connection, transaction

from campaigns.models import Supporter
from metrics.totals import campaign_totals
from petitions.models import Signature
from petitions.services import signature_create
from tests.petitions.factories import petition_campaign, signer


@pytest.mark.django_db(transaction=True)
def test_concurrent_signers_with_duplicates_give_exact_totals():
    campaign = petition_campaign()
    distinct = 40
    # Every person signs twice (once in another case), all at once from 8 threads.
    attempts = [signer(n) for n in range(distinct)] + [
        signer(n, email=f" SIGNER{n}@example.ORG") for n in range(distinct)
    ]
    barrier = threading.Barrier(8)
    errors = []

    def work(chunk):
        try:
            barrier.wait()
            for data in chunk:
                signature_create(campaign=campaign, **data)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(attempts[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Supporter.objects.count() == distinct
    assert Signature.objects.filter(campaign=campaign).count() == distinct
    assert campaign_totals(campaign.pk) == {
        "signatures": distinct,
        "supporters": distinct,
        "supporters_new": distinct,  # each person joined us once, whichever request won
    }


@pytest.mark.django_db(transaction=True)
def test_actions_that_share_a_cell_at_the_same_moment_do_not_wait_for_each_other(monkeypatch):
    from metrics import record as totals
    from metrics.models import Cell
    from metrics.record import CELL_SHARDS
    from tests.support.metrics import record_event

    # Headline shards are random, and two writers on one would wait: give each its own.
    turns = itertools.count()
    monkeypatch.setattr(totals, "random_shard", lambda: next(turns) % totals.SHARDS)
    campaign = petition_campaign()
    same_cell = {"campaign_id": campaign.pk, "metric": "signatures", "state": "NY", "district": 12}
    opened, finish = threading.Barrier(CELL_SHARDS), threading.Event()  # 7 threads and this one
    errors = []

    def open_transaction():
        # Each holds its cell row until told to commit, as during a slow commit.
        try:
            with transaction.atomic():
                record_event(**same_cell)
                opened.wait(timeout=10)
                finish.wait(timeout=10)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_transaction) for _ in range(CELL_SHARDS - 1)]
    for thread in threads:
        thread.start()
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '2s'")  # a wait for another's row would fail
    try:
        opened.wait(timeout=10)  # seven writers hold seven of the eight shards
        with transaction.atomic():
            record_event(**same_cell)  # takes the free one without waiting
    finally:
        finish.set()
        for thread in threads:
            thread.join()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")

    assert errors == []
    cells = Cell.objects.filter(campaign_id=campaign.pk)
    assert sorted(cells.values_list("shard", flat=True)) == list(range(CELL_SHARDS))
    assert sum(cells.values_list("value", flat=True)) == CELL_SHARDS
    record_event(**same_cell)  # nobody else is writing: back to the first shard
    assert cells.get(shard=0).value == 2
