from django.utils import timezone

from campaigns.models import Campaign, ConsentRecord, Partner, Supporter
from campaigns.sql import upsert_returning

UPDATABLE = ("first_name", "last_name", "zip_code", "address1", "city", "state")


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def supporter_upsert(
    *, email: str, first_name="", last_name="", zip_code="", source="", **details
) -> Supporter:
    """The one supporter for this email (trimmed, case-insensitive), created or updated.

    Non-blank names, ZIP and address fields replace older values; `source` is kept only from
    the supporter's first action. One statement, so concurrent first actions by the same
    person meet at the unique constraint and end up as one row.
    """
    now = timezone.now()
    values = {
        "email": normalize_email(email),
        "first_name": first_name or "",
        "last_name": last_name or "",
        "zip_code": zip_code or "",
        **{key: details.get(key) or "" for key in UPDATABLE[3:]},
        "source": source or "",
        "created_at": now,
        "updated_at": now,
    }
    return upsert_returning(
        Supporter,
        values,
        conflict=["email_key"],
        keep_when_blank=UPDATABLE,
        overwrite=["updated_at"],
    )


def supporter_is_new(supporter: Supporter) -> bool:
    """Whether `supporter_upsert` just created this supporter (rather than updating one).

    The upsert writes the same instant to both timestamps when it inserts and moves only
    `updated_at` when it updates.
    """
    return supporter.created_at == supporter.updated_at


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
