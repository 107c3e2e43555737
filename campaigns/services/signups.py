from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign, ConsentRecord, OrganizationSignOn, Signup
from campaigns.services.attribution import place_for_zip
from campaigns.services.audit import audit_record
from campaigns.services.participation import participation_metrics
from campaigns.services.signatures import campaign_require_live
from campaigns.services.subscriptions import subscription_request
from campaigns.services.supporters import consent_record, supporter_upsert
from campaigns.totals import record_event, record_events


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
    """Join the movement as an individual; returns (signup, created). Repeats count nothing."""
    campaign_require_live(campaign)
    _require_signup_action(campaign)
    supporter = supporter_upsert(
        email=email, first_name=first_name, last_name=last_name, zip_code=zip_code, source=source
    )
    existing = Signup.objects.filter(campaign=campaign, supporter=supporter).first()
    if existing is not None:
        if updates_opt_in:
            subscription_request(supporter=supporter, campaign=campaign)
        return existing, False
    place = place_for_zip(zip_code)
    try:
        with transaction.atomic():
            signup = Signup.objects.create(
                campaign=campaign,
                supporter=supporter,
                state=place.state,
                district=place.district,
                source=source,
            )
    except IntegrityError:
        return Signup.objects.get(campaign=campaign, supporter=supporter), False
    metrics = ["signups"]
    metrics += participation_metrics(campaign_id=campaign.pk, supporter=supporter)
    record_events(
        campaign_id=campaign.pk,
        metrics=metrics,
        state=place.state,
        district=place.district,
        source=source,
    )
    consent_record(supporter=supporter, campaign=campaign, purpose=ConsentRecord.Purpose.SIGNUP)
    if updates_opt_in:
        subscription_request(supporter=supporter, campaign=campaign)
    return signup, True


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
    record_event(campaign_id=campaign.pk, metric="organization_requests", source=source)
    _email_contact(signon, "received")
    return signon


def _email_contact(signon: OrganizationSignOn, kind: str) -> None:
    from campaigns.tasks import organization_signon_email_send

    transaction.on_commit(
        lambda: organization_signon_email_send.delay(signon.pk, kind), robust=True
    )


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
        record_event(campaign_id=locked.campaign_id, metric="organizations", amount=-1)
    if approve:
        record_event(campaign_id=locked.campaign_id, metric="organizations", source=locked.source)
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
