import pytest
from django.urls import reverse

from staff.roles import ORGANIZER, REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, live_campaign, sign_in
from tests.support.html import parse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    from devdata.letters import demo_outreach_create

    campaign = live_campaign(status="draft", title="Not yet public")
    demo_outreach_create(campaign)
    return campaign


def test_organizer_previews_a_draft_with_letters_for_a_sample_legislator(client, draft):
    member = LegislatorFactory(representative=True, state="NY", district=12, last_name="Hale")
    sign_in(client, UserFactory(role=ORGANIZER))
    response = client.get(
        reverse("staff:campaign-preview", args=[draft.slug]), {"legislator": member.bioguide_id}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hale" in html  # the letter is addressed to the chosen member
    assert "[first name]" in html  # the sender's fields show as hints
    assert "Call script" in html
    assert parse_page(html).style_attributes == 0


def test_organizer_sees_the_draft_campaign_page_supporters_cannot_see_yet(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404
    sign_in(client, UserFactory(role=ORGANIZER))
    response = client.get(reverse("staff:campaign-preview-page", args=[draft.slug]))
    assert response.status_code == 200
    assert "Not yet public" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("name", ["staff:campaign-preview", "staff:campaign-preview-page"])
def test_reporters_and_visitors_cannot_preview(client, draft, name):
    url = reverse(name, args=[draft.slug])
    assert client.get(url).status_code == 302
    sign_in(client, UserFactory(role=REPORTER))
    assert client.get(url).status_code == 403
