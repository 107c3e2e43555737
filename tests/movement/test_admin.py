import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaigns import models as content
from campaigns.models import Fact, Partner, Resource
from movement.identity import site_identity
from movement.models import NewsPost, SiteIdentity
from staff.roles import ORGANIZER
from tests.campaigns.factories import CampaignFactory, FactFactory, ResourceFactory
from tests.movement import documents
from tests.movement.factories import MovementFactFactory
from tests.staff.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db

PAGES = [
    "movement_newspost",
    "movement_movementfact",
    "movement_movementpartner",
    "movement_supporterquote",
    "movement_libraryresource",
    "movement_mediacoverage",
]


@pytest.fixture
def organizer_client(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    return client


@pytest.mark.parametrize("page", PAGES)
def test_each_list_and_add_page_opens_for_an_organizer(organizer_client, page):
    assert organizer_client.get(reverse(f"admin:{page}_changelist")).status_code == 200
    assert organizer_client.get(reverse(f"admin:{page}_add")).status_code == 200


def test_the_admin_index_names_the_movements_pages_in_words(organizer_client):
    html = organizer_client.get(reverse("admin:index")).content.decode()
    for label in [
        "Site identity",
        "News posts",
        "Facts (Get the Facts)",
        "Founding members and partner organizations",
        "Supporter quotes",
        "Library resources (Research &amp; Analysis)",
        "Media coverage",
    ]:
        assert label in html, label


def test_the_identity_is_one_row_edited_from_its_list(
    admin_client, django_capture_on_commit_callbacks
):
    response = admin_client.get(reverse("admin:movement_siteidentity_changelist"))
    assert response.url == reverse("admin:movement_siteidentity_add")
    add = admin_client.get(response.url).content.decode()
    assert 'name="name_es"' in add and 'name="primary_colour"' in add
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:movement_siteidentity_add"),
            {
                "name": "Movement for Gender Asylum Justice",
                "name_es": "Movimiento por la Justicia en el Asilo de Género",
                "tagline": "Fair hearings.",
                "primary_colour": "#1d4ed8",
                "contact_email": "hello@mgaj.example.org",
            },
        )
    assert response.status_code == 302
    row = SiteIdentity.objects.get()
    # seen at once: the header of the next page says the new name
    assert "Movement for Gender Asylum Justice" in admin_client.get("/").content.decode()
    assert site_identity("es").name == "Movimiento por la Justicia en el Asilo de Género"
    response = admin_client.get(reverse("admin:movement_siteidentity_changelist"))
    assert response.url == reverse("admin:movement_siteidentity_change", args=[row.pk])
    assert admin_client.get(reverse("admin:movement_siteidentity_add")).status_code == 403


def test_a_light_colour_is_refused_with_a_message_not_an_error_page(admin_client):
    response = admin_client.post(
        reverse("admin:movement_siteidentity_add"), {"primary_colour": "#ffff00"}
    )
    assert response.status_code == 200
    assert "This colour is too light" in response.content.decode()
    assert not SiteIdentity.objects.exists()


def test_a_fact_saved_here_belongs_to_the_movement_and_campaign_facts_are_not_listed(
    admin_client,
):
    FactFactory(figure="A campaign's figure")
    listing = admin_client.get(reverse("admin:movement_movementfact_changelist")).content.decode()
    assert "campaign&#x27;s figure" not in listing
    add = admin_client.get(reverse("admin:movement_movementfact_add")).content.decode()
    assert 'name="campaign"' not in add
    assert 'name="figure_es"' in add  # each translation beside its original
    response = admin_client.post(
        reverse("admin:movement_movementfact_add"),
        {
            "position": "1",
            "figure": "200 million",
            "figure_es": "200 millones",
            "statement": "women and girls have undergone genital cutting.",
            "statement_es": "mujeres y niñas han sufrido mutilación genital.",
            "source_title": "UNICEF",
            "source_title_es": "UNICEF",
            "source_url": "https://data.unicef.org/",
            "source_date": "2024-03-08",
        },
    )
    assert response.status_code == 302
    fact = Fact.objects.get(figure="200 million")
    assert fact.campaign is None and fact.source_date == dt.date(2024, 3, 8)


def test_facts_are_reordered_from_the_list(admin_client):
    first = MovementFactFactory(position=1)
    second = MovementFactFactory(position=2)
    response = admin_client.post(
        reverse("admin:movement_movementfact_changelist"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(first.pk),
            "form-0-position": "5",
            "form-1-id": str(second.pk),
            "form-1-position": "1",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.position == 5


def test_a_partner_and_a_quote_are_saved_for_the_movement(admin_client):
    response = admin_client.post(
        reverse("admin:movement_movementpartner_add"),
        {
            "position": "0",
            "name": "NIWAP",
            "founding_member": "on",
            "website": "https://niwap.org/",
        },
    )
    assert response.status_code == 302
    assert Partner.objects.get(name="NIWAP").campaign is None
    refused = admin_client.post(
        reverse("admin:movement_supporterquote_add"),
        {"position": "0", "quote": "My words.", "name": "Rosa M."},
    )
    assert refused.status_code == 200  # no consent and not a sample: refused, not an error
    assert not content.Testimonial.objects.exists()
    response = admin_client.post(
        reverse("admin:movement_supporterquote_add"),
        {
            "position": "0",
            "quote": "My words.",
            "name": "Rosa M.",
            "role": "Survivor",
            "consent_recorded": "on",
            "consent_note": "Signed release, May 2026",
        },
    )
    assert response.status_code == 302
    assert content.Testimonial.objects.get().campaign is None


def test_a_news_post_is_saved_and_tagged_to_a_campaign(admin_client):
    campaign = CampaignFactory()
    response = admin_client.post(
        reverse("admin:movement_newspost_add"),
        {
            "title": "We testified",
            "slug": "we-testified",
            "published_on": "2026-03-01",
            "language": "en",
            "body": "Today we **testified**.",
            "campaigns": [campaign.pk],
        },
    )
    assert response.status_code == 302
    assert list(NewsPost.objects.get().campaigns.all()) == [campaign]


def test_a_library_document_is_uploaded_and_a_fake_one_refused(admin_client):
    data = {"position": "0", "kind": "legal", "title": "Legal memo", "language": "en"}
    refused = admin_client.post(
        reverse("admin:movement_libraryresource_add"),
        {**data, "file": SimpleUploadedFile("memo.pdf", b"<html>not a pdf</html>")},
    )
    assert refused.status_code == 200
    assert "not in the PDF format" in refused.content.decode()
    response = admin_client.post(
        reverse("admin:movement_libraryresource_add"),
        {**data, "file": SimpleUploadedFile("memo.pdf", documents.PDF)},
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.campaign is None and resource.file.name.startswith("resources/memo")
    page = admin_client.get(reverse("admin:movement_libraryresource_add")).content.decode()
    assert 'value="media"' not in page  # coverage has its own page


def test_a_coverage_item_is_saved_as_media_coverage(admin_client):
    ResourceFactory(kind="research", title="Not coverage")
    response = admin_client.post(
        reverse("admin:movement_mediacoverage_add"),
        {
            "position": "0",
            "title": "Survivors ask Congress to act",
            "source": "The Example Times",
            "url": "https://news.example.com/story",
            "published_on": "2026-02-01",
            "language": "en",
        },
    )
    assert response.status_code == 302
    item = Resource.objects.get(title="Survivors ask Congress to act")
    assert item.kind == "media" and item.campaign is None
    listing = admin_client.get(reverse("admin:movement_mediacoverage_changelist")).content.decode()
    assert "Survivors ask Congress to act" in listing and "Not coverage" not in listing


def test_the_campaign_admin_still_edits_a_campaigns_own_content(admin_client):
    campaign = CampaignFactory()
    FactFactory(campaign=campaign, figure="Own figure")
    page = admin_client.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk]))
    assert page.status_code == 200
    assert "Own figure" in page.content.decode()


def test_a_logo_without_its_description_is_refused_in_the_form(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "purple").save(buffer, "PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    response = admin_client.post(reverse("admin:movement_siteidentity_add"), {"logo": logo})
    assert response.status_code == 200
    assert 'name="logo_alt"' in response.content.decode()
    assert response.context["adminform"].form.errors
    assert not SiteIdentity.objects.exists()
