import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.documents import validate_document
from campaigns.models import Resource
from tests.campaigns.factories import CampaignFactory
from tests.movement import documents
from tests.movement.factories import CoverageFactory, MovementResourceFactory

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_library_lists_every_category_newest_first_and_filters_with_plain_links(client):
    MovementResourceFactory(kind="research", title="Old research", published_on=dt.date(2024, 1, 1))
    MovementResourceFactory(
        kind="fact_sheet", title="A fact sheet", published_on=dt.date(2025, 1, 1)
    )
    MovementResourceFactory(
        kind="testimony", title="Senate testimony", published_on=dt.date(2025, 2, 1)
    )
    MovementResourceFactory(
        kind="legal",
        title="Legal memo",
        summary="What the courts said.",
        published_on=dt.date(2025, 3, 1),
    )
    CoverageFactory(title="A news story")  # coverage is "Read the Latest", not the library
    html = page(client, reverse("movement:library"))
    order = [
        html.index(t) for t in ["Legal memo", "Senate testimony", "A fact sheet", "Old research"]
    ]
    assert order == sorted(order)
    assert "What the courts said." in html and "A news story" not in html
    for value in ["research", "fact_sheet", "testimony", "legal"]:
        assert f'href="?category={value}"' in html
    legal = page(client, reverse("movement:library") + "?category=legal")
    assert "Legal memo" in legal and "Senate testimony" not in legal
    assert 'href="?category=legal" aria-current="page"' in legal


def test_an_unknown_category_is_not_found(client):
    assert client.get(reverse("movement:library") + "?category=media").status_code == 404


def test_an_empty_category_says_so(client):
    assert "Nothing here yet" in page(client, reverse("movement:library") + "?category=testimony")


def test_a_draft_campaigns_resources_stay_private(client):
    MovementResourceFactory(campaign=CampaignFactory(draft=True), title="Draft report")
    assert "Draft report" not in page(client, reverse("movement:library"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", documents.PDF),
        ("brief.odt", documents.odt()),
        ("memo.docx", documents.docx()),
    ],
)
def test_pdf_odt_and_docx_documents_are_accepted(name, content):
    validate_document(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script>", "PDF, ODT or DOCX"),
        ("tool.exe", b"MZ\x90\x00", "PDF, ODT or DOCX"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "not in the PDF format"),
        ("fake.docx", documents.odt(), "not in the DOCX format"),
        ("fake.odt", documents.docx(), "not in the ODT format"),
        ("zip.docx", b"PK\x03\x04broken", "not in the DOCX format"),
    ],
)
def test_other_files_are_refused_by_extension_and_by_content(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile(name, content))
    assert message in str(error.value)


def test_a_document_over_the_size_limit_is_refused(settings):
    settings.RESOURCE_FILE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile("big.pdf", documents.PDF + b" " * 200))
    assert "the largest accepted is 100" in str(error.value)


def test_a_resource_needs_a_link_or_a_file():
    from django.db import IntegrityError, transaction

    with pytest.raises(ValidationError):
        Resource(kind="research", title="Nothing").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Resource.objects.create(kind="research", title="Nothing")


def test_an_uploaded_document_is_served_from_the_sites_own_address(client):
    resource = Resource(kind="fact_sheet", title="Our fact sheet")
    resource.file = SimpleUploadedFile("fact-sheet.pdf", documents.PDF)
    resource.full_clean()
    resource.save()
    html = page(client, reverse("movement:library"))
    assert f'href="{resource.file.url}"' in html
    assert resource.file.url.startswith("/media/resources/")
    assert "(PDF document)" in html
    response = client.get(resource.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == documents.PDF
