from django.db import IntegrityError, transaction

from campaigns.models import Campaign, ConsentRecord, Partner, Supporter

UPDATABLE = ("first_name", "last_name", "zip_code", "address1", "city", "state")


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def supporter_upsert(
    *, email: str, first_name="", last_name="", zip_code="", source="", **details
) -> Supporter:
    """The one supporter for this email (trimmed, case-insensitive), created or updated.

    Non-blank names, ZIP and address fields replace older values; `source` is kept only from
    the supporter's first action. Safe under concurrency: a racing insert is retried as update.
    """
    fields = {"first_name": first_name, "last_name": last_name, "zip_code": zip_code}
    fields.update({key: details[key] for key in UPDATABLE if details.get(key)})
    key = normalize_email(email)
    supporter = Supporter.objects.filter(email_key=key).first()
    if supporter is None:
        try:
            with transaction.atomic():
                return Supporter.objects.create(email=key, source=source or "", **fields)
        except IntegrityError:
            supporter = Supporter.objects.get(email_key=key)
    changed = {
        name: value for name, value in fields.items() if value and getattr(supporter, name) != value
    }
    if changed:
        for name, value in changed.items():
            setattr(supporter, name, value)
        supporter.save(update_fields=[*changed, "updated_at"])
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
