"""The campaign builder, step by step as an organizer meets it: one page creates the
campaign and its actions, names members and committees (never ids), refuses a letter
with an unknown merge field or recipients it cannot reach, previews the letter for a real
member, and confirms each lifecycle move with what it changes for supporters."""

import pytest
from django.urls import reverse

from calls.models import CallAction
from campaigns.models import AuditEntry, Campaign
from letters.models import LetterAction
from petitions.models import Petition
from signups.models import SignupAction
from staff.roles import ORGANIZER, REPORTER
from tests.legislators.factories import CommitteeFactory, CommitteeMembershipFactory, members_of
from tests.staff.factories import UserFactory, sign_in
from tests.support.html import parse_page

pytestmark = pytest.mark.django_db

LETTER = (
    "Dear {{ legislator.salutation }},\n\n"
    "I am {{ supporter.first_name }} {{ supporter.last_name }} from {{ supporter.city }}. "
    "Please protect people who flee gender-based violence.\n\nSincerely,\n"
    "{{ supporter.first_name }}"
)


@pytest.fixture
def organizer(client):
    return sign_in(client, UserFactory(role=ORGANIZER))


@pytest.fixture
def virginia():
    house, senior, junior = members_of(zip_code="22201", state="VA", district=8)
    return {"house": house, "senior": senior, "junior": junior}


def campaign_data(**changes) -> dict:
    data = {
        "title": "Write for survivors",
        "slug": "",
        "summary": "Asylum for people fleeing gender-based violence.",
        "language": "en",
        "goal": "0",
        "sensitive": "False",
    }
    return {**data, **changes}


def letter_data(**changes) -> dict:
    data = {
        "letter-offered": "on",
        "letter-subject": "Protect survivors seeking asylum",
        "letter-template": LETTER,
        "letter-targets": "own",
        "letter-chambers": "both",
    }
    return {**data, **{f"letter-{name}": value for name, value in changes.items()}}


def create(client, data):
    return client.post(reverse("staff:campaign-new"), data)


def test_the_builder_is_linked_from_the_dashboard_for_organizers(client, organizer):
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert reverse("staff:campaign-new") in page


def test_reporters_cannot_build_campaigns(client):
    sign_in(client, UserFactory(role=REPORTER))
    assert client.get(reverse("staff:campaign-new")).status_code == 403


def test_one_page_creates_the_campaign_with_its_letter_petition_and_sign_up(
    client, organizer, virginia
):
    data = {
        **campaign_data(),
        **letter_data(),
        "petition-offered": "on",
        "petition-text": "We ask Congress to protect survivors.",
        "petition-show_recent_signers": "on",
        "signup-offered": "on",
        "signup-accepts_organizations": "on",
    }
    response = create(client, data)
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:campaign-build", args=["write-for-survivors"])
    assert campaign.slug == "write-for-survivors" and campaign.status == Campaign.Status.DRAFT
    assert LetterAction.objects.get(campaign=campaign).template == LETTER
    assert Petition.objects.get(campaign=campaign).text.startswith("We ask Congress")
    assert SignupAction.objects.get(campaign=campaign).accepts_organizations
    assert not CallAction.objects.exists()  # not offered
    assert AuditEntry.objects.filter(action="campaign_sensitivity").count() == 1


def test_the_builder_names_members_and_committees_and_asks_no_ids(client, organizer, virginia):
    CommitteeFactory(name="Senate Judiciary", type="senate", thomas_id="SSJU")
    page = client.get(reverse("staff:campaign-new")).content.decode()
    assert "Senate Judiciary (Senate)" in page
    assert f"{virginia['house'].official_full_name} (VA-8, House)" in page
    assert "vForeignKeyRawIdAdminField" not in page and "raw_id" not in page
    for name in ("{{ legislator.salutation }}", "{{ supporter.first_name }}"):
        assert name in page  # the merge fields, offered from the registry


def test_an_unknown_merge_field_is_refused_by_name_and_nothing_is_saved(
    client, organizer, virginia
):
    data = {**campaign_data(), **letter_data(template="Dear {{ legislator.shoe_size }},")}
    response = create(client, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Unknown merge field {{ legislator.shoe_size }}" in page
    assert "Nothing was saved" in page
    assert not Campaign.objects.exists()


def test_broken_placeholder_syntax_is_refused_with_what_was_written(client, organizer):
    data = {**campaign_data(), **letter_data(template="Dear {{ legislator.salutation,\n\nHi.")}
    page = create(client, data).content.decode()
    assert "Malformed placeholder {{ legislator.salutation," in page


def test_a_kind_left_unticked_is_not_validated_or_saved(client, organizer):
    data = {**campaign_data(), "petition-offered": "on", "petition-text": "Act now."}
    assert create(client, data).status_code == 302
    assert not LetterAction.objects.exists()


def test_an_empty_fixed_list_is_refused_before_supporters_meet_it(client, organizer, virginia):
    response = create(client, {**campaign_data(), **letter_data(targets="fixed")})
    assert response.status_code == 400
    assert "The fixed list is empty" in response.content.decode()


def test_a_committee_of_the_other_chamber_is_refused(client, organizer, virginia):
    committee = CommitteeFactory(name="House Judiciary", type="house", thomas_id="HSJU")
    CommitteeMembershipFactory(committee=committee, legislator=virginia["house"])
    data = {
        **campaign_data(),
        **letter_data(targets="committee", chambers="senate", committee=str(committee.pk)),
    }
    page = create(client, data).content.decode()
    assert "The House Judiciary has no members in the chamber this letter writes to" in page


def test_a_fixed_list_contradicting_the_chamber_is_refused(client, organizer, virginia):
    data = {
        **campaign_data(),
        **letter_data(
            targets="fixed", chambers="house", fixed_legislators=[str(virginia["senior"].pk)]
        ),
    }
    page = create(client, data).content.decode()
    assert "No member on the fixed list sits in the chamber" in page


def test_the_builder_shows_the_offices_and_the_letter_for_a_real_member(
    client, organizer, virginia
):
    data = {
        **campaign_data(),
        **letter_data(targets="fixed", fixed_legislators=[str(virginia["junior"].pk)]),
    }
    url = create(client, data)["Location"]
    page = client.get(url).content.decode()
    assert "Who receives it" in page
    assert f"{virginia['junior'].official_full_name} (VA, Senate)" in page
    assert "Dear Senator Junior," in page  # the member's own salutation, filled in
    assert "Alex Rivera" in page  # the sample supporter
    assert "I am Alex Rivera from" in page
    assert "Protect survivors seeking asylum" in page  # the exact subject


def test_the_live_preview_answers_as_the_organizer_types(client, organizer, virginia):
    url = reverse("staff:builder-letter-preview")
    data = {**letter_data(targets="fixed", fixed_legislators=[str(virginia["house"].pk)])}
    page = client.post(url, {**data, "language": "en"}).content.decode()
    assert "Dear Representative Doe," in page and "Alex Rivera" in page
    broken = client.post(url, {**data, "letter-template": "Hi {{ supporter.age }}"})
    assert "Unknown merge field {{ supporter.age }}" in broken.content.decode()
    assert client.get(url).status_code == 405


def test_the_preview_can_be_shown_for_another_member(client, organizer, virginia):
    url = create(client, {**campaign_data(), **letter_data()})["Location"]
    page = client.get(url + f"?member={virginia['senior'].bioguide_id}").content.decode()
    assert "Dear Senator Senior," in page


def test_unticking_a_kind_switches_it_off_and_keeps_what_supporters_sent(
    client, organizer, virginia
):
    url = create(client, {**campaign_data(), **letter_data()})["Location"]
    campaign = Campaign.objects.get()
    client.post(url, campaign_data(slug=campaign.slug))
    assert LetterAction.objects.get(campaign=campaign).is_active is False


def test_the_sensitive_data_question_has_no_default(client, organizer):
    response = create(client, {**campaign_data(sensitive=""), "petition-offered": "on"})
    assert response.status_code == 400
    assert "Could taking part put a supporter at risk?" in response.content.decode()


PETITION = {"petition-offered": "on", "petition-text": "Name gender in asylum law."}


@pytest.mark.parametrize("answer", [True, False])
def test_the_answer_to_the_sensitive_data_question_is_the_campaigns(client, organizer, answer):
    create(client, {**campaign_data(sensitive=str(answer)), **PETITION})
    campaign = Campaign.objects.get()
    assert campaign.sensitive is answer
    # Changed later, it is the new answer.
    url = reverse("staff:campaign-build", args=[campaign.slug])
    client.post(url, {**campaign_data(slug=campaign.slug, sensitive=str(not answer)),
                      **PETITION})  # fmt: skip
    campaign.refresh_from_db()
    assert campaign.sensitive is (not answer)


def test_a_taken_address_is_refused_in_words(client, organizer):
    Campaign.objects.create(slug="write-for-survivors", title="Older")
    page = create(client, campaign_data()).content.decode()
    assert "Another campaign already has the address write-for-survivors" in page


def test_builder_pages_keep_the_quick_exit_first_and_obey_the_strict_csp(
    client, organizer, virginia
):
    url = create(client, {**campaign_data(), **letter_data()})["Location"]
    slug = Campaign.objects.get().slug
    pages = [
        reverse("staff:campaign-new"),
        url,
        reverse("staff:campaign-status", args=[slug, "live"]),
        reverse("staff:office-pick", args=[slug]),
    ]
    for address in pages:
        response = client.get(address)
        page = parse_page(response.content.decode())
        assert page.focusable[0].get("id") == "quick-exit", address
        assert page.inline_scripts == 0 and page.inline_handlers == [], address
        assert page.style_attributes == 0, address
        assert response["Cache-Control"] == "no-store", address
