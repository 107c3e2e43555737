"""Submitting a letter: one letter row, one delivery row per office, enqueued after commit."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Supporter
from campaigns.outreach.models import Delivery, LegislatorStance, Letter, LetterAction
from campaigns.outreach.offices import Recipient, legislator_values, supporter_values
from campaigns.outreach.templating import render_text, validate_template
from campaigns.services.participation import participation_metrics
from campaigns.services.supporters import supporter_upsert
from campaigns.totals import record_deltas
from legislators.models import Legislator
from legislators.selectors import committee_members
from legislators.services.lookup import LookupResult

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


@dataclass(frozen=True)
class Draft:
    """What the supporter wrote: the letter text if they edited it, and their own words."""

    edited_template: str = ""
    personal_note: str = ""


# --- recipients ---------------------------------------------------------------


def _wanted(action: LetterAction, legislator: Legislator) -> bool:
    return action.chambers in ("both", legislator.chamber)


def _own_members(action: LetterAction, lookup: LookupResult) -> list[Recipient]:
    recipients = []
    for legislator in lookup.members_if_certain():
        if not _wanted(action, legislator):
            continue
        if legislator.is_senator:
            why = _("One of your two senators for %(state)s") % {"state": legislator.state}
        else:
            why = _("Your member of the House for %(seat)s") % {"seat": legislator.seat_label}
        recipients.append(Recipient(legislator, why))
    return recipients


def letter_recipients(*, action: LetterAction, lookup: LookupResult | None) -> list[Recipient]:
    """Who receives this supporter's letter, each with why, and their stance.

    Own members need a certain lookup (one district); otherwise ApplicationError.
    """
    if action.targets == LetterAction.Targets.OWN_MEMBERS:
        if lookup is None:
            raise ApplicationError(_("Tell us where you live first."), code="address_required")
        recipients = _own_members(action, lookup)
    elif action.targets == LetterAction.Targets.FIXED:
        chosen = action.fixed_legislators.filter(is_current=True).order_by("chamber", "state")
        why = _("Chosen by the campaign")
        recipients = [Recipient(legislator, why) for legislator in chosen]
    else:
        why = _("Member of the %(committee)s") % {"committee": action.committee.name}
        members = committee_members(action.committee.thomas_id)
        recipients = [Recipient(m, why) for m in members if _wanted(action, m)]
    recipients = _one_per_office(recipients)
    stances = dict(
        LegislatorStance.objects.filter(
            action=action, legislator__in=[r.legislator for r in recipients]
        ).values_list("legislator_id", "stance")
    )
    return [
        Recipient(r.legislator, r.why, stances.get(r.legislator.pk, "unknown")) for r in recipients
    ]


def _one_per_office(recipients: list[Recipient]) -> list[Recipient]:
    """An office receives one letter even if the data lists two members for one seat."""
    seen: set[str] = set()
    unique = []
    for recipient in recipients:
        code = recipient.office.code
        if code not in seen:
            seen.add(code)
            unique.append(recipient)
    return unique


# --- rendering ------------------------------------------------------------------


def letter_template_for(*, action: LetterAction, stance: str, draft: Draft) -> str:
    """The supporter's edited text when editing is allowed and they changed it, else the
    organizer's variant for the legislator's stance."""
    if action.editable and draft.edited_template.strip():
        return draft.edited_template
    return action.template_for(stance)


def letter_render(
    *, action: LetterAction, recipient: Recipient, sender_names: dict[str, str], draft: Draft
) -> str:
    """The organizer's statement for one recipient, as plain text."""
    template = letter_template_for(action=action, stance=recipient.stance, draft=draft)
    return render_text(template, {**sender_names, **legislator_values(recipient.legislator)})


def draft_validate(*, action: LetterAction, draft: Draft) -> Draft:
    """Checks an edited letter: placeholders from the closed set, within CWC limits."""
    edited = draft.edited_template.strip()
    if edited and not action.editable:
        raise ApplicationError(_("This letter cannot be edited."), code="not_editable")
    if edited == action.template.strip():
        edited = ""  # unchanged: the organizer's variants still apply
    if edited:
        validate_template(edited)
    if len(edited) > 9000 or len(draft.personal_note) > 5000:
        raise ApplicationError(_("Your letter is too long."), code="too_long")
    return Draft(edited_template=edited, personal_note=draft.personal_note.strip())


# --- submit -----------------------------------------------------------------------


def letter_submit(
    *,
    action: LetterAction,
    sender: Sender,
    draft: Draft,
    recipients: list[Recipient],
    district: int | None = None,
    source: str = "",
) -> tuple[Letter, bool]:
    """Records the letter and one queued delivery per office; returns (letter, created).

    Safe to repeat: a supporter has one letter per campaign, so a second submit
    (refresh, double click, API retry) returns the existing letter unchanged.
    Sending starts after the transaction commits (one task per delivery), then
    the receipt email goes out.
    """
    if not action.is_active:
        raise ApplicationError(_("This letter is closed."), code="action_closed", status=409)
    if not recipients:
        raise ApplicationError(_("Nobody to send this letter to."), code="no_recipients")
    draft = draft_validate(action=action, draft=draft)
    supporter = supporter_upsert(
        email=sender.email,
        first_name=sender.first_name,
        last_name=sender.last_name,
        zip_code=sender.zip_code,
        source=source,
    )
    existing = Letter.objects.filter(action=action, supporter=supporter).first()
    if existing is not None:
        return existing, False
    try:
        return _letter_create(action, supporter, sender, draft, recipients, district, source), True
    except IntegrityError:
        # Two submits raced; the other one won and its letter is the receipt.
        existing = Letter.objects.filter(action=action, supporter=supporter).first()
        if existing is None:
            raise
        return existing, False


@transaction.atomic
def _letter_create(action, supporter, sender, draft, recipients, district, source) -> Letter:
    personalized = bool(draft.personal_note or draft.edited_template)
    letter = Letter.objects.create(
        action=action,
        campaign_id=action.campaign_id,
        supporter=supporter,
        **asdict(sender),
        district=district,
        edited_template=draft.edited_template,
        personal_note=draft.personal_note,
        personalized=personalized,
        source=source[:64],
    )
    names = supporter_values(
        first_name=sender.first_name,
        last_name=sender.last_name,
        city=sender.city,
        state=sender.state,
    )
    deliveries = Delivery.objects.bulk_create(
        [_delivery_for(letter, action, recipient, names, draft) for recipient in recipients]
    )
    _count_letter(letter, supporter, queued=len(deliveries))
    from campaigns.outreach.tasks import delivery_send_task, letter_receipt_email_task

    for delivery in deliveries:
        transaction.on_commit(lambda pk=str(delivery.pk): delivery_send_task.delay(pk), robust=True)
    transaction.on_commit(lambda: letter_receipt_email_task.delay(letter.pk), robust=True)
    return letter


def _delivery_for(letter, action, recipient: Recipient, names, draft) -> Delivery:
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
        subject=action.subject,
        body=letter_render(action=action, recipient=recipient, sender_names=names, draft=draft),
        next_attempt_at=letter.created_at,
    )


def _count_letter(letter: Letter, supporter: Supporter, *, queued: int) -> None:
    """Letters, personalized letters, queued deliveries and supporters, in one write."""
    deltas = {"letters": 1, "deliveries_queued": queued}
    if letter.personalized:
        deltas["letters_personalized"] = 1
    for metric in participation_metrics(campaign_id=letter.campaign_id, supporter=supporter):
        deltas[metric] = 1
    record_deltas(
        campaign_id=letter.campaign_id,
        deltas=deltas,
        state=letter.state,
        district=letter.district,
        source=letter.source,
    )
