from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign, ConsentRecord, Partner, Signature
from campaigns.services.attribution import place_for_zip
from campaigns.services.participation import participation_metrics
from campaigns.services.signatures_pg import signature_insert_statement
from campaigns.services.subscriptions import subscription_request
from campaigns.services.supporters import supporter_upsert
from campaigns.sql import insert_ignore
from campaigns.totals import record_events

# Columns written when signing (the primary key comes back from the database).
FIELDS = [field for field in Signature._meta.concrete_fields if not field.primary_key]


def campaign_require_live(campaign: Campaign) -> None:
    if not campaign.accepts_actions:
        raise ApplicationError(
            _("This campaign is no longer accepting actions."), code="campaign_closed", status=409
        )


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
    fields = {
        "email": email,
        "first_name": first_name,
        "last_name": last_name,
        "zip_code": zip_code,
        "comment": comment,
        "source": source,
        "show_publicly": show_publicly,
        "partner_ids": list(partner_ids or ()),
    }
    if connection.vendor == "postgresql" and not details and not updates_opt_in:
        return _signature_create_one_statement(campaign, **fields)
    with transaction.atomic():
        return _signature_create(campaign, updates_opt_in=updates_opt_in, **fields, **details)


def _signature_create_one_statement(campaign: Campaign, **fields) -> tuple[Signature, bool]:
    supporter_id, signature_id, state, district, now = signature_insert_statement(
        campaign_id=campaign.pk, **fields
    )
    if signature_id is None:
        return Signature.objects.get(campaign=campaign, supporter_id=supporter_id), False
    signature = Signature(
        pk=signature_id,
        campaign=campaign,
        supporter_id=supporter_id,
        zip_code=fields["zip_code"],
        state=state,
        district=district,
        comment=fields["comment"],
        source=fields["source"],
        show_publicly=fields["show_publicly"],
        created_at=now,
    )
    signature._state.adding = False
    return signature, True


def _signature_create(
    campaign: Campaign,
    *,
    email,
    first_name,
    last_name,
    zip_code,
    comment,
    source,
    show_publicly,
    partner_ids,
    updates_opt_in,
    **details,
) -> tuple[Signature, bool]:
    supporter = supporter_upsert(
        email=email,
        first_name=first_name,
        last_name=last_name,
        zip_code=zip_code,
        source=source,
        **details,
    )
    place = place_for_zip(zip_code)
    signature = Signature(
        campaign=campaign,
        supporter=supporter,
        zip_code=zip_code,
        state=place.state,
        district=place.district,
        comment=comment,
        source=source,
        show_publicly=show_publicly,
        created_at=timezone.now(),
    )
    values = {field.name: getattr(signature, field.attname) for field in FIELDS}
    signature.pk = insert_ignore(Signature, values, conflict=["campaign", "supporter"])
    if signature.pk is None:  # signed before (or at this very moment, in another request)
        return Signature.objects.get(campaign=campaign, supporter=supporter), False
    signature._state.adding = False
    metrics = ["signatures"]
    metrics += participation_metrics(campaign_id=campaign.pk, supporter=supporter)
    record_events(
        campaign_id=campaign.pk,
        metrics=metrics,
        state=place.state,
        district=place.district,
        source=source,
    )
    _consents(signature, updates_opt_in=updates_opt_in, partner_ids=partner_ids)
    return signature, True


def _consents(signature: Signature, *, updates_opt_in: bool, partner_ids) -> None:
    """The signature is new, so are its consents: written in one statement."""
    campaign, supporter = signature.campaign, signature.supporter
    purposes = [ConsentRecord.Purpose.PETITION]
    if signature.show_publicly:
        purposes.append(ConsentRecord.Purpose.PUBLIC_LISTING)
    records = [ConsentRecord(supporter=supporter, campaign=campaign, purpose=p) for p in purposes]
    if partner_ids:
        partners = Partner.objects.filter(campaign=campaign, cosponsor=True, pk__in=partner_ids)
        records += [
            ConsentRecord(
                supporter=supporter,
                campaign=campaign,
                purpose=ConsentRecord.Purpose.PARTNER,
                partner=partner,
            )
            for partner in partners
        ]
    ConsentRecord.objects.bulk_create(records)
    if updates_opt_in:
        subscription_request(supporter=supporter, campaign=campaign)
