"""Reads of the petition kind for pages and staff."""

from petitions.models import Petition, Signature

RECENT_SIGNERS = 10


def recent_signers(campaign, limit: int = RECENT_SIGNERS) -> list[dict]:
    """First name and state of the latest signers who agreed to be listed (nothing else)."""
    rows = (
        Signature.objects.filter(campaign=campaign, show_publicly=True)
        .order_by("-created_at")
        .values_list("supporter__first_name", "state")[:limit]
    )
    return [{"first_name": first_name, "state": state} for first_name, state in rows]


def signature_list_for_campaign(campaign):
    return Signature.objects.filter(campaign=campaign)


def petition_text(campaign) -> str:
    """What signers put their name to (the campaign's summary when the text is empty)."""
    petition = Petition.objects.filter(campaign=campaign).first()
    return getattr(petition, "text", "") or campaign.summary
