"""The delivery outbox: one row per letter and office, claimed, sent, and finished.

Sending happens outside any database transaction, between two short statements:

1. claim (`send`): one conditional UPDATE marks the row `sending` and counts the attempt,
   unless it is final or another worker marked it `sending` less than
   DELIVERY_STUCK_AFTER_SECONDS ago (then there is nothing to do);
2. send through the office's channel (no lock held while waiting on the network);
3. finish: one conditional statement records `sent`, `needs_manual`, `failed` (permanent
   refusal, or attempts exhausted), `held` (the site's own setup was refused: the sweeper
   queues it again once the setup has changed) or back to `queued` with a backoff, with
   its totals.

A worker killed between 1 and 3 leaves the row `sending`; the sweeper re-enqueues it once
it is stale and the next claim takes it over. Because the delivery id is the CWC
DeliveryId, an office can recognise the rare message that arrives twice. Every status
change is one statement (`transitions`) that also moves the "deliveries_<status>" totals
("deliveries_queued" includes the few deliveries in flight) and, on the first letter an
office receives, "offices_reached".
"""

from letters.outbox.operators import (
    deliveries_resume,
    deliveries_retry,
    deliveries_sweep,
    delivery_mark_sent_by_supporter,
    held_setups,
)
from letters.outbox.send import SendOutcome, delivery_send, outgoing_letter, retry_delay

__all__ = [
    "SendOutcome",
    "deliveries_resume",
    "deliveries_retry",
    "deliveries_sweep",
    "delivery_mark_sent_by_supporter",
    "delivery_send",
    "held_setups",
    "outgoing_letter",
    "retry_delay",
]
