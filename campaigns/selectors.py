from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from actioncenter.caching import ProcessCache
from campaigns import kinds as registry
from campaigns.models import Campaign, Resource
from campaigns.services.actions import SUPPORTER_METRICS
from metrics.totals import campaign_totals


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


# Public submissions look the campaign up on every request; each process keeps the answer
# for a moment, which saves that round trip. A status change is seen within that time (at
# once in the process that made it).
_for_action = ProcessCache("campaigns.for-action", size=1000, ttl=2.0)


def campaign_get_for_action(slug: str) -> Campaign | None:
    """campaign_get_public for the submission endpoints, kept for a moment."""
    return _for_action.get_or_set(slug, lambda: campaign_get_public(slug))


def campaign_lookup_forget() -> None:
    _for_action.clear()


def campaign_get_live(slug: str) -> Campaign | None:
    """The campaign when it is live (accepting actions), else None."""
    campaign = campaign_get_public(slug)
    return campaign if campaign is not None and campaign.accepts_actions else None


def campaign_action_cards(campaign: Campaign) -> list[dict]:
    """One card per registered action kind the campaign offers, in registry order."""
    return [{"kind": kind, "config": config} for kind, config in registry.offered(campaign)]


def campaign_page_context(campaign: Campaign) -> dict:
    """What every campaign page shows, whatever its kinds, in a fixed number of queries."""
    partners = list(campaign.partners.all())
    resources = list(campaign.resources.all())
    totals = campaign_totals(campaign.pk)
    return {
        "campaign": campaign,
        "cards": campaign_action_cards(campaign),
        "founding_partners": [p for p in partners if p.founding_member],
        "partners": [p for p in partners if not p.founding_member],
        "cosponsors": [p for p in partners if p.cosponsor],
        "testimonials": list(campaign.testimonials.all()),
        "facts": list(campaign.facts.all()),
        "research": [r for r in resources if r.kind in Resource.LIBRARY_KINDS],
        "coverage": [r for r in resources if r.kind == Resource.Kind.MEDIA],
        "toolkits": [r for r in resources if r.kind == Resource.Kind.TOOLKIT],
        "totals": totals,
        # Each offered kind's own numbers: no signature bar on a letter-only campaign.
        "progress": registry.progress(campaign, totals),
    }


def campaign_totals_listed(campaign: Campaign) -> dict[str, int]:
    """The campaign's totals under every metric its actions are counted under, zeros
    included (a new campaign lists what it will count), then any other it has counted."""
    totals = campaign_totals(campaign.pk)
    names = [metric.name for metric in SUPPORTER_METRICS]
    names += [
        metric.name for kind, _config in registry.offered(campaign) for metric in kind.metrics
    ]
    return {**{name: totals.get(name, 0) for name in names}, **totals}


@dataclass(frozen=True)
class ChecklistItem:
    """One row of campaign texts and those of its fields still without a translation."""

    label: str
    missing: list[str]  # the fields' names as the admin shows them


def campaign_translation_checklist(campaign: Campaign, language: str) -> list[ChecklistItem]:
    """Every row of the campaign's texts (the campaign, each action it offers, partners,
    voices, facts, resources) with the fields written in its language whose `language`
    version is still empty: the campaign may be published in `language` when none is."""
    rows = [(_("Campaign page"), campaign)]
    rows += [(str(kind.label), config) for kind, config in registry.offered(campaign)]
    for related in ("partners", "testimonials", "facts", "resources"):
        for row in getattr(campaign, related).all():
            label = f"{capfirst(row._meta.verbose_name)}: {Truncator(str(row)).chars(50)}"
            rows.append((label, row))
    return [
        ChecklistItem(
            label=label,
            missing=[
                str(row._meta.get_field(f"{name}_{language}").verbose_name)
                for name in row.translation_missing(language)
            ],
        )
        for label, row in rows
        if any(getattr(row, name).strip() for name in row.TRANSLATED_FIELDS)
    ]


@dataclass(frozen=True)
class ReadinessItem:
    """One line of the checklist shown before publishing: done, or what is missing."""

    label: str
    done: bool
    blocking: bool  # publishing is refused while a blocking item is not done
    detail: list[str]


def campaign_readiness(campaign: Campaign) -> list[ReadinessItem]:
    """What the campaign has and lacks before it goes live: its actions and whether each
    works (a letter's merge fields, recipients who can be reached), the sensitive-data
    choice, then what is recommended (goal, share image, Spanish version)."""
    pairs = registry.offered(campaign)
    items = [
        ReadinessItem(
            _("At least one action for supporters"),
            bool(pairs),
            True,
            [] if pairs else [_("Offer a petition, a letter, a call or a sign-up.")],
        )
    ]
    for kind, config in pairs:
        problems = kind.checks(config) if kind.checks else []
        items.append(ReadinessItem(str(kind.label), not problems, True, problems))
    chosen = campaign.sensitive is not None
    items.append(
        ReadinessItem(
            _("Sensitive-data choice"),
            chosen,
            True,
            [] if chosen else [_("Say whether taking part could put a supporter at risk.")],
        )
    )
    return items + _recommended(campaign)


def _recommended(campaign: Campaign) -> list[ReadinessItem]:
    goal = campaign.goal > 0
    share_image = bool(getattr(campaign, "share_image", None))
    missing = [
        item.label for item in campaign_translation_checklist(campaign, "es") if item.missing
    ]
    spanish = campaign.publishes("es")
    if spanish:
        spanish_detail = []
    elif missing:
        spanish_detail = [
            _("Still without a Spanish version: %(rows)s.") % {"rows": "; ".join(missing)}
        ]
    else:
        spanish_detail = [_("Every text has its Spanish version: publish it in Spanish.")]
    return [
        ReadinessItem(
            _("Goal"),
            goal,
            False,
            [] if goal else [_("Without a goal, progress is a count, without a bar toward it.")],
        ),
        ReadinessItem(
            _("Share image"),
            share_image,
            False,
            [] if share_image else [_("Links shared on social media show no picture.")],
        ),
        ReadinessItem(_("Spanish version"), spanish, False, spanish_detail),
    ]


def campaign_blockers(campaign: Campaign) -> list[ReadinessItem]:
    return [item for item in campaign_readiness(campaign) if item.blocking and not item.done]
