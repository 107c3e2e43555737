"""Totals stay exact when many people sign at the same moment (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from campaigns.models import Signature, Supporter
from campaigns.services.signatures import signature_create
from campaigns.totals import campaign_totals
from tests.campaigns.factories import petition_campaign, signer


@pytest.mark.needs_postgres
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
