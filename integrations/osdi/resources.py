"""Our rows as OSDI resources (fields named as in the OSDI specification's examples)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from campaigns.api.serializers import CleanCharField
from campaigns.forms import ZIP_VALIDATOR
from campaigns.models import Campaign, Supporter
from integrations.osdi.hal import osdi_date, resource
from legislators.states import STATES_BY_CODE
from letters.models import Delivery, LetterAction
from metrics.totals import campaign_totals
from petitions.api.serializers import SignatureInputSerializer
from petitions.models import Petition, Signature
from petitions.services import signature_create

TERRITORIES = {"PR", "GU", "VI", "AS", "MP"}


@dataclass(frozen=True)
class Links:
    """Builds absolute URLs of OSDI endpoints: `links("petition", pk)`."""

    absolute: Callable[..., str]

    def __call__(self, name: str, *args) -> str:
        return self.absolute(name, *args)


def ocd_division(state: str, district: int | None = None) -> str:
    """The Open Civic Data division id of a state, or of one of its congressional districts.

    At-large seats (district 0) and senators are identified by the state itself.
    """
    code = state.lower()
    if state == "DC":
        return "ocd-division/country:us/district:dc"
    if state in TERRITORIES:
        return f"ocd-division/country:us/territory:{code}"
    base = f"ocd-division/country:us/state:{code}"
    return f"{base}/cd:{district}" if district else base


def entry_point(links: Links) -> dict:
    return {
        "motd": f"{settings.SITE_NAME} OSDI API",
        "vendor_name": settings.SITE_NAME,
        "product_name": "actioncenter",
        "osdi_version": "1.0",
        "_links": {
            "self": {"href": links("entry-point")},
            "osdi:petitions": {"href": links("petitions")},
            "osdi:advocacy_campaigns": {"href": links("advocacy-campaigns")},
            "osdi:people": {"href": links("people")},
            "curies": [
                {
                    "name": "osdi",
                    "href": "https://opensupporter.github.io/osdi-docs/{rel}",
                    "templated": True,
                }
            ],
        },
    }


# --- petitions and signatures ------------------------------------------------------


def petition_queryset():
    has_petition = Exists(Petition.objects.filter(campaign=OuterRef("pk")))
    return Campaign.objects.filter(has_petition).select_related("petition").order_by("pk")


def _browser_url(campaign: Campaign) -> str:
    return settings.SITE_URL + campaign.get_absolute_url()


def _description(campaign: Campaign) -> str:
    """The campaign's story as sanitized HTML (OSDI descriptions are HTML)."""
    return str(campaign.body_html)


def petition(campaign: Campaign, links: Links) -> dict:
    config = campaign.petition
    totals = campaign_totals(campaign.pk)
    return resource(
        pk=campaign.pk,
        created=campaign.created_at,
        modified=campaign.updated_at,
        links={
            "self": links("petition", campaign.pk),
            "osdi:signatures": links("petition-signatures", campaign.pk),
            "osdi:record_signature_helper": links("record-signature-helper", campaign.pk),
        },
        fields={
            "name": campaign.slug,
            "title": campaign.title,
            "description": _description(campaign),
            "summary": campaign.summary,
            "petition_text": config.text,
            "browser_url": _browser_url(campaign),
            "total_signatures": totals.get("signatures", 0),
            "target": [{"name": "U.S. Congress"}],
        },
    )


def signature_queryset():
    return Signature.objects.select_related("supporter").order_by("pk")


def signature(item: Signature, links: Links) -> dict:
    return resource(
        pk=item.pk,
        created=item.created_at,
        modified=item.created_at,
        links={
            "self": links("signature", item.campaign_id, item.pk),
            "osdi:petition": links("petition", item.campaign_id),
            "osdi:person": links("person", item.supporter_id),
        },
        fields={
            "action_date": resource_date(item.created_at),
            "comments": item.comment,
            "referrer_data": {"source": item.source},
        },
    )


def resource_date(value) -> str | None:
    return osdi_date(value)


class OsdiSignatureInput(SignatureInputSerializer):
    """The public form's rules for a signature; a partner's system may not know the
    person's name or ZIP code."""

    first_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    last_name = CleanCharField(max_length=100, required=False, allow_blank=True, default="")
    zip_code = CleanCharField(
        max_length=10, validators=[ZIP_VALIDATOR], required=False, allow_blank=True, default=""
    )


def _object(value) -> dict:
    return value if isinstance(value, dict) else {}


def _primary(items) -> dict:
    """The item marked primary in an OSDI list, else the first one."""
    items = [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return next((item for item in items if item.get("primary")), items[0] if items else {})


def _signature_input(data) -> dict:
    """The public form's fields from an OSDI record-signature body."""
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("The body must be a JSON object.")]})
    person = _object(data.get("person"))
    email = _primary(person.get("email_addresses")).get("address")
    if not email:
        raise ValidationError({"person": [_("An email address is required.")]})
    return {
        "email": email,
        "first_name": person.get("given_name") or "",
        "last_name": person.get("family_name") or "",
        "zip_code": str(_primary(person.get("postal_addresses")).get("postal_code") or ""),
        "comment": str(data.get("comments") or "")[:1000],
        "source": str(_object(data.get("referrer_data")).get("source") or "")[:64],
    }


def record_signature(campaign: Campaign, data) -> tuple[Signature, bool]:
    """Sign `campaign`'s petition through the same rules and service as the public API."""
    serializer = OsdiSignatureInput(data=_signature_input(data))
    serializer.is_valid(raise_exception=True)
    fields = dict(serializer.validated_data)
    fields.pop("website_url", None)
    return signature_create(campaign=campaign, **fields)


# --- advocacy campaigns and outreaches ------------------------------------------------


def advocacy_campaign_queryset():
    has_letter = Exists(LetterAction.objects.filter(campaign=OuterRef("pk")))
    return Campaign.objects.filter(has_letter).select_related("letter_action").order_by("pk")


def advocacy_campaign(campaign: Campaign, links: Links) -> dict:
    totals = campaign_totals(campaign.pk)
    outreaches = sum(value for name, value in totals.items() if name.startswith("deliveries_"))
    return resource(
        pk=campaign.pk,
        created=campaign.created_at,
        modified=campaign.updated_at,
        links={
            "self": links("advocacy-campaign", campaign.pk),
            "osdi:outreaches": links("advocacy-campaign-outreaches", campaign.pk),
        },
        fields={
            "name": campaign.slug,
            "title": campaign.title,
            "description": _description(campaign),
            "summary": campaign.summary,
            "targets": "U.S. Congress",
            "browser_url": _browser_url(campaign),
            "type": "email",
            "total_outreaches": outreaches,
        },
    )


def outreach_queryset():
    return Delivery.objects.select_related("legislator", "letter", "campaign").order_by(
        "created_at", "pk"
    )


def _target(delivery) -> dict:
    legislator = delivery.legislator
    senate = delivery.chamber == "senate"
    target = {
        "title": "Senator" if senate else _house_title(delivery.office_state),
        "organization": "U.S. Senate" if senate else "U.S. House of Representatives",
        "ocdid": ocd_division(delivery.office_state, None if senate else delivery.office_district),
    }
    if legislator is not None:
        target["given_name"] = legislator.first_name
        target["family_name"] = legislator.last_name
    else:
        target["name"] = delivery.office_name
    return target


def _house_title(state: str) -> str:
    facts = STATES_BY_CODE.get(state)
    return facts.house_member_title if facts else "Representative"


def outreach(delivery, links: Links) -> dict:
    """One delivery of a letter to one office; the text only for non-sensitive campaigns."""
    fields = {
        "action_date": resource_date(delivery.created_at),
        "type": "email",
        "subject": delivery.subject,
        "status": delivery.status,
        "referrer_data": {"source": delivery.letter.source},
        "targets": [_target(delivery)],
    }
    if not delivery.campaign.sensitive:
        fields["message"] = delivery.body
    return resource(
        pk=delivery.pk,
        created=delivery.created_at,
        modified=delivery.finished_at or delivery.created_at,
        links={
            "self": links("outreach", delivery.campaign_id, delivery.pk),
            "osdi:advocacy_campaign": links("advocacy-campaign", delivery.campaign_id),
            "osdi:person": links("person", delivery.supporter_id),
        },
        fields=fields,
    )


# --- people -------------------------------------------------------------------------------


def person_queryset():
    return Supporter.objects.order_by("pk")


def person(supporter: Supporter, links: Links) -> dict:
    postal = [{"primary": True, "postal_code": supporter.zip_code, "country": "US"}]
    return resource(
        pk=supporter.pk,
        created=supporter.created_at,
        modified=getattr(supporter, "updated_at", None) or supporter.created_at,
        links={
            "self": links("person", supporter.pk),
            "osdi:signatures": links("person-signatures", supporter.pk),
            "osdi:outreaches": links("person-outreaches", supporter.pk),
        },
        fields={
            "given_name": supporter.first_name,
            "family_name": supporter.last_name,
            "email_addresses": [{"primary": True, "address": supporter.email}],
            "postal_addresses": postal if supporter.zip_code else [],
            "source": getattr(supporter, "source", ""),
        },
    )
