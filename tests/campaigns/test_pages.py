import pytest
from django.core.management import call_command
from django.urls import reverse

from campaigns import models
from campaigns.models import Campaign, Fact, Partner, Supporter
from campaigns.services.campaigns import campaign_set_status
from devdata.demo import FACTS, SLUG
from petitions.models import Signature
from petitions.services import signature_create
from tests.campaigns import factories
from tests.campaigns.factories import CampaignFactory, FactFactory, PartnerFactory, ResourceFactory
from tests.petitions.factories import petition_campaign, signer
from tests.signups.factories import OrganizationSignOnFactory, SignupActionFactory
from tests.support.metrics import record_event

pytestmark = pytest.mark.django_db


def _page(client, campaign) -> str:
    response = client.get(campaign.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _fill(campaign, size: int) -> None:
    for n in range(size):
        PartnerFactory(campaign=campaign, founding_member=n == 0, cosponsor=n % 2 == 0)
        factories.TestimonialFactory(campaign=campaign)
        FactFactory(campaign=campaign)
        ResourceFactory(campaign=campaign)
        OrganizationSignOnFactory(campaign=campaign, status="approved")
    supporters = Supporter.objects.bulk_create(
        [Supporter(email=f"bulk{n}-{campaign.pk}@example.org", first_name="B") for n in range(size)]
    )
    Signature.objects.bulk_create(
        [Signature(campaign=campaign, supporter=s, show_publicly=True) for s in supporters]
    )
    record_event(campaign_id=campaign.pk, metric="signatures", amount=size)


def test_campaign_page_shows_every_section(client, campaign):
    PartnerFactory(campaign=campaign, name="Founders United", founding_member=True)
    PartnerFactory(campaign=campaign, name="Ally Network")
    factories.TestimonialFactory(campaign=campaign, quote="They listened to me.")
    FactFactory(campaign=campaign, figure="200 million", source_title="The fact sheet")
    ResourceFactory(campaign=campaign, title="Deep analysis", kind="research")
    ResourceFactory(campaign=campaign, title="Evening news", kind="media")
    campaign.donation_url = "https://donate.example.org/"
    campaign.save()
    html = _page(client, campaign)
    for text in [
        campaign.title, campaign.summary, "Sign the petition", "Join the movement",
        "Stay up to date", "Support the movement", "Read the latest", "<progress",
        "0 signatures", "Founding members", "Founders United", "Partner organizations",
        "Ally Network", "They listened to me.", "Sample text", "Get the facts", "200 million",
        "Source:", "The fact sheet", "Research & analysis", "Deep analysis",
        "Evening news", 'property="og:title"', 'name="twitter:card"',
        reverse("campaigns:donate", args=[campaign.slug]),
    ]:  # fmt: skip
        assert text in html, text
    assert html.count("Evening news") == 1  # coverage once, in "Read the latest"
    assert '<section id="latest"' in html
    assert "https://donate.example.org/" not in html  # only via the "you are leaving" page


def test_progress_is_shown_as_number_bar_and_text(client, campaign):
    record_event(campaign_id=campaign.pk, metric="signatures", amount=40)
    html = _page(client, campaign)
    assert '<progress max="100" value="40"' in html
    assert "40 signatures of 100" in html


def test_campaign_page_runs_a_fixed_number_of_queries_whatever_the_data_size(
    client, django_assert_num_queries
):
    small, large = petition_campaign(), petition_campaign()
    _fill(small, 1)
    _fill(large, 30)
    client.get(small.get_absolute_url())  # warm up sessions, content types
    # one of them reads the campaign's latest news and coverage (movement.selectors)
    with django_assert_num_queries(9) as small_queries:
        _page(client, small)
    with django_assert_num_queries(len(small_queries.captured_queries)):
        _page(client, large)


@pytest.mark.parametrize("status", ["closed", "won", "archived"])
def test_finished_campaign_shows_a_notice_and_no_forms(client, status):
    campaign = petition_campaign()
    campaign_set_status(campaign=campaign, status="closed" if status != "won" else "won")
    if status == "archived":
        campaign_set_status(campaign=campaign, status="archived")
    html = _page(client, campaign)
    assert 'class="notice"' in html
    assert 'action="' + reverse("petitions:sign", args=[campaign.slug]) not in html
    response = client.post(reverse("petitions:sign", args=[campaign.slug]), signer(1))
    assert response.status_code == 409
    assert not Signature.objects.exists()


def test_draft_campaign_is_not_public(client):
    campaign = CampaignFactory(draft=True)
    assert client.get(campaign.get_absolute_url()).status_code == 404


def test_campaign_without_a_petition_offers_no_petition_form(client):
    campaign = CampaignFactory()
    SignupActionFactory(campaign=campaign)
    html = _page(client, campaign)
    assert "Join the movement" in html
    assert 'id="petition"' not in html


def test_signing_from_the_page_redirects_to_thanks_with_share_links(client, campaign):
    url = reverse("petitions:sign", args=[campaign.slug]) + "?source=newsletter"
    response = client.post(url, signer(1), follow=True)
    html = response.content.decode()
    assert "Thank you for signing!" in html
    assert "Share by Email" in html
    assert Signature.objects.get().source == "newsletter"
    assert "Write to Congress" not in html  # no letter action on this campaign


def test_a_repeat_signature_is_answered_exactly_like_the_first_and_changes_nothing(
    client, campaign
):
    url = reverse("petitions:sign", args=[campaign.slug])
    first = client.post(url, {**signer(1), "comment": "For my sister.", "show_publicly": "on"})
    repeat = client.post(
        url, signer(1, email="SIGNER1@example.org", first_name="Mallory", zip_code="10001")
    )
    assert (repeat.status_code, repeat.url) == (first.status_code, first.url)
    assert client.get(repeat.url).content == client.get(first.url).content
    signature = Signature.objects.select_related("supporter").get()
    assert (signature.supporter.first_name, signature.zip_code) == ("Ana1", "22150")
    assert signature.comment == "For my sister."
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Mallory" not in page


def test_invalid_zip_is_explained_next_to_the_field(client, campaign):
    response = client.post(
        reverse("petitions:sign", args=[campaign.slug]), signer(1, zip_code="ABCDE")
    )
    assert response.status_code == 400
    assert "Enter a 5-digit ZIP code" in response.content.decode()


def test_recent_signers_show_first_name_and_state_only_with_consent(client, campaign):
    signature_create(campaign=campaign, show_publicly=True, **signer(1, first_name="Visible"))
    signature_create(campaign=campaign, **signer(2, first_name="Private"))
    html = _page(client, campaign)
    assert "Visible" in html
    assert "Private" not in html
    assert "Lopez" not in html.split("Recent signers")[1].split("</section>")[0]


def test_cosponsoring_partners_each_get_an_opt_in(client, campaign):
    PartnerFactory(campaign=campaign, name="Cosponsor One", cosponsor=True)
    PartnerFactory(campaign=campaign, name="Just A Partner", cosponsor=False)
    html = _page(client, campaign)
    assert "Cosponsor One may email me" in html
    assert "Just A Partner may email me" not in html


def test_opt_ins_are_unchecked_by_default(client, campaign):
    html = _page(client, campaign)
    form = html.split('id="petition"')[1].split("</form>")[0]
    assert "checked" not in form


def test_donation_goes_through_the_leaving_page(client, campaign):
    campaign.donation_url = "https://donate.example.org/give"
    campaign.save()
    html = client.get(reverse("campaigns:donate", args=[campaign.slug])).content.decode()
    assert "You are leaving this site" in html
    assert 'href="https://donate.example.org/give"' in html


def test_home_page_shows_the_featured_campaign(client):
    petition_campaign(title="Not featured")
    featured = petition_campaign(title="The featured one", featured=True)
    html = client.get("/").content.decode()
    assert featured.title in html
    assert featured.get_absolute_url() in html


def test_load_demo_creates_the_movement_campaign_once(client):
    call_command("load_demo")
    call_command("load_demo")
    campaign = Campaign.objects.get(slug=SLUG)
    assert campaign.status == "live" and campaign.featured and campaign.goal == 10_000
    assert Fact.objects.filter(campaign=campaign).count() == len(FACTS) == 9
    assert set(Fact.objects.values_list("source_title", flat=True)) == {
        "Movement for Gender Asylum Justice fact sheet"
    }
    testimonials = models.Testimonial.objects.filter(campaign=campaign)
    assert 2 <= testimonials.count() <= 3
    assert all(t.is_sample for t in testimonials)  # each marked as a sample on the page
    founding = Partner.objects.get(campaign=campaign, founding_member=True)
    assert "NIWAP" in founding.name
    html = client.get("/").content.decode()
    assert "Protect Gender-Based Asylum" in html
    assert "200 million" in html


def test_thank_you_page_offers_writing_to_congress_when_the_campaign_has_a_letter(client, campaign):
    from tests.letters.factories import LetterActionFactory

    LetterActionFactory(campaign=campaign)
    response = client.post(reverse("petitions:sign", args=[campaign.slug]), signer(1), follow=True)
    html = response.content.decode()
    assert "Write to Congress" in html
    assert reverse("letters:start", args=[campaign.slug]) in html
    assert "Write to your members of Congress" in _page(client, campaign)  # the letter card
