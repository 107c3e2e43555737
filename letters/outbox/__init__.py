"""The delivery outbox: one row per letter and office, claimed, sent, and finished.

Sending happens outside any database transaction, between short statements:

1. claim (`send`): one conditional UPDATE marks the row `sending` and counts the attempt,
   unless it is final, another worker marked it `sending` less than
   DELIVERY_STUCK_AFTER_SECONDS ago, or its message was handed over (then there is
   nothing to do);
2. send through the office's channel (no lock held while waiting on the network). CWC
   acts on complete requests only, so its channel opens the connection and writes the
   headers, then the outbox records the handover (`handed_over_at`, a commit that waits
   for its flush), and only then is the body written;
3. finish: one conditional statement records `sent`, `needs_manual`, `failed` (permanent
   refusal, or attempts exhausted), `held` (the site's own setup was refused: the sweeper
   queues it again once the setup has changed) or back to `queued` with a backoff, with
   its totals.

A worker killed between 1 and 3 leaves the row `sending`. Once it is stale, the sweeper
re-enqueues it if it was never handed over (CWC has nothing: the headers alone are
dropped), and records it `sent` if it was (CWC has the message, or is receiving it), so
CWC gets each DeliveryId once. Only a kill in the microseconds between the handover's
commit and the body's write would leave a letter recorded sent that CWC never got. A
failure CWC reports itself (a 5xx, no answer in time) is retried under the same
DeliveryId. Every status change is one statement (`transitions`) that also moves the
"deliveries_<status>" totals ("deliveries_queued" includes the few deliveries in flight)
and, on the first letter an office receives, "offices_reached".
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
