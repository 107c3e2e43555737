import pytest
from django.db import IntegrityError

from campaigns.models import ConsentRecord, Supporter
from campaigns.services.supporters import consent_record, supporter_upsert

pytestmark = pytest.mark.django_db


def test_same_email_in_any_case_or_spacing_is_one_supporter():
    first = supporter_upsert(email="Ana@Example.org", first_name="Ana", source="mail-1")
    second = supporter_upsert(email="  ana@example.ORG ", last_name="Lopez", source="fb")
    assert first.pk == second.pk
    assert Supporter.objects.count() == 1
    second.refresh_from_db()
    assert (second.first_name, second.last_name) == ("Ana", "Lopez")
    assert second.source == "mail-1"  # the first action's source is kept


def test_a_later_action_fills_in_blank_details_but_never_overwrites_known_ones():
    # Anyone can type a supporter's email: what the supporter gave stays as they gave it.
    supporter_upsert(email="a@example.org", first_name="Ana", zip_code="22150")
    supporter = supporter_upsert(
        email="a@example.org", first_name="Mallory", last_name="Lopez", zip_code="10001"
    )
    known = (supporter.first_name, supporter.last_name, supporter.zip_code)
    assert known == ("Ana", "Lopez", "22150")


def test_database_refuses_a_second_row_for_the_same_normalized_email():
    Supporter.objects.create(email="x@example.org")
    with pytest.raises(IntegrityError):
        Supporter.objects.create(email=" X@EXAMPLE.org")


def test_consent_is_recorded_once_per_purpose(campaign):
    supporter = supporter_upsert(email="a@example.org")
    consent_record(supporter=supporter, campaign=campaign, purpose="updates")
    consent_record(supporter=supporter, campaign=campaign, purpose="updates")
    assert ConsentRecord.objects.filter(supporter=supporter).count() == 1
