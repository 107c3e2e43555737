"""On PostgreSQL the claim commits without waiting for its WAL flush; the outcome does wait."""

import pytest
from django.db import connection

from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit


@pytest.mark.django_db(transaction=True)  # autocommit, as in a worker
def test_only_the_claim_skips_the_flush_wait(cwc_settings, cwc_server):
    with connection.cursor() as cursor:  # whatever the server's default, this session waits
        cursor.execute("SET synchronous_commit = on")
    members_of()
    letter, _ = submit(LetterActionFactory())  # sends each delivery once committed

    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"  # the relaxed setting ended with each claim
    assert sorted(letter.deliveries.values_list("status", "attempts")) == [("sent", 1)] * 3
    assert len(cwc_server.accepted) == 3
