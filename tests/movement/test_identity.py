import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from movement.identity import site_identity
from movement.models import SiteIdentity
from petitions.services import signature_create
from tests.movement.factories import identity_save
from tests.petitions.factories import signer

pytestmark = pytest.mark.django_db


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _header_and_footer(html: str) -> tuple[str, str]:
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    footer = html.split('<footer class="site-footer">')[1].split("</footer>")[0]
    return header, footer


def test_header_footer_and_title_come_from_the_settings_without_an_admin_row(client, settings):
    settings.SITE_NAME = "Movement for Gender Asylum Justice"
    settings.SITE_NAME_ES = "Movimiento por la Justicia en el Asilo de Género"
    settings.SITE_TAGLINE = "Fair hearings for people fleeing gender-based violence."
    settings.SITE_CONTACT_EMAIL = "hello@mgaj.example.org"
    html = client.get("/safety/").content.decode()
    header, footer = _header_and_footer(html)
    assert "Movement for Gender Asylum Justice" in header
    assert "Action Center" not in html
    assert "Movement for Gender Asylum Justice" in html.split("<title>")[1].split("</title>")[0]
    assert "Fair hearings for people fleeing gender-based violence." in footer
    assert 'href="mailto:hello@mgaj.example.org"' in footer
    spanish = client.get("/es/safety/").content.decode()
    assert "Movimiento por la Justicia en el Asilo de Género" in _header_and_footer(spanish)[0]


def test_the_admin_row_overrides_the_settings_and_is_seen_at_once_after_saving(
    client, settings, capture
):
    settings.SITE_NAME = "Action Center"
    assert "Action Center" in _header_and_footer(client.get("/").content.decode())[0]
    identity_save(
        capture,
        name="Movement for Gender Asylum Justice",
        name_es="Movimiento por la Justicia en el Asilo de Género",
        tagline="Fair hearings for all.",
        tagline_es="Audiencias justas para todas las personas.",
        contact_email="contact@mgaj.example.org",
    )
    header, footer = _header_and_footer(client.get("/").content.decode())
    assert "Movement for Gender Asylum Justice" in header and "Action Center" not in header
    assert "Fair hearings for all." in footer
    assert "contact@mgaj.example.org" in footer
    header, footer = _header_and_footer(client.get("/es/").content.decode())
    assert "Movimiento por la Justicia en el Asilo de Género" in header
    assert "Audiencias justas para todas las personas." in footer


def test_a_name_without_its_spanish_version_is_shown_in_english_and_marked_so(
    client, settings, capture
):
    settings.SITE_NAME_ES = "Centro de Acción"  # names the default, not this movement
    identity_save(capture, name="Movement for Gender Asylum Justice")
    header, _footer = _header_and_footer(client.get("/es/").content.decode())
    assert '<span lang="en">Movement for Gender Asylum Justice</span>' in header
    assert "Centro de Acción" not in header


def test_the_logo_is_shown_with_its_description_on_the_home_page(client, capture):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "purple").save(buffer, "PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    identity_save(capture, logo=logo, logo_alt="A purple circle", logo_alt_es="Un círculo morado")
    html = client.get("/").content.decode()
    header, _footer = _header_and_footer(html)
    assert "<img" in header and 'alt=""' in header  # the name is written beside it
    assert 'alt="A purple circle"' in html
    assert 'alt="Un círculo morado"' in client.get("/es/").content.decode()


@pytest.mark.parametrize(
    ("colour", "problem"),
    [("purple", "six hexadecimal digits"), ("#5b2a8", "six hexadecimal"), ("#ffe066", "too light")],
)
def test_colours_must_be_hex_and_readable_under_white_text(colour, problem):
    row = SiteIdentity(primary_colour=colour)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert problem in " ".join(error.value.message_dict["primary_colour"])


def test_colours_reach_pages_through_a_same_origin_stylesheet_with_an_etag(client, capture):
    identity_save(capture, primary_colour="#1d4ed8", accent_colour="#9f1239")
    html = client.get("/").content.decode()
    href = site_identity().stylesheet_url
    assert f'<link rel="stylesheet" href="{href}">' in html
    assert href.startswith("/identity.css?v=")
    assert "style=" not in html  # the Content-Security-Policy blocks inline styles
    response = client.get(href)
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--brand: #1d4ed8;" in css and "--accent: #9f1239;" in css
    again = client.get(href, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    identity_save(capture, primary_colour="#14532d")
    assert site_identity().stylesheet_url != href  # a new colour is a new address
    assert "--brand: #14532d;" in client.get(site_identity().stylesheet_url).content.decode()


def test_emails_are_signed_and_sent_in_the_movements_name(campaign, mailoutbox, capture, settings):
    settings.DEFAULT_FROM_EMAIL = "Action Center <noreply@mgaj.example.org>"
    identity_save(
        capture,
        name="Movement for Gender Asylum Justice",
        name_es="Movimiento por la Justicia en el Asilo de Género",
        contact_email="contact@mgaj.example.org",
    )
    with capture(execute=True):
        signature_create(campaign=campaign, updates_opt_in=True, **signer(1))
    [message] = mailoutbox
    assert message.from_email == ("Movement for Gender Asylum Justice <noreply@mgaj.example.org>")
    assert message.body.rstrip().endswith(
        "Movement for Gender Asylum Justice\ncontact@mgaj.example.org"
    )
    assert "Action Center" not in message.body


def test_the_letter_receipt_is_signed_and_sent_in_the_movements_name(mailoutbox, capture, settings):
    from tests.legislators.factories import members_of
    from tests.letters.factories import LetterActionFactory
    from tests.letters.helpers import submit

    settings.CENSUS_GEOCODER_BASE_URL = "http://127.0.0.1:9"
    settings.DEFAULT_FROM_EMAIL = "noreply@mgaj.example.org"
    identity_save(capture, name="Movement for Gender Asylum Justice", contact_email="c@example.org")
    members_of()
    action = LetterActionFactory()
    with capture(execute=True):
        submit(action)
    [receipt] = [m for m in mailoutbox if "/letters/receipt/" in m.body]
    assert receipt.from_email == "Movement for Gender Asylum Justice <noreply@mgaj.example.org>"
    assert receipt.body.rstrip().endswith("Movement for Gender Asylum Justice\nc@example.org")


def test_partners_and_offices_see_the_movements_name(client, capture):
    from rest_framework.authtoken.models import Token

    from metrics.periods import Period
    from petitions.exports import petition_cover
    from staff.roles import REPORTER
    from tests.legislators.factories import LegislatorFactory
    from tests.petitions.factories import petition_campaign
    from tests.staff.factories import UserFactory

    identity_save(capture, name="Movement for Gender Asylum Justice")
    token = Token.objects.create(user=UserFactory(role=REPORTER))
    entry = client.get("/api/osdi/v1/", HTTP_OSDI_API_TOKEN=token.key).json()
    assert entry["vendor_name"] == "Movement for Gender Asylum Justice"
    office = LegislatorFactory(representative=True)
    cover = petition_cover(petition_campaign(), office, Period(None, None))
    assert cover.footer.startswith("Movement for Gender Asylum Justice · ")


def test_a_link_typed_without_its_scheme_is_taken_as_https():
    field = SiteIdentity._meta.get_field("donation_url").formfield()
    assert field.clean("donate.example.org") == "https://donate.example.org"
