from datetime import date

import pytest

from actioncenter.exceptions import ApplicationError
from campaigns.models import ConsentRecord, Signature, UpdatesSubscription
from campaigns.services.campaigns import campaign_set_status
from campaigns.services.signatures import signature_create
from campaigns.services.signups import signup_create
from campaigns.totals import campaign_totals, campaign_totals_by, record_event
from tests.campaigns.factories import PartnerFactory, petition_campaign, signer
from tests.legislators.factories import ZipDistrictFactory

pytestmark = pytest.mark.django_db


def test_signing_counts_one_signature_and_one_supporter(campaign):
    _signature, created = signature_create(campaign=campaign, **signer(1))
    assert created
    assert campaign_totals(campaign.pk) == {"signatures": 1, "supporters": 1}


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
    assert totals == {"signatures": 1, "signups": 1, "supporters": 1}


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


def test_breakdowns_by_state_district_source_and_day(campaign):
    ZipDistrictFactory(zcta="22150", state="VA", district=8)
    ZipDistrictFactory(zcta="94103", state="CA", district=11)
    signature_create(campaign=campaign, source="mail", **signer(1, zip_code="22150"))
    signature_create(campaign=campaign, source="mail", **signer(2, zip_code="22150"))
    signature_create(campaign=campaign, source="fb", **signer(3, zip_code="94103"))
    by_state = campaign_totals_by(campaign.pk, "state", metrics=["signatures"])
    assert by_state == [
        {"state": "CA", "metric": "signatures", "total": 1},
        {"state": "VA", "metric": "signatures", "total": 2},
    ]
    by_district = campaign_totals_by(campaign.pk, "district", metrics=["signatures"])
    assert {row["district"]: row["total"] for row in by_district} == {8: 2, 11: 1}
    by_source = campaign_totals_by(campaign.pk, "source", metrics=["signatures"])
    assert {row["source"]: row["total"] for row in by_source} == {"fb": 1, "mail": 2}
    by_day = campaign_totals_by(campaign.pk, "day", metrics=["signatures"])
    assert [row["total"] for row in by_day] == [3]


def test_breakdown_by_day_respects_the_date_range(campaign):
    record_event(campaign_id=campaign.pk, metric="letters", day=date(2026, 1, 1))
    record_event(campaign_id=campaign.pk, metric="letters", day=date(2026, 2, 1), amount=4)
    rows = campaign_totals_by(campaign.pk, "day", date_from=date(2026, 1, 15))
    assert rows == [{"day": date(2026, 2, 1), "metric": "letters", "total": 4}]
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


def test_no_updates_without_opting_in(campaign, mailoutbox):
    signature_create(campaign=campaign, **signer(1))
    assert not UpdatesSubscription.objects.exists()
    assert mailoutbox == []


def test_closed_campaign_accepts_no_signatures(campaign):
    campaign_set_status(campaign=campaign, status="closed")
    with pytest.raises(ApplicationError):
        signature_create(campaign=campaign, **signer(1))
    assert campaign_totals(campaign.pk) == {}
