import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.movement.factories import MovementFactFactory, MovementQuoteFactory, identity_save

pytestmark = pytest.mark.django_db


def test_facts_are_shown_in_the_organizers_order_with_source_and_date(client):
    MovementFactFactory(figure="Third", position=3)
    MovementFactFactory(
        figure="First",
        position=1,
        source_title="UNHCR Global Trends",
        source_url="https://www.unhcr.org/global-trends",
        source_date=dt.date(2025, 6, 12),
    )
    MovementFactFactory(figure="Second", position=2)
    html = client.get("/").content.decode()
    assert html.index("First") < html.index("Second") < html.index("Third")
    source = '<a href="https://www.unhcr.org/global-trends" rel="noopener noreferrer">'
    assert f"{source}UNHCR Global Trends</a>" in html
    assert '<time datetime="2025-06-12">' in html


def test_a_fact_without_its_spanish_version_is_shown_whole_in_english(client):
    MovementFactFactory(
        figure="1 in 3", figure_es="1 de cada 3", statement="women", statement_es=""
    )
    html = client.get("/es/").content.decode()
    assert '<p class="fact__figure num" lang="en">1 in 3</p>' in html
    assert "1 de cada 3" not in html


def test_a_quote_needs_recorded_consent_or_a_sample_label():
    with pytest.raises(IntegrityError), transaction.atomic():
        MovementQuoteFactory(consent_recorded=False, is_sample=False)
    MovementQuoteFactory(consent_recorded=False, is_sample=True)
    MovementQuoteFactory(consent_recorded=True, is_sample=False)


def test_a_quote_is_shown_with_its_attribution_and_a_sample_is_labelled(client):
    MovementQuoteFactory(quote="Real words.", name="Rosa M.", role="Survivor and advocate")
    MovementQuoteFactory(
        quote="Made-up words.", name="A. Sample", consent_recorded=False, is_sample=True
    )
    html = client.get("/").content.decode()
    assert "Real words." in html and "Rosa M." in html and "Survivor and advocate" in html
    sample = html.split("Made-up words.")[1].split("</figure>")[0]
    assert "Sample text" in sample
    assert "Sample text" not in html.split("Real words.")[1].split("</figure>")[0]


def test_the_donation_card_leads_through_the_leaving_page(
    client, django_capture_on_commit_callbacks
):
    assert "Support the movement" not in client.get("/").content.decode()
    assert client.get(reverse("movement:donate")).status_code == 404
    identity_save(
        django_capture_on_commit_callbacks, donation_url="https://donate.example.org/mgaj"
    )
    html = client.get("/").content.decode()
    card = html.split('class="card donation-card"')[1].split("</li>")[0]
    assert f'href="{reverse("movement:donate")}"' in card
    assert "donate.example.org" not in html  # the processor is reached only past the note
    leaving = client.get(reverse("movement:donate")).content.decode()
    assert "You are leaving this site" in leaving
    assert 'href="https://donate.example.org/mgaj" rel="noopener noreferrer"' in leaving
    assert f'href="{reverse("movement:home")}">' in leaving  # "Stay here"
    spanish = client.get("/es" + reverse("movement:donate")).content.decode()
    assert 'lang="es"' in spanish and "https://donate.example.org/mgaj" in spanish


def test_the_donation_url_can_come_from_the_settings(client, settings):
    settings.SITE_DONATION_URL = "https://give.example.org/"
    assert "https://give.example.org/" in client.get(reverse("movement:donate")).content.decode()
