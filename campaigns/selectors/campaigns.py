import time

from django.db.models import QuerySet

from campaigns.actions import registry
from campaigns.models import Campaign, OrganizationSignOn, Partner, Resource, Signature
from campaigns.totals import campaign_totals

RECENT_SIGNERS = 10


def _config_relations() -> list[str]:
    return [kind.related_name for kind in registry.all_kinds() if kind.related_name]


def campaign_list_public() -> QuerySet[Campaign]:
    """Campaigns anyone may see, featured first, with each action kind's config joined."""
    return (
        Campaign.objects.filter(status__in=Campaign.PUBLIC_STATUSES)
        .select_related(*_config_relations())
        .order_by("-featured", "-created_at", "pk")
    )


def campaign_get_public(slug: str) -> Campaign | None:
    """A campaign anyone may see (live, won, closed or archived) with its action configs."""
    return campaign_list_public().filter(slug=slug).first()


# Public submissions look the campaign up on every request; a short per-process memo saves
# that round trip. A status change is seen within ACTION_LOOKUP_SECONDS (at once in the
# process that made it).
ACTION_LOOKUP_SECONDS = 2.0
_action_lookups: dict[str, tuple[float, Campaign | None]] = {}


def campaign_get_for_action(slug: str) -> Campaign | None:
    """campaign_get_public for the submission endpoints, memoized for a moment."""
    now = time.monotonic()
    hit = _action_lookups.get(slug)
    if hit is not None and now - hit[0] < ACTION_LOOKUP_SECONDS:
        return hit[1]
    campaign = campaign_get_public(slug)
    if len(_action_lookups) > 1000:
        _action_lookups.clear()
    _action_lookups[slug] = (now, campaign)
    return campaign


def campaign_lookup_forget() -> None:
    _action_lookups.clear()


def campaign_get_live(slug: str) -> Campaign | None:
    """The campaign when it is live (accepting actions), else None."""
    campaign = campaign_get_public(slug)
    return campaign if campaign is not None and campaign.accepts_actions else None


def campaign_featured() -> Campaign | None:
    """The campaign the home page shows: a featured live one, else the newest live one."""
    return (
        Campaign.objects.filter(status=Campaign.Status.LIVE)
        .select_related(*_config_relations())
        .order_by("-featured", "-created_at", "pk")
        .first()
    )


def recent_signers(campaign: Campaign, limit: int = RECENT_SIGNERS) -> list[dict]:
    """First name and state of the latest signers who agreed to be listed (nothing else)."""
    rows = (
        Signature.objects.filter(campaign=campaign, show_publicly=True)
        .order_by("-created_at")
        .values_list("supporter__first_name", "state")[:limit]
    )
    return [{"first_name": first_name, "state": state} for first_name, state in rows]


def campaign_action_cards(campaign: Campaign) -> list[dict]:
    """One card per registered action kind the campaign offers, in registry order."""
    cards = []
    for kind in registry.all_kinds():
        config = kind.config_for(campaign)
        if config is None or not getattr(config, "is_active", True):
            continue
        cards.append({"kind": kind, "config": config})
    return cards


def campaign_page_context(campaign: Campaign) -> dict:
    """Everything the campaign page shows, in a fixed number of queries."""
    partners = list(campaign.partners.all())
    resources = list(campaign.resources.all())
    totals = campaign_totals(campaign.pk)
    show_signers = getattr(getattr(campaign, "petition", None), "show_recent_signers", False)
    organizations = list(
        OrganizationSignOn.objects.filter(
            campaign=campaign, status=OrganizationSignOn.Status.APPROVED
        ).order_by("name", "pk")
    )
    signatures = totals.get("signatures", 0)
    return {
        "campaign": campaign,
        "cards": campaign_action_cards(campaign),
        "founding_partners": [p for p in partners if p.founding_member],
        "partners": [p for p in partners if not p.founding_member],
        "cosponsors": [p for p in partners if p.cosponsor],
        "testimonials": list(campaign.testimonials.all()),
        "facts": list(campaign.facts.all()),
        "research": [r for r in resources if r.kind == Resource.Kind.RESEARCH],
        "coverage": [r for r in resources if r.kind == Resource.Kind.MEDIA],
        "toolkits": [r for r in resources if r.kind == Resource.Kind.TOOLKIT],
        "organizations": organizations,
        "totals": totals,
        "signatures": signatures,
        "goal": campaign.goal,
        "progress_max": max(campaign.goal, signatures, 1),
        "recent_signers": recent_signers(campaign) if show_signers else [],
    }


def cosponsors_for(campaign: Campaign) -> list[Partner]:
    return list(campaign.partners.filter(cosponsor=True))
