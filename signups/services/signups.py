from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from actioncenter.queue import enqueue
from campaigns.models import Campaign, ConsentRecord
from campaigns.services.actions import Action, action_record
from campaigns.services.audit import audit_record
from campaigns.services.campaigns import campaign_require_live
from campaigns.services.supporters import Person
from metrics.record import record
from signups.models import OrganizationSignOn, Signup
from signups.services.subscriptions import subscription_request


def _require_signup_action(campaign: Campaign):
    action = getattr(campaign, "signup_action", None)  # the missing relation is an AttributeError
    if action is None:
        raise ApplicationError(_("This campaign does not take sign-ups."), code="no_signups")
    return action


@transaction.atomic
def signup_create(
    *,
    campaign: Campaign,
    email: str,
    first_name: str = "",
    last_name: str = "",
    zip_code: str = "",
    source: str = "",
    updates_opt_in: bool = False,
) -> tuple[Signup, bool]:
    """Join the movement as an individual; returns (signup, created). Repeats count nothing
    (asking for updates again still sends the confirmation link)."""
    campaign_require_live(campaign)
    _require_signup_action(campaign)
    recorded = action_record(
        Action(
            model=Signup,
            campaign_id=campaign.pk,
            values={"source": source},
            unique=["campaign", "supporter"],
            counts={"signups": 1},
            consents=[ConsentRecord.Purpose.SIGNUP],
            source=source,
        ),
        Person(email=email, first_name=first_name, last_name=last_name, zip_code=zip_code),
    )
    signup = Signup.objects.select_related("supporter").get(
        campaign=campaign, supporter_id=recorded.supporter_id
    )
    if updates_opt_in:
        subscription_request(supporter=signup.supporter, campaign=campaign)
    return signup, recorded.created


@transaction.atomic
def organization_signon_submit(
    *,
    campaign: Campaign,
    name: str,
    contact_name: str,
    contact_email: str,
    website: str = "",
    statement: str = "",
    logo=None,
    source: str = "",
) -> OrganizationSignOn:
    """An organization asks to sign on; it waits in the staff approval queue (not public)."""
    campaign_require_live(campaign)
    action = _require_signup_action(campaign)
    if not action.accepts_organizations:
        raise ApplicationError(_("Organizations cannot sign on here."), code="no_organizations")
    signon = OrganizationSignOn(
        campaign=campaign,
        name=name,
        website=website,
        contact_name=contact_name,
        contact_email=contact_email.strip(),
        statement=statement,
        source=source,
    )
    if logo:
        signon.logo = logo
    signon.save()
    record(campaign_id=campaign.pk, deltas={"organization_requests": 1}, source=source)
    _email_contact(signon, "received", translation.get_language())
    return signon


def _email_contact(signon: OrganizationSignOn, kind: str, language: str | None = None) -> None:
    """The email after commit; in `language` (the contact's, when they wrote in), else the
    campaign's."""
    enqueue("signups.tasks.organization_signon_email", signon.pk, kind, language)


@transaction.atomic
def organization_signon_review(
    *, signon: OrganizationSignOn, approve: bool, actor=None
) -> OrganizationSignOn:
    """Approve (listed publicly, counted in "organizations") or reject a sign-on; audited.

    Repeating the same decision changes nothing; a decision can be reversed.
    """
    locked = OrganizationSignOn.objects.select_for_update().get(pk=signon.pk)
    status = OrganizationSignOn.Status.APPROVED if approve else OrganizationSignOn.Status.REJECTED
    if locked.status == status:
        return locked
    if locked.status == OrganizationSignOn.Status.APPROVED:
        record(campaign_id=locked.campaign_id, deltas={"organizations": -1})
    if approve:
        record(campaign_id=locked.campaign_id, deltas={"organizations": 1}, source=locked.source)
    previous = locked.status
    locked.status = status
    locked.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.reviewed_at = timezone.now()
    locked.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    audit_record(
        actor=actor,
        action="organization_signon_review",
        target=locked,
        details={"from": previous, "to": status, "campaign": locked.campaign_id},
    )
    if approve:
        _email_contact(locked, "approved")
    return locked
