"""Reads of the sign-up kind for pages and staff."""

from signups.models import OrganizationSignOn


def organizations_listed(campaign) -> list[OrganizationSignOn]:
    """Organizations that signed on and were approved, as the campaign page lists them."""
    return list(
        OrganizationSignOn.objects.filter(
            campaign=campaign, status=OrganizationSignOn.Status.APPROVED
        ).order_by("name", "pk")
    )
