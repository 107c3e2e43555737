"""A letter goes to Congress in the language its writer read the campaign in, when the campaign
publishes its letter in that language; the receipt email is in the writer's language."""

import html
import re

import pytest
from django.core import mail
from django.utils import translation
from lxml import etree

from campaigns.services.campaigns import campaign_translation_publish
from letters.models import Letter
from letters.outbox import delivery_send
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory, LetterCampaignFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_reset():
    """Spanish pages leave Spanish active in the thread: the next test starts in English."""
    yield
    translation.deactivate()


SUBJECT_ES = "Que el género sea un motivo protegido de asilo"
TEMPLATE_ES = (
    "Estimado/a {{ legislator.salutation }}:\n\n"
    "Le escribo desde {{ supporter.city }} para pedirle que apoye esta ley.\n\n"
    "Atentamente,\n{{ supporter.first_name }} {{ supporter.last_name }}"
)
DETAILS = {
    "prefix": "Ms.",
    "first_name": "Ana",
    "last_name": "López",
    "address1": "1100 Main Street",
    "city": "Arlington",
    "state": "VA",
    "zip_code": "22201",
    "email": "ana@example.org",
    "phone": "",
}


@pytest.fixture
def action():
    """A letter in English and Spanish, Spanish published, to the three members for 22201."""
    members_of()
    campaign = LetterCampaignFactory(
        title_es="Protejamos a quienes huyen por su género",
        summary_es="Protejamos a quienes huyen de la violencia de género.",
        body_es="## Por qué\n\nPorque importa.",
    )
    action = LetterActionFactory(
        campaign=campaign,
        editable=True,
        subject_es=SUBJECT_ES,
        template_es=TEMPLATE_ES,
        template_supporting="",
        personal_story_prompt_es="¿Por qué le importa?",
    )
    with translation.override("en"):
        campaign_translation_publish(campaign=campaign, language="es")
    return action


def write_on(client, action, prefix: str, capture):
    """Follow the letter pages under `prefix` ("/es" or "") to the receipt."""
    base = f"{prefix}/c/{action.campaign.slug}/letter"
    assert client.post(f"{base}/", {"zip_code": "22201"}).status_code == 302
    write = client.get(f"{base}/write/").content.decode()
    shown = re.search(r'<textarea name="letter_body"[^>]*>\n?(.*?)</textarea>', write, re.S)
    draft = {"letter_body": html.unescape(shown.group(1)), "personal_note": "Me importa."}
    assert client.post(f"{base}/write/", draft).status_code == 302
    with capture(execute=True):
        response = client.post(f"{base}/send/", DETAILS)
    assert response.status_code == 302, response.content.decode()[:500]
    return Letter.objects.get()


def test_a_letter_written_on_the_spanish_page_goes_with_the_spanish_subject_and_text(
    client, action, django_capture_on_commit_callbacks
):
    letter = write_on(client, action, "/es", django_capture_on_commit_callbacks)
    assert letter.language == "es"
    deliveries = {d.office_code: d for d in letter.deliveries.all()}
    assert {d.subject for d in deliveries.values()} == {SUBJECT_ES}
    senate = next(d for code, d in deliveries.items() if code.startswith("S"))
    assert senate.body.startswith("Estimado/a Senador/a ")
    assert "Le escribo desde Arlington para pedirle que apoye esta ley." in senate.body
    assert senate.office_name.startswith("Senador/a ")  # the office, named in the letter's language
    receipt = next(m for m in mail.outbox if "/letters/receipt/" in m.body)
    assert receipt.subject == "Su carta al Congreso: Protejamos a quienes huyen por su género"


def test_the_same_letter_written_on_the_english_page_goes_in_english(
    client, action, django_capture_on_commit_callbacks
):
    letter = write_on(client, action, "", django_capture_on_commit_callbacks)
    assert letter.language == "en"
    assert {d.subject for d in letter.deliveries.all()} == {action.subject}
    assert all(d.body.startswith("Dear ") for d in letter.deliveries.all())


def test_the_spanish_pages_show_the_letter_each_office_receives_in_spanish(client, action):
    base = f"/es/c/{action.campaign.slug}/letter"
    client.post(f"{base}/", {"zip_code": "22201"})
    write = client.get(f"{base}/write/").content.decode()
    assert f'<p lang="es">{SUBJECT_ES}</p>' in write
    assert '<div class="outreach-letter" lang="es"><p>Estimado/a Senador/a' in write
    assert re.search(r'<textarea name="letter_body"[^>]*lang="es"', write)  # the editor too
    assert "¿Por qué le importa?" in write


def test_a_letter_without_its_spanish_version_goes_in_the_campaigns_language(
    client, action, django_capture_on_commit_callbacks
):
    action.template_es = ""
    action.save()
    letter = write_on(client, action, "/es", django_capture_on_commit_callbacks)
    assert letter.language == "en"
    assert {d.subject for d in letter.deliveries.all()} == {action.subject}
    assert all("Senador" not in d.body for d in letter.deliveries.all())


def test_the_cwc_document_carries_the_spanish_subject_and_statement(
    action, cwc_settings, cwc_server
):
    with translation.override("es"):  # as on a Spanish page
        letter, _created = submit(action, note="Lo conozco de cerca.")
    for delivery in letter.deliveries.all():
        delivery_send(delivery_id=delivery.pk)
    documents = [etree.fromstring(body) for body in cwc_server.documents]
    assert len(documents) == 3
    assert {doc.findtext("Message/Subject") for doc in documents} == {SUBJECT_ES}
    statements = [doc.findtext("Message/OrganizationStatement") for doc in documents]
    assert all(text.startswith("Estimado/a ") for text in statements)
    assert sum(text.startswith("Estimado/a Senador/a ") for text in statements) == 2
    assert all("Le escribo desde Arlington" in text for text in statements)
