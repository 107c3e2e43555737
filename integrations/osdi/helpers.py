"""The OSDI helpers' request bodies (record_signature_helper, record_outreach_helper).

A helper keeps what the partner's system sends about the action (its `identifiers`,
`origin_system`, `action_date`, `referrer_data`) and the person's own identifiers. What
this site does not keep (tags, lists, question responses, triggers, person details it
never collects) is named in the response under `osdi:not_applied`, so the partner knows
it was not done; it is never silently dropped. A body of another shape is a 400.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from campaigns.api.serializers import CleanCharField
from campaigns.forms import ZIP_VALIDATOR
from campaigns.models import Campaign
from campaigns.text import clean_text
from integrations.osdi.hal import IDENTIFIER_SYSTEM
from integrations.osdi.models import ForeignAction, PersonIdentifier
from legislators.states import STATES_BY_CODE
from letters.cwc_rules import MESSAGE_MAX_LENGTH
from letters.models import Letter
from letters.services.reported import letter_record_reported
from letters.services.submit import Sender
from metrics.record import Place
from petitions.api.serializers import SignatureInputSerializer
from petitions.models import Signature
from petitions.services import signature_create

ACTION_FIELDS = {"person", "identifiers", "origin_system", "action_date", "referrer_data"}
SIGNATURE_FIELDS = ACTION_FIELDS | {"comments"}
OUTREACH_FIELDS = ACTION_FIELDS | {"type", "duration", "subject", "message", "targets"}
PERSON_FIELDS = {"identifiers", "given_name", "family_name", "email_addresses"}
REFERRER_FIELDS = ("source", "referrer", "website", "url")
TARGET_FIELDS = ("title", "given_name", "family_name", "name", "organization", "ocdid")
OCDID_RE = re.compile(
    r"^ocd-division/country:us(?:/(?:state|territory|district):(?P<state>[a-z]{2})"
    r"(?:/cd:(?P<district>\d{1,2}))?)?$"
)
MAX_IDENTIFIERS = 20
MAX_TARGETS = 50
# A partner's clock may run a little ahead of ours.
CLOCK_SKEW = dt.timedelta(minutes=5)


@dataclass
class Recorded:
    """What a helper did: the action, whether it is new, and what it did not apply."""

    action: Signature | Letter
    created: bool
    not_applied: list[dict] = field(default_factory=list)


# --- the parts every helper shares ---------------------------------------------------


def _refuse(name: str, message: str):
    raise ValidationError({name: [message]})


def _body(data) -> dict:
    if not isinstance(data, dict):
        _refuse("non_field_errors", _("The body must be a JSON object."))
    return data


def _object(data: dict, name: str) -> dict:
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        _refuse(name, _("This must be an object."))
    return value


def _list(data: dict, name: str) -> list:
    value = data.get(name.rsplit(".", 1)[-1])
    if value is None:
        return []
    if not isinstance(value, list):
        _refuse(name, _("This must be a list."))
    return value


def _text(value, name: str, max_length: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        _refuse(name, _("This must be text."))
    text = clean_text(str(value))
    if len(text) > max_length:
        _refuse(
            name,
            _("Ensure this field has no more than %(limit)s characters.") % {"limit": max_length},
        )
    return text


def _primary(items: list) -> dict:
    """The item marked primary in an OSDI list, else the first one."""
    items = [item for item in items if isinstance(item, dict)]
    return next((item for item in items if item.get("primary")), items[0] if items else {})


def _identifiers(data: dict, name: str) -> list[str]:
    """The partner's own "system:id" identifiers (ours, sent back, are not kept twice);
    `name` is where they are in the body, for the error ("person.identifiers")."""
    values = []
    for item in _list(data, name)[: MAX_IDENTIFIERS + 1]:
        text = _text(item, name, 200)
        if ":" not in text:
            _refuse(name, _("Identifiers look like “system:id”."))
        if not text.startswith(f"{IDENTIFIER_SYSTEM}:") and text not in values:
            values.append(text)
    if len(values) > MAX_IDENTIFIERS:
        _refuse(name, _("At most %(limit)s identifiers.") % {"limit": MAX_IDENTIFIERS})
    return values


def _action_date(data: dict) -> dt.datetime | None:
    raw = data.get("action_date")
    if raw in (None, ""):
        return None
    moment = None
    if isinstance(raw, str):
        try:
            moment = parse_datetime(raw.strip())
        except ValueError:
            moment = None
    if moment is None:
        _refuse("action_date", _("This must be a date and time (ISO 8601)."))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    if moment > timezone.now() + CLOCK_SKEW:
        _refuse("action_date", _("The action cannot have happened in the future."))
    return moment


def _referrer(data: dict) -> dict:
    referrer = _object(data, "referrer_data")
    return {
        name: _text(referrer.get(name), f"referrer_data.{name}", 64 if name == "source" else 500)
        for name in REFERRER_FIELDS
        if referrer.get(name) not in (None, "")
    }


def _not_applied(
    data: dict, person: dict, known: set[str], person_kept: set[str] = frozenset()
) -> list[dict]:
    """What the body asks for that this site does not do or keep, grouped by reason."""
    unknown = sorted(name for name in data if name not in known)
    kept = PERSON_FIELDS | person_kept
    person_unknown = sorted(f"person.{name}" for name in person if name not in kept)
    referrer = data.get("referrer_data")
    if isinstance(referrer, dict):
        person_unknown += sorted(
            f"referrer_data.{name}" for name in referrer if name not in REFERRER_FIELDS
        )
    groups = []
    if unknown:
        groups.append(
            {
                "error_code": "NOT_SUPPORTED",
                "description": _(
                    "This site has no tags, lists, questions or triggers: these parts of the "
                    "request were not applied."
                ),
                "properties": unknown,
            }
        )
    if person_unknown:
        groups.append(
            {
                "error_code": "NOT_KEPT",
                "description": _(
                    "This site keeps the least personal data an action needs: these details "
                    "were not stored."
                ),
                "properties": person_unknown,
            }
        )
    return groups


def _foreign_action(data: dict, **action) -> ForeignAction:
    return ForeignAction(
        identifiers=_identifiers(data, "identifiers"),
        origin_system=_text(data.get("origin_system"), "origin_system", 100),
        action_date=_action_date(data),
        referrer_data=_referrer(data),
        **action,
    )


def _keep_person_identifiers(supporter_id: int, values: list[str]) -> None:
    PersonIdentifier.objects.bulk_create(
        [PersonIdentifier(supporter_id=supporter_id, value=value) for value in values],
        ignore_conflicts=True,
    )


def _email(person: dict) -> str:
    email = _primary(_list(person, "email_addresses")).get("address")
    if not email:
        _refuse("person", _("An email address is required."))
    return email


# --- record_signature_helper -----------------------------------------------------------


class OsdiSignatureInput(SignatureInputSerializer):
    """The public form's rules for a signature; a partner's system may not know the
    person's name or ZIP code."""

    first_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    last_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    zip_code = CleanCharField(
        max_length=10, validators=[ZIP_VALIDATOR], required=False, allow_blank=True, default=""
    )


def record_signature(campaign: Campaign, data) -> Recorded:
    """Sign `campaign`'s petition through the same rules and service as the public API."""
    data = _body(data)
    person = _object(data, "person")
    fields = {
        "email": _email(person),
        "first_name": person.get("given_name") or "",
        "last_name": person.get("family_name") or "",
        "zip_code": str(_primary(_list(person, "postal_addresses")).get("postal_code") or ""),
        "comment": str(data.get("comments") or "")[:1000],
        "source": str(_referrer(data).get("source") or ""),
    }
    serializer = OsdiSignatureInput(data=fields)
    serializer.is_valid(raise_exception=True)
    origin = _foreign_action(data)
    person_identifiers = _identifiers(person, "person.identifiers")
    values = dict(serializer.validated_data)
    values.pop("website_url", None)
    # The postal code is kept with the signature; the rest of the address is not.
    not_applied = _not_applied(data, person, SIGNATURE_FIELDS, {"postal_addresses"})
    with transaction.atomic():
        signature, created = signature_create(campaign=campaign, **values)
        if created:
            origin.signature = signature
            origin.save()
            _keep_person_identifiers(signature.supporter_id, person_identifiers)
    return Recorded(signature, created, not_applied)


# --- record_outreach_helper ------------------------------------------------------------


class OutreachPerson(serializers.Serializer):
    """Who wrote: an email is required; what else the partner knows is kept for the letter."""

    email = serializers.EmailField(max_length=254)
    first_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    last_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    address1 = CleanCharField(max_length=200, required=False, allow_blank=True, default="")
    address2 = CleanCharField(max_length=200, required=False, allow_blank=True, default="")
    city = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    state = CleanCharField(max_length=2, required=False, allow_blank=True, default="")
    zip_code = CleanCharField(
        max_length=10, validators=[ZIP_VALIDATOR], required=False, allow_blank=True, default=""
    )
    phone = CleanCharField(max_length=32, required=False, allow_blank=True, default="")


def _phone(person: dict) -> str:
    number = _primary(_list(person, "phone_numbers")).get("number")
    if number is None or isinstance(number, bool):
        return ""
    return re.sub(r"[^\d+()\- ]", "", str(number))[:32]


def _outreach_person(person: dict) -> dict:
    address = _primary(_list(person, "postal_addresses"))
    lines = address.get("address_lines") if isinstance(address.get("address_lines"), list) else []
    region = str(address.get("region") or "").strip().upper()
    serializer = OutreachPerson(
        data={
            "email": _email(person),
            "first_name": person.get("given_name") or "",
            "last_name": person.get("family_name") or "",
            "address1": str(lines[0]) if lines else "",
            "address2": str(lines[1]) if len(lines) > 1 else "",
            "city": str(address.get("locality") or ""),
            # Only a U.S. state or territory places the letter; another region is not kept.
            "state": region if region in STATES_BY_CODE else "",
            "zip_code": str(address.get("postal_code") or ""),
            "phone": _phone(person),
        }
    )
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _targets(data: dict) -> list[dict]:
    targets = []
    raw = _list(data, "targets")
    if not raw:
        _refuse("targets", _("Name at least one target (whom the person contacted)."))
    if len(raw) > MAX_TARGETS:
        _refuse("targets", _("At most %(limit)s targets.") % {"limit": MAX_TARGETS})
    for item in raw:
        if not isinstance(item, dict):
            _refuse("targets", _("Each target must be an object."))
        target = {
            name: _text(item.get(name), f"targets.{name}", 200)
            for name in TARGET_FIELDS
            if item.get(name) not in (None, "")
        }
        if "ocdid" in target and not OCDID_RE.match(target["ocdid"]):
            _refuse("targets", _("“%(ocdid)s” is not a U.S. OCD division id.") % target)
        if not {"family_name", "name", "ocdid"} & target.keys():
            _refuse("targets", _("Each target needs a name or an OCD division id."))
        targets.append(target)
    return targets


def _place(targets: list[dict], state: str) -> Place:
    """Where the letter counts: the district of a House target, else the state."""
    for target in targets:
        match = OCDID_RE.match(target.get("ocdid", ""))
        if match and match["state"] and match["district"]:
            return Place(match["state"].upper(), int(match["district"]))
    for target in targets:
        match = OCDID_RE.match(target.get("ocdid", ""))
        if match and match["state"]:
            return Place(match["state"].upper(), None)
    return Place(state, None)


def _duration(data: dict) -> int | None:
    value = data.get("duration")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 86_400:
        _refuse("duration", _("The duration is a number of seconds, up to a day."))
    return value


def record_outreach(campaign: Campaign, data) -> Recorded:
    """Record a letter (or call) the person made through the partner's system, with its
    targets; nothing is sent from this site (see letters.services.reported)."""
    data = _body(data)
    person = _object(data, "person")
    details = _outreach_person(person)
    targets = _targets(data)
    origin = _foreign_action(
        data,
        outreach_type=_text(data.get("type"), "type", 16) or "email",
        duration=_duration(data),
        subject=_text(data.get("subject"), "subject", 200),
        targets=targets,
    )
    message = _text(data.get("message"), "message", MESSAGE_MAX_LENGTH)
    person_identifiers = _identifiers(person, "person.identifiers")
    not_applied = _not_applied(data, person, OUTREACH_FIELDS, {"postal_addresses", "phone_numbers"})
    sender = Sender(prefix="", **details)
    with transaction.atomic():
        letter, created = letter_record_reported(
            action=campaign.letter_action,
            sender=sender,
            message=message,
            place=_place(targets, details["state"]),
            source=origin.referrer_data.get("source", ""),
        )
        if created:
            origin.letter = letter
            origin.save()
            _keep_person_identifiers(letter.supporter_id, person_identifiers)
    return Recorded(letter, created, not_applied)
