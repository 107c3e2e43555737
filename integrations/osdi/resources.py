"""Our rows as OSDI resources (fields named as in the OSDI specification's examples)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, F, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Greatest

from actioncenter.siteurl import site_url
from campaigns.models import Campaign, Supporter
from integrations.osdi.hal import osdi_date, resource
from legislators.states import STATES_BY_CODE
from letters.models import Delivery, Letter, LetterAction
from metrics.totals import campaign_totals
from movement.identity import site_identity
from petitions.models import Petition, Signature
from signups.models import UpdatesSubscription

TERRITORIES = {"PR", "GU", "VI", "AS", "MP"}


@dataclass(frozen=True)
class Links:
    """Builds absolute URLs of OSDI endpoints: `links("petition", pk)`."""

    absolute: Callable[..., str]

    def __call__(self, name: str, *args) -> str:
        return self.absolute(name, *args)

    def curies(self) -> list[dict]:
        """The `osdi:` prefix of link relations, pointing at this site's own pages that
        describe each resource and helper."""
        href = self.absolute("docs", "REL").replace("REL", "{rel}")
        return [{"name": "osdi", "href": href, "templated": True}]


# Which column holds each resource's dates, for `filter=modified_date gt '…'`.
CAMPAIGN_DATES = {"created_date": "created_at", "modified_date": "updated_at"}
SIGNATURE_DATES = {"created_date": "created_at", "modified_date": "created_at"}
OUTREACH_DATES = {"created_date": "created_at", "modified_date": "modified_at"}
PERSON_DATES = {"created_date": "created_at", "modified_date": "modified_at"}


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
        "motd": f"{site_identity('en').name} OSDI API",
        "vendor_name": site_identity("en").name,
        "product_name": "actioncenter",
        "osdi_version": "1.0",
        "_links": {
            "self": {"href": links("entry-point")},
            "osdi:petitions": {"href": links("petitions")},
            "osdi:advocacy_campaigns": {"href": links("advocacy-campaigns")},
            "osdi:people": {"href": links("people")},
            "curies": links.curies(),
        },
    }


# --- petitions and signatures ------------------------------------------------------


def petition_queryset():
    has_petition = Exists(Petition.objects.filter(campaign=OuterRef("pk")))
    return Campaign.objects.filter(has_petition).select_related("petition").order_by("pk")


def _browser_url(campaign: Campaign) -> str:
    return site_url() + campaign.get_absolute_url()


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
    return Signature.objects.select_related("supporter", "osdi_origin").order_by("pk")


def _origin(item):
    """What a partner's system sent when it recorded `item` here, or None."""
    try:
        return item.osdi_origin
    except AttributeError:  # the reverse one-to-one is missing: recorded on this site
        return None


def _referrer_data(origin, source: str) -> dict:
    return {**(origin.referrer_data if origin else {}), "source": source}


def _partner_fields(origin) -> dict:
    if origin is None:
        return {}
    return {"foreign_identifiers": origin.identifiers, "origin_system": origin.origin_system}


def signature(item: Signature, links: Links) -> dict:
    origin = _origin(item)
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
            "action_date": osdi_date((origin and origin.action_date) or item.created_at),
            "comments": item.comment,
            "referrer_data": _referrer_data(origin, item.source),
        },
        **_partner_fields(origin),
    )


# --- advocacy campaigns and outreaches ------------------------------------------------


def advocacy_campaign_queryset():
    has_letter = Exists(LetterAction.objects.filter(campaign=OuterRef("pk")))
    return Campaign.objects.filter(has_letter).select_related("letter_action").order_by("pk")


def advocacy_campaign(campaign: Campaign, links: Links) -> dict:
    totals = campaign_totals(campaign.pk)
    return resource(
        pk=campaign.pk,
        created=campaign.created_at,
        modified=campaign.updated_at,
        links={
            "self": links("advocacy-campaign", campaign.pk),
            "osdi:outreaches": links("advocacy-campaign-outreaches", campaign.pk),
            "osdi:record_outreach_helper": links("record-outreach-helper", campaign.pk),
        },
        fields={
            "name": campaign.slug,
            "title": campaign.title,
            "description": _description(campaign),
            "summary": campaign.summary,
            "targets": "U.S. Congress",
            "browser_url": _browser_url(campaign),
            "type": "email",
            # One outreach per supporter's letter, whatever the number of offices.
            "total_outreaches": totals.get("letters", 0),
        },
    )


def outreach_queryset():
    """Letters, one outreach each; `modified_at` moves when any of its offices' deliveries
    reaches a final state (PostgreSQL's GREATEST ignores the NULL of none)."""
    deliveries = Delivery.objects.select_related("legislator").order_by("chamber", "office_code")
    return (
        Letter.objects.select_related("campaign", "osdi_origin")
        .prefetch_related(Prefetch("deliveries", queryset=deliveries))
        .annotate(modified_at=Greatest(F("created_at"), Max("deliveries__finished_at")))
        .order_by("created_at", "pk")
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
    # Not in OSDI's example: how far this site got delivering the letter to that office.
    target["delivery_status"] = delivery.status
    return target


def _house_title(state: str) -> str:
    facts = STATES_BY_CODE.get(state)
    return facts.house_member_title if facts else "Representative"


def outreach(letter: Letter, links: Links) -> dict:
    """One supporter's letter with every office it went to as `targets`; the text only for
    campaigns that are not sensitive. A letter a partner's system recorded keeps the
    targets, type and dates it sent."""
    origin = _origin(letter)
    deliveries = list(letter.deliveries.all())
    first = deliveries[0] if deliveries else None
    fields = {
        "action_date": osdi_date((origin and origin.action_date) or letter.created_at),
        "type": origin.outreach_type if origin else "email",
        "subject": origin.subject if origin else (first.subject if first else ""),
        "referrer_data": _referrer_data(origin, letter.source),
        "targets": origin.targets if origin else [_target(d) for d in deliveries],
    }
    if origin and origin.duration is not None:
        fields["duration"] = origin.duration
    if letter.campaign.sensitive is False:  # unanswered counts as sensitive
        fields["message"] = letter.edited_template if origin else (first.body if first else "")
    return resource(
        pk=letter.pk,
        created=letter.created_at,
        modified=getattr(letter, "modified_at", None) or letter.created_at,
        links={
            "self": links("outreach", letter.campaign_id, letter.pk),
            "osdi:advocacy_campaign": links("advocacy-campaign", letter.campaign_id),
            "osdi:person": links("person", letter.supporter_id),
        },
        fields=fields,
        **_partner_fields(origin),
    )


# --- people -------------------------------------------------------------------------------


def _latest_letter(field: str):
    """`field` of the supporter's most recent letter that has it (purged ones have none)."""
    letters = Letter.objects.filter(supporter=OuterRef("pk")).exclude(**{field: ""})
    return Subquery(letters.order_by("-created_at").values(field)[:1])


def _latest_subscription_change(field: str):
    changes = UpdatesSubscription.objects.filter(
        supporter=OuterRef("pk"), **{f"{field}__isnull": False}
    )
    return Subquery(changes.order_by(f"-{field}").values(field)[:1])


def person_queryset():
    """Supporters; `modified_at` also moves when they confirm or leave an updates list, so
    an incremental sync sees the new email status."""
    confirmed = UpdatesSubscription.objects.filter(
        supporter=OuterRef("pk"), status=UpdatesSubscription.Status.CONFIRMED
    )
    return (
        Supporter.objects.prefetch_related("osdi_identifiers")
        .annotate(
            modified_at=Greatest(
                F("updated_at"),
                _latest_subscription_change("confirmed_at"),
                _latest_subscription_change("unsubscribed_at"),
            ),
            subscribed=Exists(confirmed),
            letter_phone=_latest_letter("phone"),
            letter_city=_latest_letter("city"),
            letter_state=_latest_letter("state"),
        )
        .order_by("pk")
    )


def _postal_addresses(supporter: Supporter) -> list[dict]:
    address = {
        "primary": True,
        "locality": supporter.city or getattr(supporter, "letter_city", None) or "",
        "region": supporter.state or getattr(supporter, "letter_state", None) or "",
        "postal_code": supporter.zip_code,
        "country": "US",
    }
    address = {name: value for name, value in address.items() if value != ""}
    return [address] if address.keys() - {"primary", "country"} else []


def person(supporter: Supporter, links: Links) -> dict:
    """A supporter: the email with its subscription status (`subscribed` once they
    confirmed updates from any campaign), the town, state and ZIP code, and the phone
    number they gave with a letter, if any. Never the street address."""
    phone = getattr(supporter, "letter_phone", None)
    status = "subscribed" if getattr(supporter, "subscribed", False) else "unsubscribed"
    return resource(
        pk=supporter.pk,
        created=supporter.created_at,
        modified=getattr(supporter, "modified_at", None) or supporter.updated_at,
        links={
            "self": links("person", supporter.pk),
            "osdi:signatures": links("person-signatures", supporter.pk),
            "osdi:outreaches": links("person-outreaches", supporter.pk),
        },
        fields={
            "given_name": supporter.first_name,
            "family_name": supporter.last_name,
            "email_addresses": [{"primary": True, "address": supporter.email, "status": status}],
            "postal_addresses": _postal_addresses(supporter),
            "phone_numbers": [{"primary": True, "number": phone}] if phone else [],
            "source": supporter.source,
        },
        foreign_identifiers=[item.value for item in supporter.osdi_identifiers.all()],
    )
