"""The action kinds a campaign can offer (petition, signup, letter, call, ...).

Each kind is registered once, from one module, with its config model (one row per campaign,
reached as `campaign.<related_name>`), its form, its service and the metrics it records.
Campaign pages build their action cards from here, so adding or removing a kind touches only
the module that registers it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class ActionKind:
    slug: str
    label: str
    config_model: type[models.Model]
    form: type | None
    service: Callable | None
    metrics: tuple[str, ...] = ()
    # Card on the campaign page: a short call to action and the URL name taking the slug.
    cta: str = ""
    description: str = ""
    url_name: str = ""
    order: int = 100
    extra: dict = field(default_factory=dict)

    @property
    def related_name(self) -> str:
        for relation in self.config_model._meta.get_fields():
            if getattr(relation, "name", "") == "campaign":
                return relation.remote_field.related_name or ""
        return ""

    def config_for(self, campaign):
        """The campaign's config row for this kind, or None (uses a prefetched relation)."""
        try:
            return getattr(campaign, self.related_name)
        except self.config_model.DoesNotExist:
            return None


_kinds: dict[str, ActionKind] = {}


def register(kind: ActionKind) -> ActionKind:
    """Add a kind; registering the same slug again replaces it (safe on reload)."""
    _kinds[kind.slug] = kind
    return kind


def unregister(slug: str) -> None:
    _kinds.pop(slug, None)


def get(slug: str) -> ActionKind | None:
    return _kinds.get(slug)


def all_kinds() -> list[ActionKind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.slug))
