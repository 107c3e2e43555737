"""Reads for pages, the API, the admin and exports; relations fetched up front."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from campaigns.templating import supporter_values
from legislators.models import Legislator
from legislators.states import STATES_BY_CODE
from letters.channels.base import Office
from letters.models import LegislatorStance, Letter, LetterAction, Stance
from letters.recipients import Reach, Recipient, office_for
from letters.services.submit import Draft, letter_language, letter_render


def letter_action_get_for_campaign(*, campaign) -> LetterAction | None:
    return (
        LetterAction.objects.select_related("campaign", "committee")
        .filter(campaign=campaign, is_active=True)
        .first()
    )


def letter_get_for_receipt(*, letter_id=None, receipt_key: str | None = None) -> Letter | None:
    queryset = Letter.objects.select_related("campaign", "action").prefetch_related("deliveries")
    if receipt_key is not None:
        return queryset.filter(receipt_key=receipt_key).first()
    return queryset.filter(pk=letter_id).first()


# The sample supporter of the builder's preview: a constituent of the member shown.
SAMPLE_SUPPORTER = {"first_name": "Alex", "last_name": "Rivera"}


@dataclass(frozen=True)
class LetterPreview:
    """A letter exactly as one office would receive it from a sample constituent."""

    member: Legislator
    office: Office
    supporter: str  # "Alex Rivera, Burlington, VT"
    subject: str
    body: str
    language: str


def letter_preview(
    *, action: LetterAction, reach: Reach, member_id: str = "", language: str = ""
) -> LetterPreview | None:
    """The letter for a real member the setup reaches (`member_id`'s when it is one of
    them, else the first) from a sample supporter of their state, rendered as submitting
    renders it; None when the setup reaches nobody. The action may be unsaved."""
    members = reach.legislators
    if not members or reach.problems:
        return None
    member = next((m for m in members if m.bioguide_id == member_id), members[0])
    office_city = next((o.city for o in member.offices.all() if o.city), "")
    state = STATES_BY_CODE.get(member.state)
    city = office_city or (state.name if state else member.state)
    names = supporter_values(city=city, state=member.state, **SAMPLE_SUPPORTER)
    stance = Stance.UNKNOWN
    if action.pk:
        found = LegislatorStance.objects.filter(action=action, legislator=member).first()
        stance = found.stance if found else Stance.UNKNOWN
    language = letter_language(action=action, language=language)
    body = letter_render(
        action=action,
        recipient=Recipient(member, "", stance),
        sender_names=names,
        draft=Draft(),
        language=language,
    )
    with translation.override(language):
        office = office_for(member)
    supporter = (
        f"{names['supporter.first_name']} {names['supporter.last_name']}, {city}, {member.state}"
    )
    return LetterPreview(
        member=member,
        office=office,
        supporter=supporter,
        subject=action.text("subject", language),
        body=body,
        language=language,
    )
