"""The campaign pages follow the site's rules: quick exit first, no inline code, no outside
resources (the same checks the site-wide crawler applies)."""

import pytest
from django.urls import reverse

from devdata.demo import load_demo
from tests.support.html import is_same_origin, parse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pages(client, settings):
    campaign = load_demo()
    campaign.donation_url = "https://donate.example.org/"
    campaign.save()
    slug = campaign.slug
    paths = ["/", campaign.get_absolute_url(), reverse("petitions:thanks", args=[slug]),
             reverse("signups:join", args=[slug]), reverse("signups:updates", args=[slug]),
             reverse("signups:organization", args=[slug]),
             reverse("campaigns:donate", args=[slug])]  # fmt: skip
    return {path: client.get(path) for path in paths}


def test_campaign_pages_keep_the_site_shell_rules(demo_pages, settings):
    for path, response in demo_pages.items():
        assert response.status_code == 200, path
        page = parse_page(response.content.decode())
        assert page.focusable[0].get("id") == "quick-exit", path
        assert page.inline_scripts == 0, path
        assert page.inline_handlers == [], path
        assert page.style_attributes == 0, path
        assert [url for url in page.resources if not is_same_origin(url)] == [], path


def test_every_form_field_has_a_label(demo_pages):
    for path, response in demo_pages.items():
        html = response.content.decode()
        for field_id in ("id_first_name", "id_email", "id_name"):
            if f'id="{field_id}"' in html:
                assert f'for="{field_id}"' in html, (path, field_id)
