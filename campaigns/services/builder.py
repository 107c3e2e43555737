"""Saving what the campaign builder edits: the campaign and each kind's settings at once."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.forms import ModelForm

from campaigns.kinds import ActionKind
from campaigns.models import Campaign
from campaigns.selectors import campaign_lookup_forget
from campaigns.services.audit import audit_record
from campaigns.services.campaigns import campaign_sensitivity_record


@dataclass
class ActionSetup:
    """One kind in the builder: its form, whether the campaign offers it, its saved row."""

    kind: ActionKind
    form: ModelForm
    offered: bool
    config: object | None = None

    @property
    def valid(self) -> bool:
        # A kind not offered is not validated: its empty form is not an error.
        return not self.offered or self.form.is_valid()


def _has_active_flag(setup: ActionSetup) -> bool:
    return any(field.name == "is_active" for field in setup.kind.config_model._meta.fields)


@transaction.atomic
def campaign_build(*, campaign_form: ModelForm, setups: list[ActionSetup], actor=None) -> Campaign:
    """Save the campaign and the settings of every kind it offers, in one transaction.

    Preconditions: every form is valid. A kind no longer offered is switched off (its
    `is_active`, so what supporters sent stays) or, without that flag, its settings row is
    deleted. The sensitive-data answer is recorded when first given or changed; the build
    is written to the audit trail.
    """
    created = campaign_form.instance.pk is None
    campaign = campaign_form.save()
    if created or "sensitive" in campaign_form.changed_data:
        campaign_sensitivity_record(campaign=campaign, actor=actor)
    offered = []
    for setup in setups:
        if setup.offered:
            config = setup.form.save(commit=False)
            config.campaign = campaign
            if _has_active_flag(setup):
                config.is_active = True
            config.save()
            setup.form.save_m2m()
            offered.append(setup.kind.slug)
        elif setup.config is not None and _has_active_flag(setup):
            type(setup.config).objects.filter(pk=setup.config.pk).update(is_active=False)
        elif setup.config is not None:
            setup.config.delete()
    audit_record(
        actor=actor,
        action="campaign_build",
        target=campaign,
        details={"created": created, "actions": offered},
    )
    transaction.on_commit(campaign_lookup_forget)
    return campaign
