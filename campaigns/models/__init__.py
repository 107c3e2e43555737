"""Campaigns, the people who act on them, their actions and the counters over them."""

from campaigns.models.actions import (
    OrganizationSignOn,
    Petition,
    Signature,
    Signup,
    SignupAction,
    UpdatesSubscription,
)
from campaigns.models.audit import AuditEntry
from campaigns.models.campaigns import Campaign, Fact, Partner, Resource, Testimonial
from campaigns.models.supporters import ConsentRecord, Supporter
from campaigns.models.totals import BreakdownCounter, Counter, Participation, Rollup, RollupState

__all__ = [
    "AuditEntry",
    "BreakdownCounter",
    "Campaign",
    "ConsentRecord",
    "Counter",
    "Fact",
    "OrganizationSignOn",
    "Participation",
    "Rollup",
    "RollupState",
    "Partner",
    "Petition",
    "Resource",
    "Signature",
    "Signup",
    "SignupAction",
    "Supporter",
    "Testimonial",
    "UpdatesSubscription",
]
