import pytest
from django.core.management import call_command

from campaigns import models as campaign_models
from tests.movement.test_home import SECTION_HEADINGS

pytestmark = pytest.mark.django_db


def test_the_demo_shows_a_complete_movement_home_page_in_english_and_spanish(client):
    call_command("load_demo")
    call_command("load_demo")  # safe to repeat
    english = client.get("/").content.decode()
    spanish = client.get("/es/").content.decode()
    for heading in SECTION_HEADINGS:
        assert heading in english and heading in spanish, heading
    assert "Movement for Gender Asylum Justice</h1>" in english
    assert "Movimiento por la Justicia en el Asilo de Género</h1>" in spanish
    assert "200 millones" in spanish and "Support the movement" in english
    assert all(
        quote.is_sample for quote in campaign_models.Testimonial.objects.filter(campaign=None)
    )
    assert english.count("Sample text") == 3
    for path in ["/latest/", "/es/latest/", "/research/", "/es/research/", "/donate/"]:
        assert client.get(path).status_code == 200, path
    assert "La coalición suma 40 organizaciones" in client.get("/es/latest/").content.decode()
