"""Submitting a letter: one letter, one delivery per office, sending only after commit."""

import pytest
from django.db import IntegrityError, transaction

from letters.models import Delivery, Letter
from metrics.totals import campaign_totals
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    members_of()
    return LetterActionFactory()


def test_letter_goes_to_the_three_members_with_why(action):
    letter, created = submit(action)
    assert created
    deliveries = list(letter.deliveries.order_by("office_code"))
    assert [d.office_code for d in deliveries] == ["HVA08", "SVA01", "SVA02"]
    assert deliveries[0].why.startswith("Your member of the House")
    assert "senator" in deliveries[1].why


def test_each_office_gets_its_own_salutation(action):
    letter, _ = submit(action)
    bodies = {d.office_code: d.body for d in letter.deliveries.all()}
    assert bodies["HVA08"].startswith("Dear Representative Doe,")
    assert bodies["SVA02"].startswith("Dear Senator Junior,")
    assert "Arlington, VA" in bodies["HVA08"]
    assert bodies["HVA08"].rstrip().endswith("Alex Rivera")


def test_member_who_supports_gets_the_thank_you_variant(action):
    from legislators.models import Legislator
    from letters.models import LegislatorStance

    senior = Legislator.objects.get(last_name="Senior")
    LegislatorStance.objects.create(action=action, legislator=senior, stance="supports")
    letter, _ = submit(action)
    body = letter.deliveries.get(office_code="SVA01").body
    assert "thank you for supporting" in body
    assert "Please support legislation" in letter.deliveries.get(office_code="HVA08").body


def test_sending_is_enqueued_only_after_commit(action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        letter, _ = submit(action)
    # three deliveries + the receipt email, none run before the transaction commits
    assert len(callbacks) == 4
    assert set(letter.deliveries.values_list("status", flat=True)) == {"queued"}


def test_after_commit_each_delivery_is_processed(action, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        letter, _ = submit(action)
    # No CWC configured: every office falls back to the supporter sending it.
    assert set(letter.deliveries.values_list("status", flat=True)) == {"needs_manual"}
    assert set(letter.deliveries.values_list("channel", flat=True)) == {"manual"}


def test_second_submit_returns_the_existing_letter(action):
    first, created = submit(action)
    again, created_again = submit(action, note="A second try with different words")
    assert created and not created_again
    assert again.pk == first.pk
    assert Letter.objects.count() == 1
    assert Delivery.objects.count() == 3


def test_database_refuses_a_second_delivery_to_the_same_office(action):
    letter, _ = submit(action)
    existing = letter.deliveries.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            letter=letter,
            campaign_id=letter.campaign_id,
            supporter_id=letter.supporter_id,
            office_code=existing.office_code,
            office_name="again",
            subject="again",
        )


def test_totals_count_letters_personalization_and_queued_deliveries(
    action, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        submit(action, note="My sister was turned away.")
        submit(action, email="other@example.org")
    totals = campaign_totals(action.campaign_id)
    assert totals["letters"] == 2
    assert totals["letters_personalized"] == 1
    assert totals["deliveries_queued"] == 6
    assert totals["supporters"] == 2
    assert totals["supporters_new"] == 2


def test_a_signer_who_writes_is_still_one_supporter(action, django_capture_on_commit_callbacks):
    from petitions.services import signature_create
    from tests.petitions.factories import PetitionFactory

    PetitionFactory(campaign=action.campaign)
    signature_create(
        campaign=action.campaign,
        first_name="Ana",
        last_name="Lopez",
        email="writer@example.org",
        zip_code="22150",
    )
    with django_capture_on_commit_callbacks(execute=False):
        submit(action, email="Writer@Example.org")
    totals = campaign_totals(action.campaign_id)
    assert (totals["signatures"], totals["letters"]) == (1, 1)
    assert totals["supporters"] == 1


def test_personal_note_travels_apart_from_the_organizer_text(action):
    letter, _ = submit(action, note="I fled Guatemala in 2019.")
    assert letter.personal_note == "I fled Guatemala in 2019."
    assert "Guatemala" not in letter.deliveries.first().body


def test_edited_letter_with_an_unknown_placeholder_is_refused(action):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=r"\{\{ supporter.email \}\}"):
        submit(action, edited="Dear {{ legislator.formal_name }}, mail me at {{ supporter.email }}")


def test_edited_letter_is_used_for_every_office(action):
    letter, _ = submit(action, edited="Dear {{ legislator.last_name }}, please act now.")
    assert letter.personalized
    assert letter.deliveries.get(office_code="SVA01").body == "Dear Senior, please act now."


def test_hostile_names_are_stored_as_text_and_not_expanded(action):
    letter, _ = submit(action, first_name="{{ legislator.formal_name }}<script>")
    body = letter.deliveries.get(office_code="HVA08").body
    assert "{{ legislator.formal_name }}<script> Rivera" in body


def test_two_members_listed_for_one_seat_get_one_letter_per_office(action):
    from tests.legislators.factories import LegislatorFactory

    LegislatorFactory(representative=True, state="VA", district=8, last_name="Duplicate")
    letter, _ = submit(action)
    assert sorted(letter.deliveries.values_list("office_code", flat=True)) == [
        "HVA08",
        "SVA01",
        "SVA02",
    ]
