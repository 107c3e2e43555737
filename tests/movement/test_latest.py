import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from movement.selectors import LATEST_PER_PAGE
from tests.campaigns.factories import CampaignFactory
from tests.movement.factories import CoverageFactory, NewsPostFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_news_and_coverage_are_listed_newest_first(client):
    NewsPostFactory(title="Oldest post", published_on=dt.date(2026, 1, 1))
    CoverageFactory(
        title="Middle coverage", source="The Example Times", published_on=dt.date(2026, 2, 1)
    )
    NewsPostFactory(title="Newest post", published_on=dt.date(2026, 3, 1))
    html = page(client, reverse("movement:latest"))
    positions = [html.index(t) for t in ["Newest post", "Middle coverage", "Oldest post"]]
    assert positions == sorted(positions)
    assert "The Example Times" in html
    assert '<time datetime="2026-02-01">' in html


def test_the_list_is_paged_and_a_bad_page_is_a_not_found_page(client):
    for day in range(LATEST_PER_PAGE + 2):
        NewsPostFactory(
            title=f"Post of day {day:02d}",
            published_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
        )
    first = page(client, reverse("movement:latest"))
    assert "Post of day 11" in first and "Post of day 01" not in first
    assert 'href="?page=2"' in first
    second = page(client, reverse("movement:latest") + "?page=2")
    assert "Post of day 01" in second and "Post of day 00" in second
    assert "Post of day 11" not in second
    for bad in ["3", "0", "abc", "-1"]:
        response = client.get(reverse("movement:latest") + f"?page={bad}")
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


def test_an_empty_list_says_so(client):
    assert "No news yet" in page(client, reverse("movement:latest"))


def test_a_news_post_has_its_own_page_with_its_markdown_rendered_safely(client):
    post = NewsPostFactory(
        title="We testified", body="We **testified**.\n\n<script>alert(1)</script>"
    )
    html = page(client, post.get_absolute_url())
    assert "<strong>testified</strong>" in html
    assert "<script>alert(1)" not in html


def test_the_atom_feed_is_valid_with_dated_entries_and_absolute_links(client):
    post = NewsPostFactory(title="We testified", published_on=dt.date(2026, 3, 1))
    CoverageFactory(
        title="In the news",
        source="The Example Times",
        url="https://news.example.com/a",
        published_on=dt.date(2026, 2, 1),
    )
    response = client.get(reverse("movement:latest-feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}updated").text.startswith("2026-03-01")
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "We testified",
        "In the news (The Example Times)",
    ]
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert urlsplit(link).scheme in {"http", "https"} and urlsplit(link).netloc
        assert entry.find(f"{ATOM}id").text
        assert entry.find(f"{ATOM}updated").text[:4] == "2026"
    assert entries[0].find(f"{ATOM}link").get("href").endswith(post.get_absolute_url())
    assert entries[1].find(f"{ATOM}link").get("href") == "https://news.example.com/a"


def test_every_page_points_feed_readers_at_the_feed(client):
    html = page(client, "/safety/")
    feed = reverse("movement:latest-feed")
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html


def test_spanish_items_are_listed_on_the_spanish_site_and_english_ones_carry_a_note(client):
    NewsPostFactory(title="Testificamos hoy", language="es", published_on=dt.date(2026, 3, 2))
    NewsPostFactory(title="We testified today", language="en", published_on=dt.date(2026, 3, 1))
    html = page(client, "/es/latest/")
    spanish = html.split("Testificamos hoy")[1].split("</li>")[0]
    english = html.split("We testified today")[1].split("</li>")[0]
    assert 'role="note"' not in spanish
    assert 'role="note"' in english and "En inglés" in english  # lower case mid-sentence
    assert 'lang="en"' in html.split("We testified today")[0].rsplit("<li", 1)[1]
    # and on the English site, the Spanish post carries the note
    html = page(client, "/latest/")
    assert "In Spanish" in html.split("Testificamos hoy")[1].split("</li>")[0]


def test_an_english_post_on_the_spanish_site_says_it_is_in_english(client):
    post = NewsPostFactory(language="en")
    html = page(client, "/es" + post.get_absolute_url())
    assert 'role="note"' in html and '<article class="news-post" lang="en">' in html
    assert "Esta publicación está escrita en inglés." in html


def test_a_campaign_page_shows_its_latest_three_items_and_links_to_all(client):
    campaign = CampaignFactory()
    other = CampaignFactory()
    for day in range(4):
        post = NewsPostFactory(title=f"Campaign post {day}", published_on=dt.date(2026, 1, 1 + day))
        post.campaigns.add(campaign)
    NewsPostFactory(title="Untagged post").campaigns.add(other)
    CoverageFactory(campaign=campaign, title="Campaign coverage", published_on=dt.date(2026, 1, 10))
    html = page(client, campaign.get_absolute_url())
    latest = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert "Campaign coverage" in latest
    assert "Campaign post 3" in latest and "Campaign post 2" in latest
    assert "Campaign post 1" not in latest and "Untagged post" not in latest
    assert reverse("movement:latest") in latest


def test_a_campaign_without_items_shows_no_empty_latest_section(client):
    campaign = CampaignFactory()
    assert 'id="latest-heading"' not in page(client, campaign.get_absolute_url())


def test_coverage_of_a_draft_campaign_is_not_listed(client):
    CoverageFactory(campaign=CampaignFactory(draft=True), title="Secret coverage")
    assert "Secret coverage" not in page(client, reverse("movement:latest"))
