from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign, ConsentRecord, Partner, Signature
from campaigns.services.attribution import place_for_zip
from campaigns.services.participation import participation_record
from campaigns.services.subscriptions import subscription_request
from campaigns.services.supporters import consent_record, supporter_upsert
from campaigns.totals import record_event


def campaign_require_live(campaign: Campaign) -> None:
    if not campaign.accepts_actions:
        raise ApplicationError(
            _("This campaign is no longer accepting actions."), code="campaign_closed", status=409
        )


@transaction.atomic
def signature_create(
    *,
    campaign: Campaign,
    email: str,
    first_name: str = "",
    last_name: str = "",
    zip_code: str = "",
    comment: str = "",
    source: str = "",
    updates_opt_in: bool = False,
    show_publicly: bool = False,
    partner_ids=(),
    **details,
) -> tuple[Signature, bool]:
    """Sign the campaign's petition; returns (signature, created).

    A second signature with the same email (any case or spacing) returns the first one with
    created=False and counts nothing. A new signature, its consents, the "signatures" and
    "supporters" counters and the supporter row commit together. Raises ApplicationError
    when the campaign has no open petition or is not live.
    """
    campaign_require_live(campaign)
    petition = getattr(campaign, "petition", None)  # the missing relation is an AttributeError
    if petition is None or not petition.is_active:
        raise ApplicationError(_("This petition is closed."), code="petition_closed", status=409)
    supporter = supporter_upsert(
        email=email,
        first_name=first_name,
        last_name=last_name,
        zip_code=zip_code,
        source=source,
        **details,
    )
    existing = Signature.objects.filter(campaign=campaign, supporter=supporter).first()
    if existing is not None:
        return existing, False
    place = place_for_zip(zip_code)
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                campaign=campaign,
                supporter=supporter,
                zip_code=zip_code,
                state=place.state,
                district=place.district,
                comment=comment,
                source=source,
                show_publicly=show_publicly,
            )
    except IntegrityError:  # the same person signing twice at the same moment
        return Signature.objects.get(campaign=campaign, supporter=supporter), False
    counted = {"state": place.state, "district": place.district, "source": source}
    record_event(campaign_id=campaign.pk, metric="signatures", **counted)
    participation_record(campaign_id=campaign.pk, supporter_id=supporter.pk, **counted)
    _consents(signature, updates_opt_in=updates_opt_in, partner_ids=partner_ids)
    return signature, True


def _consents(signature: Signature, *, updates_opt_in: bool, partner_ids) -> None:
    campaign, supporter = signature.campaign, signature.supporter
    consent_record(supporter=supporter, campaign=campaign, purpose=ConsentRecord.Purpose.PETITION)
    if signature.show_publicly:
        consent_record(
            supporter=supporter, campaign=campaign, purpose=ConsentRecord.Purpose.PUBLIC_LISTING
        )
    partners = Partner.objects.filter(campaign=campaign, cosponsor=True, pk__in=list(partner_ids))
    for partner in partners:
        consent_record(
            supporter=supporter,
            campaign=campaign,
            purpose=ConsentRecord.Purpose.PARTNER,
            partner=partner,
        )
    if updates_opt_in:
        subscription_request(supporter=supporter, campaign=campaign)
