"""The embeddable forms: who may frame them, what they show and what posting them records."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from campaigns.models import Campaign, Supporter
from metrics.breakdowns import breakdowns
from metrics.periods import Period
from petitions.models import Signature
from signups.models import Signup, UpdatesSubscription
from tests.embeds.conftest import OTHER, PARTNER, PARTNER_WWW, SITE
from tests.petitions.factories import petition_campaign, signer

pytestmark = pytest.mark.django_db

EMBED_PATHS = ("sign", "join", "updates")


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )


def token_of(response) -> str:
    match = re.search(r'name="embed_token" value="([^"]+)"', response.content.decode())
    assert match, "the embedded form carries its token"
    return match.group(1)


@pytest.fixture
def browser():
    """A browser in a partner's frame: Django's CSRF check is on, and no cookie of this site
    is ever sent (a third-party frame gets none)."""
    return Client(enforce_csrf_checks=True)


def post_in_frame(browser, campaign, form="sign", *, source="partner-org", origin=SITE, **data):
    query = f"?source={source}" if source else ""
    url = f"/embed/c/{campaign.slug}/{form}/{query}"
    token = token_of(browser.get(url))
    browser.cookies.clear()
    return browser.post(url, {"embed_token": token, **data}, headers={"Origin": origin})


@pytest.mark.parametrize("form", EMBED_PATHS)
def test_embed_may_be_framed_by_the_allowed_partner_sites_only(client, campaign, form):
    response = client.get(f"/embed/c/{campaign.slug}/{form}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    ancestors = directives(response)["frame-ancestors"].split()
    assert sorted(ancestors) == sorted([PARTNER, PARTNER_WWW, OTHER])
    # the rest of the site's policy stays: scripts and form targets of this site only
    assert directives(response)["script-src"] == "'self'"
    assert directives(response)["form-action"] == "'self'"


def test_embed_made_for_one_partner_may_be_framed_by_that_partner_only(client, campaign):
    response = client.get(f"/embed/c/{campaign.slug}/sign/?source=partner-org")
    assert directives(response)["frame-ancestors"].split() == [PARTNER, PARTNER_WWW]


@pytest.mark.parametrize(
    "path", ["/", "/c/{slug}/", "/c/{slug}/join/", "/c/{slug}/updates/", "/safety/", "/privacy/"]
)
def test_every_other_page_still_refuses_every_frame(client, campaign, path):
    response = client.get(path.format(slug=campaign.slug))
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == "'none'"


def test_staff_and_admin_pages_still_refuse_every_frame(client, db):
    for path in ("/staff/login/", "/admin/login/"):
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert directives(response)["frame-ancestors"] == "'none'", path


def test_without_partners_an_embed_refuses_every_frame(client, campaign, settings):
    settings.EMBED_PARTNERS = {}
    response = client.get(f"/embed/c/{campaign.slug}/sign/")
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == "'none'"


def test_frame_has_the_quick_exit_leaving_the_whole_window_and_no_site_navigation(client, campaign):
    html = client.get(f"/embed/c/{campaign.slug}/sign/").content.decode()
    quick_exit = re.search(r'<a class="quick-exit"[^>]*>', html).group(0)
    assert 'target="_top"' in quick_exit
    assert 'href="https://www.google.com/"' in quick_exit
    assert "(or press Esc twice)" in html
    assert "js/quick-exit.js" in html
    assert "site-header" not in html
    assert 'aria-label="Main"' not in html


def test_frame_shows_the_petition_privacy_note_as_the_campaign_page_does(client, campaign):
    note = "We never sell or share your details. See our privacy policy."
    page = client.get(f"/c/{campaign.slug}/").content.decode()
    frame = client.get(f"/embed/c/{campaign.slug}/sign/").content.decode()
    assert note in page and note in frame
    # the same choices, in the same words
    for label in ("Email me updates about this campaign", "Your choices (all optional)"):
        assert label in page and label in frame
    # links leave the frame: a page of this site cannot be shown inside a partner's page
    assert re.search(r'<a href="/privacy/" target="_blank">Privacy policy</a>', frame)


def test_frame_shows_the_updates_note_as_the_updates_page_does(client, campaign):
    note = "Every email has a one-click unsubscribe link."
    assert note in client.get(f"/c/{campaign.slug}/updates/").content.decode()
    assert note in client.get(f"/embed/c/{campaign.slug}/updates/").content.decode()


def test_signing_in_the_frame_counts_for_the_partner(browser, campaign):
    response = post_in_frame(browser, campaign, **signer(1))
    assert response.status_code == 200
    assert "Thank you for signing!" in response.content.decode()
    assert not response.cookies  # nothing for a third-party frame to keep
    assert Signature.objects.get().source == "partner-org"
    assert Supporter.objects.get().source == "partner-org"
    by_source = breakdowns(campaign.pk, Period(), today=timezone.localdate())["source"]
    assert by_source["partner-org"]["signatures"] == 1


def test_thank_you_in_the_frame_may_be_framed_by_the_partner_only(browser, campaign):
    response = post_in_frame(browser, campaign, **signer(1))
    assert "X-Frame-Options" not in response
    assert directives(response)["frame-ancestors"].split() == [PARTNER, PARTNER_WWW]


def test_a_source_in_the_post_cannot_move_the_action_to_another_partner(browser, campaign):
    url = f"/embed/c/{campaign.slug}/sign/?source=partner-org"
    token = token_of(browser.get(url))
    browser.post(
        f"/embed/c/{campaign.slug}/sign/?source=other-net&ref=other-net",
        {"embed_token": token, "source": "other-net", **signer(1)},
        headers={"Origin": SITE},
    )
    assert Signature.objects.get().source == "partner-org"


def test_an_unknown_source_in_the_frame_url_is_ignored(browser, campaign):
    post_in_frame(browser, campaign, source="made-up-partner", **signer(1))
    assert Signature.objects.get().source == ""


def test_a_frame_without_source_counts_for_the_partner_whose_page_shows_it(browser, campaign):
    url = f"/embed/c/{campaign.slug}/sign/"
    token = token_of(browser.get(url, headers={"Referer": f"{OTHER}/take-action"}))
    browser.post(url, {"embed_token": token, **signer(1)}, headers={"Origin": SITE})
    assert Signature.objects.get().source == "other-net"


def test_an_altered_token_is_refused_with_a_clear_page(browser, campaign):
    url = f"/embed/c/{campaign.slug}/sign/?source=partner-org"
    token = token_of(browser.get(url))
    response = browser.post(
        url, {"embed_token": token[:-2] + "xx", **signer(1)}, headers={"Origin": SITE}
    )
    assert response.status_code == 403
    assert "Open the form again" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_token_of_another_campaign_is_refused(browser, campaign):
    other = petition_campaign()
    token = token_of(browser.get(f"/embed/c/{other.slug}/sign/"))
    response = browser.post(
        f"/embed/c/{campaign.slug}/sign/", {"embed_token": token, **signer(1)},
        headers={"Origin": SITE},
    )  # fmt: skip
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_an_old_form_asks_to_be_opened_again(browser, campaign, settings):
    url = f"/embed/c/{campaign.slug}/sign/?source=partner-org"
    token = token_of(browser.get(url))
    settings.EMBED_FORM_MAX_AGE = -1
    response = browser.post(url, {"embed_token": token, **signer(1)}, headers={"Origin": SITE})
    assert response.status_code == 403
    html = response.content.decode()
    assert "open for too long" in html
    assert f'href="{url}"' in html  # opened again for the same partner
    assert not Signature.objects.exists()


def test_errors_are_shown_inside_the_frame(browser, campaign):
    response = post_in_frame(browser, campaign, **signer(1, zip_code="123"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a 5-digit ZIP code" in html
    assert "site-header" not in html
    assert token_of(response)  # a fresh token: the supporter corrects and sends again
    assert "X-Frame-Options" not in response
    assert not Signature.objects.exists()


def test_joining_in_the_frame_counts_for_the_partner(browser, campaign):
    response = post_in_frame(browser, campaign, "join", **signer(2))
    assert response.status_code == 200
    assert "Welcome to the movement" in response.content.decode()
    assert Signup.objects.get().source == "partner-org"


def test_updates_in_the_frame_count_for_the_partner(
    browser, campaign, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_in_frame(
            browser, campaign, "updates", email="reader@example.org", first_name="Rosa"
        )
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert UpdatesSubscription.objects.get().supporter.source == "partner-org"
    assert len(mailoutbox) == 1


def test_a_post_from_a_partner_page_is_taken_without_any_cookie(browser, campaign):
    response = post_in_frame(browser, campaign, origin=PARTNER_WWW, **signer(1))
    assert response.status_code == 200
    assert Signature.objects.get().source == "partner-org"


def test_a_post_from_another_site_is_refused_with_a_clear_page(browser, campaign):
    response = post_in_frame(browser, campaign, origin="https://evil.example.com", **signer(1))
    assert response.status_code == 403
    html = response.content.decode()
    assert "can only be sent from the page it was shown on" in html
    assert 'id="quick-exit"' in html
    assert not Signature.objects.exists()


def test_a_post_of_one_partner_from_another_partner_site_is_refused(browser, campaign):
    response = post_in_frame(browser, campaign, origin=OTHER, **signer(1))
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_a_post_saying_nothing_of_where_it_comes_from_is_refused(browser, campaign):
    url = f"/embed/c/{campaign.slug}/sign/"
    token = token_of(browser.get(url))
    response = browser.post(url, {"embed_token": token, **signer(1)})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_a_referer_of_the_site_stands_for_a_missing_origin(browser, campaign):
    url = f"/embed/c/{campaign.slug}/sign/"
    token = token_of(browser.get(url))
    response = browser.post(
        url, {"embed_token": token, **signer(1)}, headers={"Referer": f"{SITE}{url}"}
    )
    assert response.status_code == 200
    assert Signature.objects.count() == 1


def test_a_post_without_token_is_refused_not_an_error(browser, campaign):
    response = browser.post(f"/embed/c/{campaign.slug}/sign/", signer(1), headers={"Origin": SITE})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_the_campaign_page_form_still_needs_the_csrf_cookie(browser, campaign):
    response = browser.post(f"/c/{campaign.slug}/sign/", signer(1), headers={"Origin": SITE})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_the_frame_sets_no_cookie(client, campaign):
    response = client.get(f"/embed/c/{campaign.slug}/sign/?source=partner-org")
    assert not response.cookies


def test_spanish_frame_speaks_spanish_and_posts_to_the_spanish_frame(browser, campaign):
    response = browser.get(f"/es/embed/c/{campaign.slug}/sign/?source=partner-org")
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Salida rápida" in html
    assert f'action="/es/embed/c/{campaign.slug}/sign/?source=partner-org"' in html
    assert directives(response)["frame-ancestors"].split() == [PARTNER, PARTNER_WWW]
    response = browser.post(
        f"/es/embed/c/{campaign.slug}/sign/?source=partner-org",
        {"embed_token": token_of(response), **signer(1)},
        headers={"Origin": SITE},
    )
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    assert Signature.objects.get().source == "partner-org"


def test_closed_campaign_frame_says_so_and_offers_no_form(client, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    html = client.get(f"/embed/c/{campaign.slug}/sign/").content.decode()
    assert "no longer takes actions" in html
    assert "embed_token" not in html


def test_a_form_the_campaign_does_not_offer_is_not_found(client, db):
    from tests.campaigns.factories import CampaignFactory

    campaign = CampaignFactory()  # no petition, no sign-up
    assert client.get(f"/embed/c/{campaign.slug}/sign/").status_code == 404
    assert client.get(f"/embed/c/{campaign.slug}/join/").status_code == 404
    assert client.get("/embed/c/no-such-campaign/updates/").status_code == 404
