"""The call script is said in the caller's language when the campaign publishes it in it."""

import pytest
from django.utils import translation

from campaigns.services.campaigns import campaign_translation_publish
from tests.calls.factories import CallActionFactory
from tests.campaigns.factories import CampaignFactory
from tests.legislators.factories import members_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_reset():
    """Spanish pages leave Spanish active in the thread: the next test starts in English."""
    yield
    translation.deactivate()


SCRIPT_ES = "Hola, llamo a la oficina de {{ legislator.formal_name }} desde {{ legislator.state }}."


@pytest.fixture
def call_action():
    members_of()
    campaign = CampaignFactory(title_es="Una campaña", summary_es="Resumen.", body_es="Historia.")
    return CallActionFactory(campaign=campaign, script_es=SCRIPT_ES)


def test_a_spanish_caller_reads_the_spanish_script_with_spanish_titles(client, call_action):
    with translation.override("en"):
        campaign_translation_publish(campaign=call_action.campaign, language="es")
    page = client.get(f"/es/c/{call_action.campaign.slug}/call/", {"zip": "22201"}).content
    html = page.decode()
    assert '<div class="outreach-letter" lang="es"><p>Hola, llamo a la oficina de Senador/a' in html
    assert "Representante Hana Doe desde VA." in html


def test_without_spanish_published_the_caller_reads_the_english_script(client, call_action):
    html = client.get(f"/es/c/{call_action.campaign.slug}/call/", {"zip": "22201"}).content
    html = html.decode()
    assert '<div class="outreach-letter" lang="en"><p>Hello, I&#x27;m calling Senator' in html
    assert "Esta campaña aún no está disponible en español." in html
