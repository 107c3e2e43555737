"""The action kinds a campaign can offer: petition, letter, call, sign-up.

Each kind lives in its own package and registers one `ActionKind` when its app is ready.
The campaign page, the staff preview and reports, the exports and the demo data read what
they need of a kind from here, so adding or removing a kind touches only its package; no
consumer names a kind by its slug.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class Export:
    """One CSV a kind offers staff: `table(campaign, period)` builds its header and rows."""

    name: str  # the file name, e.g. "signatures" for export/signatures.csv
    label: str
    table: Callable


@dataclass(frozen=True)
class Invitation:
    """How a thank-you page invites a supporter to take this action next."""

    heading: str
    text: str
    button: str


@dataclass(frozen=True)
class Progress:
    """One number of a campaign's progress on one kind of action ("12 letters sent")."""

    value: int
    label: str  # read after the number, in agreement with it: "letters sent"
    title: str  # a heading for the number on staff pages: "Letters sent"
    goal: int = 0  # with a goal, the campaign page draws a bar toward it

    @property
    def maximum(self) -> int:
        return max(self.goal, self.value, 1)


@dataclass(frozen=True)
class ActionKind:
    slug: str  # the kind's name in data (the API's `actions`, preview anchors)
    metrics: Sequence  # the metrics.registry.Metric its actions are counted under
    label: str  # how staff pages name it
    # One row per campaign, reached through its `campaign` one-to-one relation.
    config_model: type[models.Model]
    cta: str  # the card's call to action on the campaign page
    description: str
    order: int
    url_name: str = ""  # the supporter page a card opens, taking the campaign's slug
    anchor: str = ""  # or the section of the campaign page it opens
    # Extra context the campaign page shows: page_context(campaign, config, page) -> dict,
    # `page` being what the page knows of the visit (see campaigns.views.CampaignPage).
    page_context: Callable | None = None
    # Links of the staff preview: preview_links(config, urls) -> [{"label", "url"}, ...].
    preview_links: Callable | None = None
    exports: Sequence[Export] = ()
    admin_inline: type | None = None  # its settings, edited on the campaign's admin page
    # The ModelForm of config_model (without `campaign` and `is_active`) organizers set the
    # kind up with in the campaign builder (staff.views.builder).
    builder_form: type | None = None
    # checks(config) -> [problem, ...]: what keeps a saved config from working, each a
    # sentence; the publishing checklist lists them and refuses to publish until fixed.
    checks: Callable | None = None
    # What the campaign shows of its progress on this kind: progress(campaign, config,
    # totals) -> [Progress, ...], read by the campaign page and the staff dashboard.
    progress: Callable | None = None
    invitation: Invitation | None = None  # offered next, after another action
    demo_share: float = 0.0  # of a typical campaign's actions, for made-up activity

    @property
    def related_name(self) -> str:
        return self.config_model._meta.get_field("campaign").remote_field.related_name

    def config_for(self, campaign):
        """The campaign's config row for this kind, or None (uses a prefetched relation)."""
        try:
            return getattr(campaign, self.related_name)
        except self.config_model.DoesNotExist:
            return None

    def card_url(self, campaign) -> str:
        if self.url_name:
            return reverse(self.url_name, args=[campaign.slug])
        return f"#{self.anchor}" if self.anchor else ""


_kinds: dict[str, ActionKind] = {}


def register(kind: ActionKind) -> ActionKind:
    """Add a kind; registering the same slug again replaces it (safe on reload)."""
    _kinds[kind.slug] = kind
    return kind


def all_kinds() -> list[ActionKind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.slug))


def offered(campaign) -> list[tuple[ActionKind, models.Model]]:
    """(kind, config) of every kind the campaign offers now, in registry order."""
    pairs = []
    for kind in all_kinds():
        config = kind.config_for(campaign)
        if config is not None and getattr(config, "is_active", True):
            pairs.append((kind, config))
    return pairs


def next_offered(campaign, after: ActionKind) -> ActionKind | None:
    """The kind a supporter is invited to after acting on `after` (the next one offered)."""
    later = [
        kind
        for kind, _config in offered(campaign)
        if kind.order > after.order and kind.invitation is not None
    ]
    return later[0] if later else None


def progress(campaign, totals: dict[str, int]) -> list[Progress]:
    """The progress of every kind the campaign offers, in registry order."""
    return [
        item
        for kind, config in offered(campaign)
        if kind.progress is not None
        for item in kind.progress(campaign, config, totals)
    ]
