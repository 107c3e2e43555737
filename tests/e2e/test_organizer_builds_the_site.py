"""An organizer, starting from an empty site, builds the coalition's whole site in English
and Spanish through the staff pages and the admin — identity with its logo, "Get the
Facts", founding members and partners, a supporter's quote with its consent, "Read the
Latest" (a post and media coverage), "Research & Analysis" with an uploaded document, the
donation card and a petition campaign with its hero image — publishes it, and a supporter
signs it, in both languages.

Each step is photographed into the folder E2E_SCREENSHOTS names, when it is set:
    E2E_SCREENSHOTS=var/screenshots/movement-site \
        pytest tests/e2e/test_organizer_builds_the_site.py
"""

from __future__ import annotations

import re

import pytest
from PIL import Image

from campaigns.models import Campaign
from metrics.totals import campaign_totals
from petitions.models import Signature
from tests.e2e.conftest import submit
from tests.e2e.test_campaign_builder import BUILD_PAGE, Steps
from tests.e2e.test_journeys import fill_petition, staff_sign_in
from tests.images.samples import jpeg_with_gps

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME = "Movement for Gender Asylum Justice"
NAME_ES = "Movimiento por la Justicia de Asilo de Género"
TITLE = "Name gender in asylum law"
TITLE_ES = "Que la ley de asilo nombre el género"
ADMIN_SAVE = "#content-main form input[name=_save]"


@pytest.fixture
def organizer(db):
    from django.apps import apps

    from staff.roles import ORGANIZER, roles_sync
    from tests.staff.factories import UserFactory

    roles_sync(apps)
    return UserFactory(role=ORGANIZER)


@pytest.fixture
def steps(request) -> Steps:
    return Steps(request.node.name)


@pytest.fixture
def files(tmp_path):
    """A camera photo with GPS in its EXIF, a logo, and a PDF document."""
    photo = tmp_path / "march.jpg"
    photo.write_bytes(jpeg_with_gps(size=(1800, 1000)))
    logo = tmp_path / "logo.png"
    Image.new("RGB", (600, 300), (91, 42, 134)).save(logo)
    document = tmp_path / "precedents.pdf"
    document.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return {"photo": photo, "logo": logo, "document": document}


def admin_add(page, steps, path: str, step: str, fields: dict, *, files: dict | None = None):
    """Fill an admin add form (ids are id_<field>), save it, and check it was saved."""
    page.goto(path)
    for name, value in fields.items():
        field = page.locator(f"#id_{name}")
        if isinstance(value, bool):
            field.set_checked(value)
        elif field.evaluate("(element) => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    for name, path_ in (files or {}).items():
        page.locator(f"#id_{name}").set_input_files(str(path_))
    steps(page, step, axe=False)  # the admin's own pages are Django's, not the site's
    page.locator(ADMIN_SAVE).click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0, page.locator("#content-main").inner_text()
    assert page.locator(".messagelist .success").count() == 1


def build_the_movement(page, steps, files) -> None:
    page.goto("/admin/movement/siteidentity/")
    page.wait_for_url("**/add/")
    admin_add(
        page, steps, page.url, "identity",
        {
            "name": NAME, "name_es": NAME_ES,
            "tagline": "Gender is a reason people flee. The law should say so.",
            "tagline_es": "El género es una razón por la que la gente huye. La ley debe decirlo.",
            "logo_alt": "The movement's logo: a purple circle",
            "logo_alt_es": "El logotipo del movimiento: un círculo morado",
            "primary_colour": "#5b2a86", "contact_email": "hello@example.org",
            "donation_url": "https://donate.example.org/gender-asylum",
        },
        files={"logo": files["logo"]},
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/movementfact/add/", "fact",
        {
            "figure": "1 in 3", "figure_es": "1 de cada 3",
            "statement": "women worldwide experience gender-based violence",
            "statement_es": "mujeres en el mundo sufren violencia de género",
            "source_title": "World Health Organization",
            "source_title_es": "Organización Mundial de la Salud",
            "source_url": "https://www.who.int/", "source_date": "2024-03-25",
        },
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/movementpartner/add/", "founding-member",
        {
            "name": "Refugio Legal", "website": "https://refugio.example.org",
            "description": "Free legal help for asylum seekers.",
            "description_es": "Ayuda legal gratuita para solicitantes de asilo.",
            "founding_member": True,
        },
        files={"logo": files["logo"]},
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/supporterquote/add/", "quote",
        {
            "quote": "The law did not see why I had to leave.",
            "quote_es": "La ley no veía por qué tuve que irme.",
            "name": "Ana M.", "role": "Asylum seeker", "role_es": "Solicitante de asilo",
            "consent_recorded": True, "consent_note": "Written consent, 2026-10-02",
        },
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/newspost/add/", "news-post",
        {
            "title": "Survivors meet Congress", "published_on": "2026-11-20",
            "language": "en", "body": "Twelve survivors told their stories on the Hill.",
        },
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/newspost/add/", "news-post-spanish",
        {
            "title": "Sobrevivientes en el Congreso", "slug": "sobrevivientes-en-el-congreso",
            "published_on": "2026-11-21", "language": "es",
            "body": "Doce sobrevivientes contaron su historia en el Capitolio.",
        },
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/mediacoverage/add/", "media-coverage",
        {
            "title": "Why asylum law must name gender",
            "title_es": "Por qué la ley de asilo debe nombrar el género",
            "source": "The Daily Example", "published_on": "2026-11-18",
            "url": "https://news.example.org/asylum-gender", "language": "en",
        },
    )  # fmt: skip
    admin_add(
        page, steps, "/admin/movement/libraryresource/add/", "library-document",
        {
            "kind": "legal", "title": "Precedent decisions on gender asylum",
            "title_es": "Decisiones de precedente sobre el asilo por género",
            "summary": "Board decisions that recognised gender-based claims.",
            "summary_es": "Decisiones que reconocieron solicitudes basadas en el género.",
            "published_on": "2026-09-01", "language": "en",
        },
        files={"file": files["document"]},
    )  # fmt: skip


def build_the_campaign(page, steps, files) -> Campaign:
    page.goto("/staff/campaigns/new/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title_es").fill(TITLE_ES)
    page.locator("#id_summary").fill("Ask Congress to name gender as a ground of asylum.")
    page.locator("#id_summary_es").fill("Pida al Congreso que nombre el género en el asilo.")
    page.locator("#id_hero_image").set_input_files(str(files["photo"]))
    page.locator("#id_hero_alt").fill("Marchers with a banner on the Capitol steps")
    page.locator("#id_hero_alt_es").fill("Manifestantes con una pancarta ante el Capitolio")
    page.locator("#id_goal").fill("1000")
    page.locator("#id_featured").check()
    page.locator("#id_sensitive").select_option("False")
    page.locator("#offer-petition").check()
    page.locator("#id_petition-text").fill("Name gender as a protected ground of asylum.")
    page.locator("#id_petition-text_es").fill("Nombren el género como motivo de asilo.")
    steps(page, "campaign-builder")
    submit(page, "#builder-form")
    page.wait_for_url(BUILD_PAGE)
    campaign = Campaign.objects.get()
    steps(page, "campaign-saved-with-checklist")
    page.get_by_role("link", name="Publish…").click()
    page.wait_for_url("**/status/live/")
    steps(page, "publish-confirmation")
    page.get_by_role("button", name="Yes: Publish").click()
    page.wait_for_url(BUILD_PAGE)
    # The Spanish version: published from the campaign's admin page, its checklist complete.
    page.goto(f"/admin/campaigns/campaign/{campaign.pk}/change/")
    steps(page, "spanish-checklist", axe=False)
    page.locator("button[name=_publish_es]").click()
    page.wait_for_load_state()
    assert "Published in Spanish." in page.locator(".messagelist").inner_text()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE and campaign.publishes("es")
    return campaign


SECTIONS = {
    "en": [
        "Take action", "Join the movement", "Stay up to date", "Support the movement",
        "Get the facts", "Who we are", "Founding members", "Voices", "Read the latest",
        "Research & analysis",
    ],
    "es": [
        "Actúe ahora", "Únase al movimiento", "Manténgase al tanto", "Apoye al movimiento",
        "Conozca los datos", "Quiénes somos", "Miembros fundadores", "Voces",
        "Lea lo más reciente", "Investigación y análisis",
    ],
}  # fmt: skip


def visit_as_a_supporter(page, steps, campaign, language: str) -> None:
    prefix = "/es" if language == "es" else ""
    page.goto(f"{prefix}/")
    steps(page, f"home-{language}")
    main = page.locator("main").inner_text()
    header = page.locator(".site-header").inner_text()
    assert (NAME_ES if language == "es" else NAME) in header
    assert (TITLE_ES if language == "es" else TITLE) in main
    for heading in SECTIONS[language]:
        assert page.get_by_role("heading", name=heading).count(), (language, heading)
    assert ("1 de cada 3" if language == "es" else "1 in 3") in main
    assert "Refugio Legal" in main and "Ana M." in main
    # Every image is the site's own, with its description.
    for image in page.locator("img").all():
        assert image.get_attribute("alt") is not None
        assert image.evaluate("(img) => new URL(img.src).origin") == page.evaluate(
            "location.origin"
        )
    page.goto(f"{prefix}/latest/")
    steps(page, f"latest-{language}")
    page.goto(f"{prefix}/research/")
    steps(page, f"research-{language}")
    document = page.get_by_role("link", name=re.compile("Precedent|precedente")).first
    assert document.get_attribute("href").startswith("/media/")
    page.goto(f"{prefix}/donate/")
    steps(page, f"donate-{language}")
    assert "donate.example.org" in page.locator("main").inner_text()

    page.goto(f"{prefix}/")
    page.get_by_role("link", name=TITLE_ES if language == "es" else TITLE).first.click()
    page.wait_for_url(f"**/c/{campaign.slug}/")
    steps(page, f"campaign-{language}")
    fill_petition(page)
    if language == "es":
        page.locator("#id_email").fill("ana@example.org")
    submit(page, "form[action$='/sign/']")
    page.wait_for_url("**/thanks/")
    steps(page, f"signed-{language}")


def test_an_organizer_builds_the_whole_site_and_supporters_act_on_it(
    page, congress, organizer, files, steps
):
    assert not Campaign.objects.exists()
    page.goto("/")
    steps(page, "empty-site")
    staff_sign_in(page, organizer, lambda page, step: None)
    build_the_movement(page, steps, files)
    campaign = build_the_campaign(page, steps, files)
    page.goto("/staff/")
    page.locator("form[action$='/staff/logout/'] button").first.click()
    page.wait_for_load_state()

    for language in ("en", "es"):
        visit_as_a_supporter(page, steps, campaign, language)
    assert Signature.objects.filter(campaign=campaign).count() == 2
    assert campaign_totals(campaign.pk)["signatures"] == 2

    # What was uploaded kept no camera metadata.
    campaign.refresh_from_db()
    with Image.open(campaign.hero_image.open("rb")) as hero:
        assert not hero.getexif()
