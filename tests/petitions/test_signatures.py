from datetime import date

import pytest
from django.utils import timezone

from actioncenter.exceptions import ApplicationError
from campaigns.models import ConsentRecord
from campaigns.services.campaigns import campaign_set_status
from metrics.breakdowns import breakdowns
from metrics.periods import Period
from metrics.totals import campaign_totals
from petitions.models import Signature
from petitions.services import signature_create
from signups.models import UpdatesSubscription
from signups.services.signups import signup_create
from tests.campaigns.factories import PartnerFactory
from tests.legislators.factories import ZipDistrictFactory
from tests.petitions.factories import petition_campaign, signer
from tests.support.metrics import record_event

pytestmark = pytest.mark.django_db


def test_signing_counts_one_signature_and_one_supporter(campaign):
    _signature, created = signature_create(campaign=campaign, **signer(1))
    assert created
    assert campaign_totals(campaign.pk) == {"signatures": 1, "supporters": 1, "supporters_new": 1}


def test_second_signature_with_same_email_is_not_counted(campaign):
    signature_create(campaign=campaign, **signer(1))
    again, created = signature_create(campaign=campaign, **signer(1, email=" SIGNER1@Example.org "))
    assert not created
    assert Signature.objects.count() == 1
    assert campaign_totals(campaign.pk)["signatures"] == 1


def test_person_who_signs_and_joins_is_one_distinct_supporter(campaign):
    signature_create(campaign=campaign, **signer(1))
    signup_create(campaign=campaign, **signer(1))
    totals = campaign_totals(campaign.pk)
    assert totals == {"signatures": 1, "signups": 1, "supporters": 1, "supporters_new": 1}


def test_a_supporter_we_already_knew_is_not_new_on_the_next_campaign(campaign):
    signature_create(campaign=campaign, **signer(1))
    other = petition_campaign()
    signature_create(campaign=other, **signer(1, email="SIGNER1@example.org"))
    signature_create(campaign=other, **signer(2))
    assert campaign_totals(other.pk) == {"signatures": 2, "supporters": 2, "supporters_new": 1}


def test_totals_are_per_campaign(campaign):
    other = petition_campaign()
    signature_create(campaign=campaign, **signer(1))
    signature_create(campaign=other, **signer(1))
    signature_create(campaign=other, **signer(2))
    assert campaign_totals(campaign.pk)["signatures"] == 1
    assert campaign_totals(other.pk)["signatures"] == 2


def test_signature_is_attributed_to_the_one_district_of_its_zip(campaign):
    ZipDistrictFactory(zcta="22150", state="VA", district=8)
    signature, _ = signature_create(campaign=campaign, **signer(1, zip_code="22150-1234"))
    assert (signature.state, signature.district) == ("VA", 8)


def test_zip_split_between_districts_counts_for_the_state_only(campaign):
    ZipDistrictFactory(zcta="10001", state="NY", district=10)
    ZipDistrictFactory(zcta="10001", state="NY", district=12)
    signature, _ = signature_create(campaign=campaign, **signer(1, zip_code="10001"))
    assert (signature.state, signature.district) == ("NY", None)


def test_unknown_zip_is_attributed_to_nowhere(campaign):
    signature, _ = signature_create(campaign=campaign, **signer(1, zip_code="00000"))
    assert (signature.state, signature.district) == ("", None)


def _signatures(by: dict) -> dict:
    return {key: totals["signatures"] for key, totals in by.items() if "signatures" in totals}


def test_breakdowns_by_state_district_source_and_day(campaign):
    ZipDistrictFactory(zcta="22150", state="VA", district=8)
    ZipDistrictFactory(zcta="94103", state="CA", district=11)
    ZipDistrictFactory(zcta="10001", state="NY", district=8)
    signature_create(campaign=campaign, source="mail", **signer(1, zip_code="22150"))
    signature_create(campaign=campaign, source="mail", **signer(2, zip_code="22150"))
    signature_create(campaign=campaign, source="fb", **signer(3, zip_code="94103"))
    signature_create(campaign=campaign, source="fb", **signer(4, zip_code="10001"))
    by = breakdowns(campaign.pk, Period(), today=timezone.localdate())
    assert _signatures(by["state"]) == {"CA": 1, "VA": 2, "NY": 1}
    # District 8 of Virginia and district 8 of New York are different seats.
    assert _signatures(by["district"]) == {("VA", 8): 2, ("CA", 11): 1, ("NY", 8): 1}
    assert _signatures(by["source"]) == {"fb": 2, "mail": 2}
    assert _signatures(by["day"]) == {timezone.localdate(): 4}


def test_breakdown_by_day_respects_the_date_range(campaign):
    record_event(campaign_id=campaign.pk, metric="letters", day=date(2026, 1, 1))
    record_event(campaign_id=campaign.pk, metric="letters", day=date(2026, 2, 1), amount=4)
    by = breakdowns(campaign.pk, Period(date(2026, 1, 15), None), today=date(2026, 2, 1))
    assert by["day"] == {date(2026, 2, 1): {"letters": 4}}
    assert campaign_totals(campaign.pk) == {"letters": 5}


def test_source_is_stored_on_the_action_and_on_the_supporters_first_action(campaign):
    other = petition_campaign()
    signature, _ = signature_create(campaign=campaign, source="partner-a", **signer(1))
    later, _ = signature_create(campaign=other, source="partner-b", **signer(1))
    assert (signature.source, later.source) == ("partner-a", "partner-b")
    later.supporter.refresh_from_db()
    assert later.supporter.source == "partner-a"


def test_opt_ins_are_recorded_as_consents(campaign):
    cosponsor = PartnerFactory(campaign=campaign, cosponsor=True)
    not_cosponsor = PartnerFactory(campaign=campaign, cosponsor=False)
    signature, _ = signature_create(
        campaign=campaign,
        updates_opt_in=True,
        show_publicly=True,
        partner_ids=[cosponsor.pk, not_cosponsor.pk],
        **signer(1),
    )
    purposes = set(
        ConsentRecord.objects.filter(supporter=signature.supporter).values_list(
            "purpose", "partner"
        )
    )
    assert purposes == {("petition", None), ("public_listing", None), ("partner", cosponsor.pk)}
    assert UpdatesSubscription.objects.get().status == "pending"  # waits for the email link


def test_partner_opt_ins_are_recorded_without_an_updates_opt_in(campaign):
    # On PostgreSQL this is the one-statement path, which writes partner consents itself.
    cosponsor = PartnerFactory(campaign=campaign, cosponsor=True)
    other_campaigns_partner = PartnerFactory(cosponsor=True)
    signature, _ = signature_create(
        campaign=campaign, partner_ids=[cosponsor.pk, other_campaigns_partner.pk], **signer(1)
    )
    plain, _ = signature_create(campaign=campaign, **signer(2))

    def consents(supporter):
        return set(supporter.consents.values_list("purpose", "partner"))

    assert consents(signature.supporter) == {("petition", None), ("partner", cosponsor.pk)}
    assert consents(plain.supporter) == {("petition", None)}


def test_no_updates_without_opting_in(campaign, mailoutbox):
    signature_create(campaign=campaign, **signer(1))
    assert not UpdatesSubscription.objects.exists()
    assert mailoutbox == []


def test_closed_campaign_accepts_no_signatures(campaign):
    campaign_set_status(campaign=campaign, status="closed")
    with pytest.raises(ApplicationError):
        signature_create(campaign=campaign, **signer(1))
    assert campaign_totals(campaign.pk) == {}
