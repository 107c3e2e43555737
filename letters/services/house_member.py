"""A House member added to a letter first sent to the senators only.

When a supporter's ZIP code spans districts and neither the address service nor the
supporter settled which is theirs, the letter goes to their senators at once; the receipt
then offers to send it to their House member once the district is known.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.queue import enqueue
from campaigns.templating import supporter_values
from legislators.services.answers import LookupResult
from letters.models import Delivery, LegislatorStance, Letter, LetterAction
from letters.recipients import Recipient
from letters.services.submit import Draft, _delivery_for, letter_render
from metrics.record import Place, record


def house_member_missing(letter: Letter, deliveries: list[Delivery]) -> bool:
    """The letter went to the supporter's senators only: their district was unknown then."""
    action = letter.action
    return (
        letter.district is None
        and not letter.purged_at
        and action.targets == LetterAction.Targets.OWN_MEMBERS
        and action.chambers != "senate"
        and not any(delivery.chamber == "house" for delivery in deliveries)
    )


def letter_house_member_add(*, letter: Letter, lookup: LookupResult) -> Delivery | None:
    """Adds the House member of the district `lookup` settles (it must be certain) to the
    letter, as one queued delivery sent after commit, counted as queued; returns it.

    Safe to repeat: None when the letter already goes to a House office, was not to the
    supporter's own members, its text was erased, or the seat is vacant.
    """
    house = [member for member in lookup.members_if_certain() if not member.is_senator]
    if not house or not house_member_missing(letter, list(letter.deliveries.all())):
        return None
    member = house[0]
    stance = LegislatorStance.objects.filter(action=letter.action, legislator=member).first()
    why = _("Your member of the House for %(seat)s") % {"seat": member.seat_label}
    recipient = Recipient(member, why, stance.stance if stance else "unknown")
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
