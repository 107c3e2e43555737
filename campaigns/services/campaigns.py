from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from actioncenter.exceptions import ApplicationError
from campaigns.localized import TRANSLATIONS
from campaigns.models import Campaign
from campaigns.selectors import (
    campaign_blockers,
    campaign_lookup_forget,
    campaign_translation_checklist,
)
from campaigns.services.audit import audit_record


def campaign_require_live(campaign: Campaign) -> None:
    if not campaign.accepts_actions:
        raise ApplicationError(
            _("This campaign is no longer accepting actions."), code="campaign_closed", status=409
        )


def _status_label(status: str) -> str:
    return str(dict(Campaign.Status.choices).get(status, status))


@transaction.atomic
def campaign_set_status(*, campaign: Campaign, status: str, actor=None) -> Campaign:
    """Move a campaign along its lifecycle (draft → live → won | closed → archived).

    Repeating the current status changes nothing; a move not in Campaign.TRANSITIONS raises
    ApplicationError. Each change is written to the audit trail.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if locked.status == status:
        campaign.status = status
        return campaign
    if status not in Campaign.TRANSITIONS.get(locked.status, frozenset()):
        raise ApplicationError(
            _("A campaign cannot go from “%(old)s” to “%(new)s”.")
            % {"old": _status_label(locked.status), "new": _status_label(status)},
            code="illegal_transition",
            status=409,
        )
    previous = locked.status
    Campaign.objects.filter(pk=campaign.pk).update(status=status)
    transaction.on_commit(campaign_lookup_forget)
    campaign.status = status
    audit_record(
        actor=actor,
        action="campaign_status",
        target=campaign,
        details={"from": previous, "to": status},
    )
    return campaign


@transaction.atomic
def campaign_publish(*, campaign: Campaign, actor=None) -> Campaign:
    """Make a draft live, once nothing blocks it (campaigns.selectors.campaign_readiness:
    an action that works, letters that reach someone, the sensitive-data choice).

    Refused with ApplicationError listing each blocking item otherwise; publishing a live
    campaign again changes nothing.
    """
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if locked.status != Campaign.Status.LIVE:
        blockers = campaign_blockers(locked)
        if blockers:
            listed = "; ".join(
                f"{item.label}: {' '.join(str(detail) for detail in item.detail)}"
                for item in blockers
            )
            raise ApplicationError(
                _("Not published: %(missing)s") % {"missing": listed},
                code="campaign_not_ready",
                status=409,
                extra={"missing": [str(item.label) for item in blockers]},
            )
    return campaign_set_status(campaign=campaign, status=Campaign.Status.LIVE, actor=actor)


# The audit action of an organizer's answer to "could taking part put a supporter at risk?".
SENSITIVITY_ANSWERED = "campaign_sensitivity"


def campaign_sensitivity_record(*, campaign: Campaign, actor=None) -> None:
    """Keep in the audit trail who answered whether the campaign is sensitive, and what
    (the answer itself is the campaign's `sensitive`)."""
    audit_record(
        actor=actor,
        action=SENSITIVITY_ANSWERED,
        target=campaign,
        details={"sensitive": bool(campaign.sensitive)},
    )


# Why a translation is not published yet, followed by the texts it lacks.
INCOMPLETE = {
    "es": _lazy("Not published in Spanish: these texts have no Spanish version yet: %(missing)s."),
}


@transaction.atomic
def campaign_translation_publish(*, campaign: Campaign, language: str, actor=None) -> Campaign:
    """Show the campaign in `language` to supporters reading the site in it.

    Refused (ApplicationError naming each missing text) while any text written in the
    campaign's language has no `language` version. Publishing again changes nothing; each
    change is written to the audit trail.
    """
    if language not in TRANSLATIONS:
        raise ApplicationError(_("The campaign cannot be translated into this language."))
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if language in locked.published_translations:
        campaign.published_translations = locked.published_translations
        return campaign
    missing = [
        f"{item.label} ({', '.join(item.missing)})"
        for item in campaign_translation_checklist(locked, language)
        if item.missing
    ]
    if missing:
        raise ApplicationError(
            str(INCOMPLETE[language]) % {"missing": "; ".join(missing)},
            code="translation_incomplete",
            status=409,
        )
    return _translations_set(campaign, locked, [*locked.published_translations, language], actor)


@transaction.atomic
def campaign_translation_withdraw(*, campaign: Campaign, language: str, actor=None) -> Campaign:
    """Stop showing the campaign in `language`: its readers see it in the campaign's own
    language again, with a note. Withdrawing what is not published changes nothing."""
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if language not in locked.published_translations:
        campaign.published_translations = locked.published_translations
        return campaign
    kept = [code for code in locked.published_translations if code != language]
    return _translations_set(campaign, locked, kept, actor)


def _translations_set(campaign: Campaign, locked: Campaign, languages: list[str], actor):
    previous = locked.published_translations
    Campaign.objects.filter(pk=campaign.pk).update(published_translations=languages)
    transaction.on_commit(campaign_lookup_forget)
    campaign.published_translations = languages
    audit_record(
        actor=actor,
        action="campaign_translations",
        target=campaign,
        details={"from": previous, "to": languages},
    )
    return campaign
