"""Letters a partner's system reports: the supporter wrote to Congress from there."""

from __future__ import annotations

from dataclasses import asdict

from django.db import transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.services.actions import Action, action_record
from campaigns.services.campaigns import campaign_require_live
from campaigns.services.supporters import Person
from letters.models import Letter, LetterAction
from letters.services.submit import Sender
from metrics.record import Place


def letter_record_reported(
    *, action: LetterAction, sender: Sender, message: str, place: Place, source: str = ""
) -> tuple[Letter, bool]:
    """Records a letter sent through another system; returns (letter, created).

    It counts as one letter of the campaign, in the supporter's state and district, but
    nothing is delivered from this site: no delivery rows, no receipt email, no office
    counted as reached (the partner's system, not an office's, says it was sent). As with
    the site's own letters, a supporter has one per campaign: a repeat returns the first,
    unchanged.
    """
    campaign_require_live(action.campaign)
    if not action.is_active:
        raise ApplicationError(_("This letter is closed."), code="action_closed", status=409)
    values = {
        **asdict(sender),
        "action": action.pk,
        "district": place.district,
        "edited_template": message,
        "personal_note": "",
        "personalized": False,
        "source": source[:64],
    }
    with transaction.atomic():
        recorded = action_record(
            Action(
                model=Letter,
                campaign_id=action.campaign_id,
                values=values,
                unique=["action", "supporter"],
                counts={"letters": 1},
                source=source,
                place=place,
            ),
            Person(
                email=sender.email,
                first_name=sender.first_name,
                last_name=sender.last_name,
                zip_code=sender.zip_code,
            ),
        )
        letter = Letter.objects.get(action=action, supporter_id=recorded.supporter_id)
    return letter, recorded.created
