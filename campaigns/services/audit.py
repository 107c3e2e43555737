from django.db import models

from campaigns.models import AuditEntry


def audit_record(*, actor=None, action: str, target: models.Model | None = None, details=None):
    """Append an entry to the audit trail (who did what to which object) and return it."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        details=details or {},
    )
