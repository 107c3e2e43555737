from django.db import transaction

from movement.identity import identity_forget
from movement.models import SiteIdentity


@transaction.atomic
def site_identity_save(*, identity: SiteIdentity) -> SiteIdentity:
    """Save the movement's identity row; once committed, pages and emails of this process
    show it at once (the others within movement.identity.IDENTITY_TTL)."""
    identity.save()
    transaction.on_commit(identity_forget)
    return identity
