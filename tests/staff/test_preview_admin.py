"""Organizers reach the supporter preview from the admin and see every action kind there."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from campaigns.templating import MERGE_FIELDS
from metrics.totals import campaign_totals
from petitions.models import Petition, Signature
from signups.models import OrganizationSignOn, Signup, SignupAction, UpdatesSubscription
from staff.roles import ORGANIZER, REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, live_campaign, sign_in

pytestmark = pytest.mark.django_db

SUPPORTER_PAGES = ["join", "organization", "updates"]


class FormParser(HTMLParser):
    """The forms of a page: method, action and whether their submit buttons are disabled."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attributes.get("action"), "submits": []})
        elif tag == "button" and self.forms and attributes.get("type", "submit") == "submit":
            self.forms[-1]["submits"].append("disabled" in attributes)


def post_forms(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return [form for form in parser.forms if form["method"] == "post"]


def with_every_action_kind(**fields):
    from devdata.letters import demo_outreach_create

    campaign = live_campaign(**fields)
    Petition.objects.create(campaign=campaign, text="We ask Congress to act now.")
    SignupAction.objects.create(campaign=campaign, intro="Stand with the coalition.")
    demo_outreach_create(campaign)
    return campaign


@pytest.fixture
def draft():
    return with_every_action_kind(
        status="draft", title="Quiet launch", donation_url="https://give.example.org/"
    )


@pytest.fixture
def organizer(client):
    sign_in(client, UserFactory(role=ORGANIZER))
    return client


def preview_url(campaign, page=None) -> str:
    """The preview overview, the campaign page ("page") or one of the supporter pages."""
    if page is None:
        return reverse("staff:campaign-preview", args=[campaign.slug])
    if page == "page":
        return reverse("staff:campaign-preview-page", args=[campaign.slug])
    return reverse("staff:campaign-preview-form", args=[campaign.slug, page])


def test_organizer_finds_the_preview_link_on_the_campaign_change_page(organizer, draft):
    preview = preview_url(draft)
    page = organizer.get(reverse("admin:campaigns_campaign_change", args=[draft.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="{preview}"' in html
    assert "Preview as a supporter" in html


def test_organizer_finds_a_preview_link_on_each_row_of_the_campaign_list(organizer, draft):
    html = organizer.get(reverse("admin:campaigns_campaign_changelist")).content.decode()
    assert f'href="{preview_url(draft)}"' in html


def test_reporter_reading_campaigns_in_the_admin_gets_no_preview_link(client, draft):
    sign_in(client, UserFactory(role=REPORTER))
    change = client.get(reverse("admin:campaigns_campaign_change", args=[draft.pk]))
    listing = client.get(reverse("admin:campaigns_campaign_changelist"))
    assert change.status_code == listing.status_code == 200
    for response in (change, listing):
        assert "Preview as a supporter" not in response.content.decode()


def test_preview_of_a_draft_shows_every_action_kind(organizer, draft):
    LegislatorFactory(representative=True, state="NY", district=12, last_name="Hale")
    html = organizer.get(preview_url(draft)).content.decode()
    for page in ["page", *SUPPORTER_PAGES]:
        assert preview_url(draft, page) in html
    assert "Hale" in html  # the letter, addressed to a sample member
    assert "Call script" in html

    html = organizer.get(preview_url(draft, "page")).content.decode()
    assert "We ask Congress to act now." in html  # the petition form, as once live
    assert "is closed" not in html
    for cta in ["Sign the petition", "Join the movement", "Write to your members", "Call your"]:
        assert cta in html
    assert "supporters cannot see it until it is published" in html


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("join", "Stand with the coalition."),
        ("organization", "Organization name"),
        ("updates", "Stay up to date"),
        ("donate", "https://give.example.org/"),
    ],
)
def test_each_supporter_page_of_a_draft_can_be_previewed(organizer, draft, page, text):
    response = organizer.get(preview_url(draft, page))
    assert response.status_code == 200
    assert text in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_organization_sign_on_is_not_offered_when_the_campaign_refuses_organizations(
    organizer, draft
):
    SignupAction.objects.filter(campaign=draft).update(accepts_organizations=False)
    organization = preview_url(draft, "organization")
    overview = organizer.get(preview_url(draft))
    join = organizer.get(preview_url(draft, "join"))
    assert organization not in overview.content.decode()
    assert organization not in join.content.decode()


def test_unknown_preview_page_is_not_found(organizer, draft):
    assert organizer.get(preview_url(draft, "elsewhere")).status_code == 404


@pytest.mark.parametrize("page", [None, "page", *SUPPORTER_PAGES])
def test_visitors_sign_in_first_and_reporters_are_refused(client, draft, page):
    url = preview_url(draft, page)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))
    sign_in(client, UserFactory(role=REPORTER))
    assert client.get(url).status_code == 403


def test_preview_forms_cannot_be_sent_and_count_nothing(organizer):
    # Live, so the public endpoints would accept these submissions.
    campaign = with_every_action_kind(status="live")
    submission = {
        "first_name": "Ana",
        "last_name": "Lopez",
        "email": "ana@example.org",
        "zip_code": "10001",
        "name": "Neighbors United",
        "contact_name": "Ana Lopez",
        "contact_email": "ana@example.org",
    }
    live_prefix = campaign.get_absolute_url()
    forms = []
    for page in ["page", *SUPPORTER_PAGES]:
        forms += post_forms(organizer.get(preview_url(campaign, page)).content.decode())
    assert len(forms) == 1 + len(SUPPORTER_PAGES)
    for form in forms:
        assert form["submits"] and all(form["submits"])  # every submit button is disabled
        assert not (form["action"] or "").startswith(live_prefix)
        assert organizer.post(form["action"], submission).status_code == 405
    assert not Signature.objects.exists()
    assert not Signup.objects.exists()
    assert not OrganizationSignOn.objects.exists()
    assert not UpdatesSubscription.objects.exists()
    assert not any(campaign_totals(campaign.pk).values())


def test_preview_of_a_campaign_without_a_petition_shows_no_petition_form(organizer):
    campaign = live_campaign(status="draft")
    SignupAction.objects.create(campaign=campaign)
    html = organizer.get(preview_url(campaign, "page")).content.decode()
    assert 'id="petition"' not in html
    assert "Join the movement" in html


@pytest.mark.parametrize("model", ["letters_letteraction", "calls_callaction"])
def test_letter_and_call_forms_list_every_merge_field(admin_client, model):
    html = admin_client.get(reverse(f"admin:{model}_add")).content.decode()
    for name in MERGE_FIELDS:
        assert "{{ " + name + " }}" in html


@pytest.mark.parametrize("model", ["letters_letteraction", "calls_callaction"])
def test_reporters_can_still_read_letter_and_call_settings(client, model):
    from devdata.letters import demo_outreach_create

    letter, call = demo_outreach_create(live_campaign())
    sign_in(client, UserFactory(role=REPORTER))
    target = letter if model == "letters_letteraction" else call
    response = client.get(reverse(f"admin:{model}_change", args=[target.pk]))
    assert response.status_code == 200


def test_a_new_campaign_must_say_whether_it_is_sensitive(admin_client):
    from campaigns.models import Campaign

    url = "/admin/campaigns/campaign/add/"
    page = admin_client.get(url).content.decode()
    assert "Could taking part put a supporter at risk?" in page
    data = {
        "title": "Stand with survivors", "slug": "stand-with-survivors", "language": "en",
        "goal": "0", "created_at_0": "2026-12-01", "created_at_1": "09:00:00",
        **{f"{prefix}-TOTAL_FORMS": "0" for prefix in _inline_prefixes(admin_client, url)},
        **{f"{prefix}-INITIAL_FORMS": "0" for prefix in _inline_prefixes(admin_client, url)},
    }  # fmt: skip
    refused = admin_client.post(url, data)
    assert refused.status_code == 200 and not Campaign.objects.filter(slug="stand-with-survivors")
    assert "This field is required" in refused.content.decode()
    admin_client.post(url, {**data, "sensitive": "True"})
    assert Campaign.objects.get(slug="stand-with-survivors").sensitive is True


def _inline_prefixes(client, url) -> list[str]:
    import re

    page = client.get(url).content.decode()
    return sorted(set(re.findall(r'name="([\w-]+)-TOTAL_FORMS"', page)))
