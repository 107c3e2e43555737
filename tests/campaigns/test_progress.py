"""Each campaign shows progress on its own actions: a letter campaign counts letters sent
and offices reached (never signatures), a call-in counts calls; on the campaign page and
on the staff dashboard."""

import pytest
from django.urls import reverse

from staff.roles import ORGANIZER
from tests.calls.factories import CallActionFactory
from tests.campaigns.factories import CampaignFactory
from tests.letters.factories import LetterActionFactory
from tests.petitions.factories import PetitionFactory
from tests.staff.factories import UserFactory, sign_in
from tests.support.metrics import record_event

pytestmark = pytest.mark.django_db


def progress_of(client, campaign) -> str:
    page = client.get(campaign.get_absolute_url()).content.decode()
    start = page.find("campaign__progress")
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def test_a_letter_only_campaign_shows_letters_and_offices_and_no_signature_bar(client):
    letter = LetterActionFactory()
    record_event(campaign_id=letter.campaign.pk, metric="letters", amount=12)
    record_event(campaign_id=letter.campaign.pk, metric="offices_reached", amount=30)
    progress = progress_of(client, letter.campaign)
    assert "12</span> letters sent to Congress" in progress
    assert "30</span> offices reached" in progress
    assert "signature" not in progress and "<progress" not in progress


def test_a_new_letter_campaign_shows_its_zeros_in_its_own_words(client):
    progress = progress_of(client, LetterActionFactory().campaign)
    assert "0</span> letters sent to Congress" in progress and "signature" not in progress


def test_a_call_campaign_counts_calls_made(client):
    call = CallActionFactory()
    record_event(campaign_id=call.campaign.pk, metric="calls", amount=1)
    progress = progress_of(client, call.campaign)
    assert "1</span> call made" in progress and "signature" not in progress


def test_a_petition_keeps_its_bar_toward_the_goal(client):
    campaign = CampaignFactory(goal=50)
    PetitionFactory(campaign=campaign)
    record_event(campaign_id=campaign.pk, metric="signatures", amount=5)
    progress = progress_of(client, campaign)
    assert '<progress max="50" value="5"' in progress and "of our goal of 50" in progress


def test_the_dashboard_lists_each_campaigns_own_progress(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    letter = LetterActionFactory(campaign=CampaignFactory(title="Letters only"))
    record_event(campaign_id=letter.campaign.pk, metric="letters", amount=3)
    page = client.get(reverse("staff:dashboard")).content.decode()
    row = page[page.find("Letters only") : page.find("</tr>", page.find("Letters only"))]
    assert "3</span> letters sent to Congress" in row and "offices reached" in row
    assert "signature" not in row.lower()
    report = client.get(reverse("staff:campaign", args=[letter.campaign.slug])).content.decode()
    totals = report[report.find("headline-heading") : report.find("Deliveries by status")]
    assert "Letters sent" in totals and "Offices reached" in totals
    assert "Signatures" not in totals
