"""Every public page in Spanish shows no English from the interface.

The pages are those of a live campaign with every action kind, visited under /es/ the way a
supporter does (forms posted, letter flow followed to its receipt). Texts the campaign
wrote itself carry its own `lang` and are left out: the interface around them is checked.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from actioncenter.translations import LOCALE_DIR
from calls.models import CallAction
from devdata.demo import load_demo
from letters.models import Letter
from signups.models import UpdatesSubscription
from signups.tokens import confirm_token, unsubscribe_token
from tests.calls.factories import CallActionFactory
from tests.legislators.factories import DistrictOfficeFactory, members_of
from tests.letters.factories import LetterActionFactory

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
TEXT_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}")
LETTER = {
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


class VisibleText(HTMLParser):
    """The text a reader sees or hears, without what is marked as another language."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden: list[str] = []  # tags of open elements whose content is not read
        self._depth: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID:
            if not self._hidden and attributes.get("lang", "es").startswith("es"):
                self._attributes(tag, attributes)
            return
        self._depth[tag] = self._depth.get(tag, 0) + 1
        foreign = not attributes.get("lang", "es").startswith("es")
        if self._hidden or foreign or tag in {"script", "style"}:
            self._hidden.append(f"{tag}:{self._depth[tag]}")
            return
        self._attributes(tag, attributes)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._hidden and self._hidden[-1] == f"{tag}:{self._depth.get(tag, 0)}":
            self._hidden.pop()
        self._depth[tag] = max(self._depth.get(tag, 0) - 1, 0)

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    def _attributes(self, tag, attributes):
        self.parts.extend(attributes[name] for name in TEXT_ATTRIBUTES if attributes.get(name))
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.parts.append(attributes.get("value") or "")

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def english_phrases() -> list[str]:
    """The catalogue's English sentences, cut at their placeholders and tags: pieces of at
    least 12 characters with a space, too long to be a name that reads the same in Spanish."""
    catalogue = polib.pofile(str(LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"))
    phrases = set()
    for entry in catalogue:
        for message in filter(None, [entry.msgid, entry.msgid_plural]):
            text = re.sub(r"<[^>]+>", "\x00", message)
            for piece in PLACEHOLDER.sub("\x00", text).split("\x00"):
                piece = " ".join(piece.split()).strip(" .,:;—-")
                if len(piece) >= 12 and " " in piece:
                    phrases.add(piece)
    return sorted(phrases)


@pytest.fixture
def campaign(settings):
    """The demo campaign (petition, sign-ups, partners, voices, facts, resources) with a
    letter and a call-in, donations, and members of Congress for ZIP 22201."""
    house, _senior, _junior = members_of()
    DistrictOfficeFactory(
        legislator=house, city="Arlington", zip_code="22203", phone="703-555-0100"
    )
    campaign = load_demo()
    campaign.donation_url = "https://donate.example.org/"
    campaign.save()
    LetterActionFactory(campaign=campaign)
    CallActionFactory(campaign=campaign)
    return campaign


def spanish(name: str, *args) -> str:
    with translation.override("es"):
        return reverse(name, args=args)


@pytest.fixture
def pages(client, campaign, settings, django_capture_on_commit_callbacks):
    """Each public page in Spanish: path → HTML."""
    slug = campaign.slug
    seen: dict[str, str] = {}

    def visit(response, label=None):
        assert response.status_code in {200, 400, 404, 429}, (label, response.status_code)
        assert response["Content-Language"] == "es", label
        seen[label or response.wsgi_request.get_full_path()] = response.content.decode()
        return response

    get = lambda path, **kw: visit(client.get(path, **kw))  # noqa: E731
    for path in [
        spanish("movement:home"),
        spanish("movement:latest"),
        spanish("movement:library"),
        spanish("campaigns:campaign-detail", slug),
        spanish("campaigns:donate", slug),
        spanish("petitions:thanks", slug),
        spanish("signups:join", slug),
        spanish("signups:organization", slug),
        spanish("signups:updates", slug),
        spanish("legislators:find"),
        spanish("legislators:legislator-list"),
        spanish("safety"),
        spanish("privacy"),
        "/es/no-such-page/",
    ]:
        get(path)
    get(spanish("calls:call", slug), data={"zip": "22201"})
    get(spanish("legislators:legislator-detail", campaign_member()))
    visit(client.post(spanish("legislators:find"), {"zip_code": "22201"}), "find: answer")

    # The petition: a form with errors, then signed.
    sign = spanish("petitions:sign", slug)
    visit(client.post(sign, {"first_name": "", "email": "no"}), "petition: errors")
    person = {
        "first_name": "Ana",
        "last_name": "López",
        "email": "ana@example.org",
        "zip_code": "22201",
    }
    thanks = client.post(sign, person)
    assert thanks.status_code == 302 and thanks.url.startswith("/es/"), thanks
    get(thanks.url)

    # The letter, from the address to the receipt.
    start, write = spanish("letters:start", slug), spanish("letters:write", slug)
    get(start)
    assert client.post(start, {"zip_code": "22201"}).url == write
    get(write)
    draft = {"personal_note": "Me importa.", "edited_template": campaign.letter_action.template}
    send = client.post(write, draft).url
    get(send)
    visit(client.post(send, {**LETTER, "email": "no"}), "letter: errors")
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.post(send, LETTER)
    assert receipt.url.startswith("/es/letters/receipt/"), receipt.url
    get(receipt.url)

    # Joining, organizations and updates.
    join = spanish("signups:join", slug)
    visit(client.post(join, person))
    updates = spanish("signups:updates", slug)
    with django_capture_on_commit_callbacks(execute=True):
        visit(client.post(updates, {"email": "ana@example.org", "zip_code": "22201"}))
    subscription = UpdatesSubscription.objects.get()
    get(spanish("signups:subscription-confirm", confirm_token(subscription)))
    get(spanish("signups:subscription-unsubscribe", unsubscribe_token(subscription)))
    get(spanish("signups:subscription-confirm", "not-a-token"))

    # Too many attempts.
    settings.CAMPAIGNS_RATE_LIMITS = {"ip": "1/600", "email": "1/600"}
    for _attempt in range(3):
        response = client.post(join, {**person, "email": "b@example.org"})
    visit(response, "429")
    assert response.status_code == 429
    return seen


def campaign_member() -> str:
    from legislators.models import Legislator

    return Legislator.objects.order_by("bioguide_id").first().bioguide_id


def test_every_public_page_in_spanish_shows_no_english_interface_text(pages):
    phrases = english_phrases()
    assert len(phrases) > 300
    assert len(pages) >= 25
    for label, html in pages.items():
        assert '<html lang="es">' in html, label
        text = VisibleText.of(html)
        found = [phrase for phrase in phrases if phrase in text]
        assert found == [], f"{label}: English on a Spanish page: {found}"


def test_spanish_pages_are_in_spanish(pages):
    everywhere = ["Salida rápida", "Ir al contenido", "Política de privacidad", "Idioma:"]
    for label, html in pages.items():
        text = VisibleText.of(html)
        for words in everywhere:
            assert words in text, (label, words)


def test_a_form_error_is_shown_in_spanish(pages):
    petition = VisibleText.of(pages["petition: errors"])
    assert "Revise los campos marcados abajo." in petition
    assert "Nombre * Este campo es requerido." in petition  # Django's own catalogue
    letter = VisibleText.of(pages["letter: errors"])
    assert "Introduzca una dirección de correo electrónico válida." in letter


def test_the_emails_of_a_spanish_visit_are_in_spanish_and_link_to_spanish_pages(pages):
    receipt, confirmation = (
        next(m for m in mail.outbox if "/letters/receipt/" in m.body),
        next(m for m in mail.outbox if "/updates/confirm/" in m.body),
    )
    assert receipt.subject.startswith("Su carta al Congreso:")
    assert "Gracias por escribir al Congreso." in receipt.body
    assert "/es/letters/receipt/" in receipt.body
    assert confirmation.subject.startswith("Confirme, por favor:")
    assert "/es/updates/confirm/" in confirmation.body
    assert "/es/updates/unsubscribe/" in confirmation.body


def test_the_letter_to_congress_stays_in_the_campaign_language(pages):
    """The interface is Spanish; what the offices receive is the campaign's English letter."""
    letter = Letter.objects.get()
    deliveries = list(letter.deliveries.all())
    assert len(deliveries) == 3
    assert all("Senador" not in delivery.body for delivery in deliveries)
    assert {delivery.office_name for delivery in deliveries} == {
        "Representative Hana Doe",
        "Senator Sam Senior",
        "Senator Jo Junior",
    }
    assert CallAction.objects.count() == 1
    call_page = next(html for label, html in pages.items() if "/call/" in label)
    assert "Senador/a" not in call_page.split("outreach-letter")[1]
