"""A House member added to a letter first sent to the senators only.

When a supporter's ZIP code spans districts and neither the address service nor the
supporter settled which is theirs, the letter goes to their senators at once; the receipt
then offers to send it to their House member once the district is known.
"""

from __future__ import annotations

from django.db import transaction

from actioncenter.queue import enqueue
from campaigns.templating import supporter_values
from legislators.services.answers import LookupResult
from letters.models import Delivery, Letter
from letters.recipients import NotTargeted, letter_reaches_house, letter_recipients
from letters.services.submit import Draft, _delivery_for, letter_render
from metrics.record import Place, record


def house_member_missing(letter: Letter, deliveries: list[Delivery]) -> bool:
    """The letter went to the supporter's senators only: their district was unknown then."""
    return (
        letter.district is None
        and not letter.purged_at
        and not any(delivery.chamber == "house" for delivery in deliveries)
        and letter_reaches_house(letter.action)
    )


def letter_house_member_add(*, letter: Letter, lookup: LookupResult) -> Delivery | None:
    """Adds the House member of the district `lookup` settles (it must be certain) to the
    letter, as one queued delivery sent after commit, counted as queued; returns it.

    Safe to repeat: None when the letter already goes to a House office, cannot go to the
    House, its text was erased, the seat is vacant or the member is not one the letter
    writes to (letters.recipients).
    """
    if not house_member_missing(letter, list(letter.deliveries.all())):
        return None
    try:  # the one rule of who receives a letter: the House member only if it is one of them
        found = letter_recipients(action=letter.action, lookup=lookup)
    except NotTargeted:
        return None
    house = [recipient for recipient in found if not recipient.legislator.is_senator]
    if not house:
        return None
    recipient = house[0]
    names = supporter_values(
        first_name=letter.first_name, last_name=letter.last_name, city=letter.city,
        state=letter.state,
    )  # fmt: skip
    draft = Draft(edited_template=letter.edited_template, personal_note=letter.personal_note)
    body = letter_render(
        action=letter.action,
        recipient=recipient,
        sender_names=names,
        draft=draft,
        language=getattr(letter, "language", ""),
    )
    with transaction.atomic():
        Letter.objects.filter(pk=letter.pk).update(district=lookup.district)
        delivery = _delivery_for(letter, letter.action, recipient, body)
        delivery.save()
        record(
            campaign_id=letter.campaign_id,
            deltas={"deliveries_queued": 1},
            place=Place(letter.state, lookup.district),
            source=letter.source,
        )
        enqueue("letters.tasks.delivery_send", str(delivery.pk))
    return delivery
