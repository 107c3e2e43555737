import pytest
from django.urls import reverse

from tests.campaigns.factories import CampaignFactory
from tests.movement.factories import (
    MovementFactFactory,
    MovementPartnerFactory,
    MovementQuoteFactory,
    MovementResourceFactory,
    NewsPostFactory,
    identity_save,
)

SECTION_HEADINGS = [
    'id="campaigns-heading"',
    'id="join-heading"',
    'id="facts-heading"',
    'id="members-heading"',
    'id="voices-heading"',
    'id="latest-heading"',
    'id="research-heading"',
]


def home(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_site_shows_the_movement_and_no_empty_section(client, db, settings):
    settings.SITE_NAME = "Movement for Gender Asylum Justice"
    settings.SITE_TAGLINE = "Fair hearings for people fleeing gender-based violence."
    html = home(client)
    assert "<h1" in html and "Movement for Gender Asylum Justice</h1>" in html
    assert "Fair hearings for people fleeing gender-based violence." in html
    for heading in SECTION_HEADINGS:
        assert heading not in html, heading


def test_every_section_shows_once_it_has_content(client, db, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    CampaignFactory(title="Protect asylum", featured=True)
    MovementFactFactory(figure="200 million")
    MovementPartnerFactory(name="NIWAP", founding_member=True)
    MovementPartnerFactory(name="Tahirih Justice Center")
    MovementQuoteFactory(quote="It changed my life.", name="Rosa M.", role="Survivor")
    NewsPostFactory(title="We testified today")
    MovementResourceFactory(title="The legal landscape")
    identity_save(capture, donation_url="https://donate.example.org/give")
    html = home(client)
    for heading in SECTION_HEADINGS:
        assert heading in html, heading
    for text in [
        "Protect asylum",
        "200 million",
        "NIWAP",
        "Founding members",
        "Tahirih Justice Center",
        "Partner organizations",
        "It changed my life.",
        "Rosa M.",
        "Survivor",
        "We testified today",
        "The legal landscape",
        "Support the movement",
    ]:
        assert text in html, text


def test_campaigns_are_listed_featured_first_then_newest_and_a_victory_says_so(client, db):
    CampaignFactory(title="Old one")
    CampaignFactory(title="Newest one")
    CampaignFactory(title="The featured one", featured=True)
    CampaignFactory(title="We did it", status="won")
    CampaignFactory(title="A draft", status="draft")
    CampaignFactory(title="Closed one", status="closed")
    html = home(client)
    positions = [html.index(title) for title in ["The featured one", "We did it", "Newest one"]]
    assert positions == sorted(positions)
    assert html.index("Newest one") < html.index("Old one")
    assert "Victory" in html
    assert "A draft" not in html and "Closed one" not in html


def test_join_and_updates_open_the_first_live_campaign_or_the_chosen_one(
    client, db, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    first = CampaignFactory(featured=True)
    chosen = CampaignFactory()
    html = home(client)
    assert reverse("signups:join", args=[first.slug]) in html
    assert reverse("signups:organization", args=[first.slug]) in html
    assert reverse("signups:updates", args=[first.slug]) in html
    identity_save(capture, join_campaign=chosen)
    html = home(client)
    assert reverse("signups:join", args=[chosen.slug]) in html
    assert reverse("signups:updates", args=[chosen.slug]) in html


def test_movement_content_is_not_shown_on_a_campaign_page_nor_campaign_content_at_home(client, db):
    from tests.campaigns.factories import FactFactory

    campaign = CampaignFactory()
    FactFactory(campaign=campaign, figure="Campaign figure")
    MovementFactFactory(figure="Movement figure")
    assert "Campaign figure" not in home(client)
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Movement figure" not in page and "Campaign figure" in page


def test_spanish_home_shows_translated_movement_texts(client, db):
    MovementFactFactory(
        figure="1 in 3",
        figure_es="1 de cada 3",
        statement="women",
        statement_es="mujeres",
        source_title="Sheet",
        source_title_es="Hoja",
    )
    MovementQuoteFactory(
        quote="It changed my life.",
        quote_es="Cambió mi vida.",
        role="Survivor",
        role_es="Sobreviviente",
    )
    html = home(client, "/es/")
    assert "1 de cada 3" in html and 'lang="es"' in html
    assert "Cambió mi vida." in html and "Sobreviviente" in html
    assert "It changed my life." not in html


def _fill(count: int) -> None:
    for _number in range(count):
        CampaignFactory()
        MovementFactFactory()
        MovementPartnerFactory()
        MovementQuoteFactory()
        NewsPostFactory()
        MovementResourceFactory()


@pytest.mark.parametrize("path", ["/", "/latest/", "/research/"])
def test_pages_run_the_same_queries_however_much_there_is(client, db, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    _fill(1)
    queries()  # warm up: the site identity is read once, then kept for a moment
    few = queries()
    _fill(8)
    assert queries() == few
