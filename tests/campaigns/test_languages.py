"""A campaign in English and Spanish: what a reader of each sees, and publishing Spanish."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from actioncenter.exceptions import ApplicationError
from campaigns.models import Campaign
from campaigns.selectors import campaign_translation_checklist
from campaigns.services.campaigns import (
    campaign_translation_publish,
    campaign_translation_withdraw,
)
from devdata.demo import SLUG, TITLE, TITLE_ES
from devdata.letters import DEMO_SUBJECT, DEMO_SUBJECT_ES
from petitions.models import Petition
from tests.campaigns.factories import CampaignFactory, FactFactory
from tests.letters.factories import LetterActionFactory
from tests.staff.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db

NOTICE_ES = "Esta campaña aún no está disponible en español."
SPANISH = {
    "title_es": "Protejamos a quienes huyen",
    "summary_es": "Protejamos a quienes huyen de la violencia de género.",
    "body_es": "## Por qué\n\nPorque importa.",
}


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages built outside a request are in the site's default language, and Spanish
    pages leave Spanish active in the thread: the next test starts in English again."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def bilingual():
    """A live campaign with a petition and a letter, each written in English and Spanish."""
    campaign = CampaignFactory(**SPANISH)
    Petition.objects.create(
        campaign=campaign, text="We ask Congress to act.", text_es="Pedimos al Congreso que actúe."
    )
    LetterActionFactory(
        campaign=campaign,
        subject_es="Que el género sea un motivo de asilo",
        template_es="Estimado/a {{ legislator.salutation }}:\n\nApoye esta ley.",
        template_supporting_es="Estimado/a {{ legislator.salutation }}:\n\nGracias.",
        personal_story_prompt_es="¿Por qué le importa?",
    )
    return campaign


def page(client, campaign, language="es") -> str:
    prefix = "/es" if language == "es" else ""
    response = client.get(f"{prefix}/c/{campaign.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_spanish_reader_sees_the_title_story_and_petition_in_spanish(client, bilingual):
    campaign_translation_publish(campaign=bilingual, language="es")
    html = page(client, bilingual)
    assert '<header class="campaign__header" lang="es">' in html
    assert "<h1>Protejamos a quienes huyen</h1>" in html
    assert '<div lang="es"><h2>Por qué</h2>' in html
    assert '<blockquote class="petition-text" lang="es"><p>Pedimos al Congreso' in html
    assert NOTICE_ES not in html
    assert bilingual.title not in html.split("<main")[1]
    english = page(client, bilingual, "en")
    assert f"<h1>{bilingual.title}</h1>" in english and "Protejamos" not in english


def test_the_letter_pages_show_the_spanish_subject_to_a_spanish_reader(client, bilingual):
    campaign_translation_publish(campaign=bilingual, language="es")
    html = client.get(f"/es/c/{bilingual.slug}/letter/").content.decode()
    assert '<p class="lead" lang="es">Que el género sea un motivo de asilo</p>' in html


def test_a_campaign_not_published_in_spanish_is_shown_in_english_with_a_notice(client, bilingual):
    html = page(client, bilingual)
    assert f'<p class="notice" role="note">{NOTICE_ES}</p>' in html
    assert '<header class="campaign__header" lang="en">' in html
    assert f"<h1>{bilingual.title}</h1>" in html and "Protejamos" not in html
    assert '<blockquote class="petition-text" lang="en"><p>We ask Congress' in html
    assert '<html lang="es">' in html  # the interface around it stays Spanish
    letter = client.get(f"/es/c/{bilingual.slug}/letter/").content.decode()
    assert NOTICE_ES in letter and 'lang="en">Name gender as a protected ground' in letter
    assert "not yet available" not in page(client, bilingual, "en")


def test_a_text_added_after_publishing_is_shown_in_english_until_it_has_its_version(
    client, bilingual
):
    FactFactory(
        campaign=bilingual,
        figure="1 in 3",
        figure_es="1 de cada 3",
        statement_es="mujeres en el mundo ha sufrido violencia.",
        source_title_es="Una hoja informativa",
    )
    campaign_translation_publish(campaign=bilingual, language="es")
    FactFactory(campaign=bilingual, figure="2 times", statement="more likely.", position=5)
    html = page(client, bilingual)
    assert '<p class="fact__figure num" lang="es">1 de cada 3</p>' in html
    assert '<p class="fact__figure num" lang="en">2 times</p>' in html
    assert NOTICE_ES not in html


def test_publishing_spanish_is_refused_while_a_text_has_no_spanish_version(bilingual):
    letter = bilingual.letter_action
    letter.template_es = ""
    letter.save()
    FactFactory(campaign=bilingual)
    with pytest.raises(ApplicationError) as refused:
        campaign_translation_publish(campaign=bilingual, language="es")
    assert "Letter to Congress (letter in Spanish)" in refused.value.message
    assert "Fact: 1 in 3 women worldwide" in refused.value.message
    assert "figure in Spanish, statement in Spanish, source in Spanish" in refused.value.message
    bilingual.refresh_from_db()
    assert bilingual.published_translations == []


def test_the_checklist_names_each_text_and_what_it_lacks(bilingual):
    Campaign.objects.filter(pk=bilingual.pk).update(body_es="")
    bilingual.refresh_from_db()
    checklist = {
        item.label: item.missing for item in campaign_translation_checklist(bilingual, "es")
    }
    assert checklist == {
        "Campaign page": ["story (Markdown) in Spanish"],
        "Petition": [],
        "Letter to Congress": [],
    }


def test_publishing_again_changes_nothing_and_withdrawing_restores_english(client, bilingual):
    campaign_translation_publish(campaign=bilingual, language="es")
    campaign_translation_publish(campaign=bilingual, language="es")
    bilingual.refresh_from_db()
    assert bilingual.published_translations == ["es"]
    campaign_translation_withdraw(campaign=bilingual, language="es")
    assert NOTICE_ES in page(client, bilingual)


class AdminForm(HTMLParser):
    """What a browser posts back from the admin's change form, unchanged."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "file", "button"}:
            if a.get("type") != "checkbox" or "checked" in a:
                self.data[name] = a.get("value") or ("on" if a.get("type") == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.removeprefix("\n")


def admin_form(html: str) -> dict[str, str]:
    parser = AdminForm()
    parser.feed(html)
    return parser.data


@pytest.fixture
def admin(client):
    sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_admin_shows_the_checklist_and_refuses_to_publish_a_missing_spanish_text(
    admin, bilingual
):
    url = reverse("admin:campaigns_campaign_change", args=[bilingual.pk])
    html = admin.get(url).content.decode()
    assert 'name="title_es"' in html and 'name="petition-0-text_es"' in html
    assert "Not published in Spanish" in html
    assert "Campaign page: complete" in html
    data = {**admin_form(html), "title_es": "", "_publish_es": "1"}
    refused = admin.post(url, data, follow=True)
    text = refused.content.decode()
    assert "Not published in Spanish: these texts have no Spanish version yet" in text
    assert "Campaign page (title in Spanish)" in text
    assert "Campaign page: Missing: title in Spanish" in text  # the checklist, on the page
    bilingual.refresh_from_db()
    assert bilingual.title_es == "" and bilingual.published_translations == []

    data["title_es"] = "Protejamos a quienes huyen"
    published = admin.post(url, data, follow=True).content.decode()
    assert "Published in Spanish." in published
    bilingual.refresh_from_db()
    assert bilingual.published_translations == ["es"]
    assert 'name="_withdraw_es"' in published


def test_the_demo_is_published_in_english_and_spanish_and_marked_sensitive(client):
    call_command("load_demo")
    call_command("load_demo")
    campaign = Campaign.objects.get(slug=SLUG)
    assert campaign.sensitive is True
    assert campaign.published_translations == ["es"]
    assert [item for item in campaign_translation_checklist(campaign, "es") if item.missing] == []
    english = client.get(f"/c/{SLUG}/").content.decode()
    spanish = client.get(f"/es/c/{SLUG}/").content.decode()
    assert f"<h1>{TITLE}</h1>" in english and f"<h1>{TITLE_ES}</h1>" in spanish
    assert "Al menos 25" in spanish and "200 millones" in spanish and NOTICE_ES not in spanish
    letter = client.get(f"/es/c/{SLUG}/letter/").content.decode()
    assert DEMO_SUBJECT_ES in letter and DEMO_SUBJECT not in letter


def test_a_campaign_in_spanish_only_needs_no_translation_for_spanish_readers(client):
    campaign = CampaignFactory(title="Protejamos el asilo", language="es")
    html = page(client, campaign)
    assert '<header class="campaign__header" lang="es">' in html and "disponible" not in html
    assert "This campaign is not yet available in English." in page(client, campaign, "en")
