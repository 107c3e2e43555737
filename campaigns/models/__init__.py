"""Campaigns, their content, and the people who act on them."""

from campaigns.models.audit import AuditEntry
from campaigns.models.campaigns import Campaign, Fact, Partner, Resource, Testimonial
from campaigns.models.supporters import ConsentRecord, Participation, Supporter

__all__ = [
    "AuditEntry",
    "Campaign",
    "ConsentRecord",
    "Fact",
    "Participation",
    "Partner",
    "Resource",
    "Supporter",
    "Testimonial",
]
