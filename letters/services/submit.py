"""Submitting a letter: one letter row, one delivery row per office, enqueued after commit."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from actioncenter.queue import enqueue
from campaigns.services.actions import Action, action_record
from campaigns.services.supporters import Person
from campaigns.templating import render_text, supporter_values, validate_template
from legislators.offices import legislator_values
from letters.cwc_rules import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH
from letters.models import Delivery, Letter, LetterAction, Stance
from letters.recipients import Recipient
from metrics.record import Place

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sender:
    """The details Congress requires of a constituent (phone and address2 optional)."""

    prefix: str
    first_name: str
    last_name: str
    address1: str
    city: str
    state: str
    zip_code: str
    email: str
    address2: str = ""
    phone: str = ""
    response_requested: bool = False  # "I would like a reply"


@dataclass(frozen=True)
class Draft:
    """What the supporter wrote: the letter text if they edited it, and their own words."""

    edited_template: str = ""
    personal_note: str = ""


# --- rendering ------------------------------------------------------------------


def letter_language(*, action: LetterAction, language: str = "") -> str:
    """The language a letter goes to Congress in: the writer's (`language`, by default the
    active one: the page's) when the campaign publishes its letter in it, else the
    campaign's."""
    return action.in_language(language or translation.get_language() or "").lang


def letter_template_for(
    *, action: LetterAction, stance: str, draft: Draft, language: str = ""
) -> str:
    """The supporter's edited text when editing is allowed and they changed it, else the
    organizer's variant for the legislator's stance, in the letter's language."""
    if action.editable and draft.edited_template.strip():
        return draft.edited_template
    return action.template_for(stance, letter_language(action=action, language=language))


def letter_render(
    *,
    action: LetterAction,
    recipient: Recipient,
    sender_names: dict[str, str],
    draft: Draft,
    language: str = "",
) -> str:
    """The organizer's statement for one recipient, as plain text, in the letter's language
    (see letter_language): the text and the member's title and chamber alike."""
    language = letter_language(action=action, language=language)
    template = letter_template_for(
        action=action, stance=recipient.stance, draft=draft, language=language
    )
    with translation.override(language):
        office = legislator_values(recipient.legislator)
    return render_text(template, {**sender_names, **office})


def draft_validate(*, action: LetterAction, draft: Draft, language: str = "") -> Draft:
    """Checks an edited letter: placeholders from the closed set, within CWC limits."""
    edited = draft.edited_template.strip()
    if edited and not action.editable:
        raise ApplicationError(_("This letter cannot be edited."), code="not_editable")
    template = action.template_for(
        Stance.UNKNOWN, letter_language(action=action, language=language)
    )
    if edited == template.strip():
        edited = ""  # unchanged: the organizer's variants still apply
    if edited:
        validate_template(edited)
    if len(edited) > 9000 or len(draft.personal_note) > 5000:
        raise ApplicationError(_("Your letter is too long."), code="too_long")
    return Draft(edited_template=edited, personal_note=draft.personal_note.strip())


# --- submit -----------------------------------------------------------------------


def letter_counts(*, personalized: bool, offices: int) -> dict[str, int]:
    """What a new letter adds to the totals: itself, and one queued delivery per office."""
    counts = {"letters": 1, "deliveries_queued": offices}
    if personalized:
        counts["letters_personalized"] = 1
    return counts


def letter_submit(
    *,
    action: LetterAction,
    sender: Sender,
    draft: Draft,
    recipients: list[Recipient],
    district: int | None = None,
    source: str = "",
    language: str = "",
) -> tuple[Letter, bool]:
    """Records the letter and one queued delivery per office; returns (letter, created).

    The letter goes in `language` (by default the active one: the page's) when the campaign
    publishes its letter in it, else in the campaign's language (see letter_language).
    Safe to repeat: a supporter has one letter per campaign, so a second submit
    (refresh, double click, API retry) returns the existing letter unchanged.
    Sending starts after the transaction commits (one task per delivery), then
    the receipt email goes out, in the language of the page.
    """
    if not action.is_active:
        raise ApplicationError(_("This letter is closed."), code="action_closed", status=409)
    if not recipients:
        raise ApplicationError(_("Nobody to send this letter to."), code="no_recipients")
    language = letter_language(action=action, language=language)
    draft = draft_validate(action=action, draft=draft, language=language)
    bodies = _bodies(action, sender, draft, recipients, language)
    personalized = bool(draft.personal_note or draft.edited_template)
    counts = letter_counts(personalized=personalized, offices=len(recipients))
    values = {
        **asdict(sender),
        "action": action.pk,
        "district": district,
        "edited_template": draft.edited_template,
        "language": language,
        "personal_note": draft.personal_note,
        "personalized": personalized,
        "source": source[:64],
    }
    with transaction.atomic():
        recorded = action_record(
            Action(
                model=Letter,
                campaign_id=action.campaign_id,
                values=values,
                unique=["action", "supporter"],
                counts=counts,
                source=source,
                place=Place(sender.state, district),
            ),
            Person(
                email=sender.email,
                first_name=sender.first_name,
                last_name=sender.last_name,
                zip_code=sender.zip_code,
            ),
        )
        letter = Letter.objects.get(action=action, supporter_id=recorded.supporter_id)
        if recorded.created:
            _deliveries_create(letter, action, recipients, bodies)
    return letter, recorded.created


def _bodies(action, sender: Sender, draft: Draft, recipients, language: str) -> list[str]:
    """Each recipient's letter, within what CWC takes once the names are filled in."""
    names = supporter_values(
        first_name=sender.first_name,
        last_name=sender.last_name,
        city=sender.city,
        state=sender.state,
    )
    bodies = [
        letter_render(
            action=action,
            recipient=recipient,
            sender_names=names,
            draft=draft,
            language=language,
        )
        for recipient in recipients
    ]
    note = draft.personal_note
    joined = len(note) + 2 if 0 < len(note) < MESSAGE_MIN_LENGTH else 0  # see cwc.message_xml
    excess = max(len(body) for body in bodies) + joined - MESSAGE_MAX_LENGTH
    if excess > 0:
        raise ApplicationError(
            _(
                "Your letter is %(excess)s characters too long for Congress's system once "
                "the names are filled in. Please shorten it."
            )
            % {"excess": excess},
            code="too_long",
        )
    return bodies


def _deliveries_create(letter: Letter, action, recipients, bodies: list[str]) -> None:
    """One queued delivery per office, each sent by its own task after commit, then the
    receipt email."""
    deliveries = Delivery.objects.bulk_create(
        [
            _delivery_for(letter, action, recipient, body)
            for recipient, body in zip(recipients, bodies, strict=True)
        ]
    )
    for delivery in deliveries:
        enqueue("letters.tasks.delivery_send", str(delivery.pk))
    language = translation.get_language()
    enqueue("letters.tasks.letter_receipt_email", letter.pk, language, True)  # unless sent


def _delivery_for(letter, action, recipient: Recipient, body: str) -> Delivery:
    with translation.override(letter.language):  # as the letter names it
        office = recipient.office
    return Delivery(
        letter=letter,
        campaign_id=letter.campaign_id,
        supporter_id=letter.supporter_id,
        legislator=recipient.legislator,
        office_code=office.code,
        office_name=office.name,
        chamber=office.chamber,
        office_state=office.state,
        office_district=office.district,
        office_phone=office.phone,
        office_contact_url=office.contact_form_url,
        why=recipient.why[:200],
        stance=recipient.stance,
        subject=action.text("subject", letter.language),
        body=body,
        next_attempt_at=letter.created_at,
    )
