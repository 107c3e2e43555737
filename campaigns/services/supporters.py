"""The one supporter per email, and what they agreed to."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from actioncenter.db.statements import Statement, returning, upsert
from actioncenter.fastpaths import instance_from_row
from campaigns.models import Campaign, ConsentRecord, Partner, Supporter

# Anyone can type someone else's email into a form, so a later action only fills in what
# the supporter had left blank: it never renames them (in public lists, exports and the
# petition sent to Congress) or moves them. `source` is kept from their first action.
FILLABLE = ("first_name", "last_name", "zip_code", "address1", "city", "state")


@dataclass(frozen=True)
class Person:
    """A supporter as they typed themselves into a form."""

    email: str
    first_name: str = ""
    last_name: str = ""
    zip_code: str = ""
    address1: str = ""
    city: str = ""
    state: str = ""


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def supporter_upsert_step(person: Person, *, source: str, columns: str) -> Statement:
    """The upsert of the supporter for this email (trimmed, case-insensitive), returning
    `columns` and `inserted` (true when this statement created the supporter: whoever was
    first to act). One statement, so concurrent first actions of the same person meet at
    the unique constraint and end up as one row."""
    now = timezone.now()
    values = {
        "email": normalize_email(person.email),
        **{name: getattr(person, name) or "" for name in FILLABLE},
        "source": source or "",
        "created_at": now,
        "updated_at": now,
    }
    return upsert(
        Supporter,
        values,
        conflict=["email_key"],
        fill_when_blank=FILLABLE,
        overwrite=["updated_at"],
        returning=f"{columns}, (xmax = 0) AS inserted",
    )


def supporter_upsert(*, email: str, source: str = "", **details) -> Supporter:
    """The one supporter for this email, created or completed (see `supporter_upsert_step`);
    `supporter.inserted` tells whether this call created it."""
    step = supporter_upsert_step(
        Person(email=email, **details), source=source, columns=returning(Supporter)
    )
    [row] = step.rows()
    supporter = instance_from_row(Supporter, row[:-1])
    supporter.inserted = row[-1]
    return supporter


def consent_record(
    *,
    supporter: Supporter,
    campaign: Campaign | None,
    purpose: str,
    partner: Partner | None = None,
) -> ConsentRecord:
    """Record that the supporter agreed to `purpose`; repeating it keeps the first record."""
    record, _created = ConsentRecord.objects.get_or_create(
        supporter=supporter, campaign=campaign, purpose=purpose, partner=partner
    )
    return record
