import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from staff.roles import ADMIN, ORGANIZER, REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, petition_campaign, sign, sign_in
from tests.support.html import parse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_campaign():
    campaign = petition_campaign(title="Protect asylum")
    for number in range(4):
        sign(campaign, email=f"s{number}@example.org", zip_code="10001", source="partner-x")
    return campaign


def _page(client, role, url):
    sign_in(client, UserFactory(role=role))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_campaign_list_shows_headline_totals(client, busy_campaign):
    html = _page(client, ORGANIZER, reverse("staff:dashboard"))
    assert "Protect asylum" in html
    assert ">4<" in html


def test_campaign_page_shows_exact_totals_charts_and_tables(client, busy_campaign):
    html = _page(client, REPORTER, reverse("staff:campaign", args=[busy_campaign.slug]))
    assert html.count('role="img"') >= 4  # daily, cumulative, map, districts, sources
    assert "NY-12" in html
    assert "partner-x" in html
    assert "<dd>4</dd>" in html  # signatures
    page = lxml.html.fromstring(html)
    stats = {stat.findtext("dt"): stat.findtext("dd") for stat in page.find_class("stat")}
    assert stats["Distinct supporters"] == "4"
    assert stats["New supporters"] == "4"  # none of them had acted with us before


def test_date_range_outside_the_activity_shows_zero(client, busy_campaign):
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    html = _page(client, REPORTER, url + "?date_from=2001-01-01&date_to=2001-01-31")
    assert "<dd>4</dd>" not in html
    assert "No actions in this period." in html


def test_reversed_date_range_is_explained(client, busy_campaign):
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    html = _page(client, REPORTER, url + "?date_from=2026-02-01&date_to=2026-01-01")
    assert "start date must be on or before the end date" in html


def test_breakdown_tables_sort_by_the_chosen_column(client, busy_campaign):
    sign(busy_campaign, email="ca@example.org", zip_code="94103")
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    ascending = _page(client, REPORTER, url + "?sort=-actions")
    section = ascending[ascending.index('id="by-source"') :]
    table = section[section.index("<table") :]
    assert table.index("(none)") < table.index("partner-x")  # 1 action before 4
    descending = _page(client, REPORTER, url + "?sort=actions")
    section = descending[descending.index('id="by-source"') :]
    table = section[section.index("<table") :]
    assert table.index("partner-x") < table.index("(none)")


def test_exports_are_offered_to_reporters_but_not_organizers(client, busy_campaign):
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    assert "signatures.csv" in _page(client, REPORTER, url)
    assert "signatures.csv" not in _page(client, ORGANIZER, url)


def test_staffer_report_counts_constituent_signatures_for_the_office(client, busy_campaign):
    house = LegislatorFactory(representative=True, state="NY", district=12)
    url = reverse("staff:office", args=[busy_campaign.slug, house.bioguide_id])
    html = _page(client, REPORTER, url)
    assert "<dd>4</dd>" in html
    assert "petition.pdf" in html


def test_office_picker_leads_to_the_office_report(client, busy_campaign):
    house = LegislatorFactory(representative=True, state="NY", district=12)
    sign_in(client, UserFactory(role=REPORTER))
    response = client.get(
        reverse("staff:office-pick", args=[busy_campaign.slug]),
        {"legislator": house.bioguide_id},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "staff:office", args=[busy_campaign.slug, house.bioguide_id]
    )


def test_audit_log_shows_exports_to_admins(client, busy_campaign):
    sign_in(client, UserFactory(role=ADMIN))
    b"".join(
        client.get(
            reverse("staff:export", args=[busy_campaign.slug, "signatures"])
        ).streaming_content
    )
    html = client.get(reverse("staff:audit-log")).content.decode()
    assert "export" in html
    assert "signatures" in html


def test_staff_pages_keep_the_quick_exit_first_and_obey_the_strict_csp(client, busy_campaign):
    house = LegislatorFactory(representative=True, state="NY", district=12)
    sign_in(client, UserFactory(role=ADMIN))
    urls = [
        reverse("staff:dashboard"),
        reverse("staff:campaign", args=[busy_campaign.slug]),
        reverse("staff:office", args=[busy_campaign.slug, house.bioguide_id]),
        reverse("staff:audit-log"),
    ]
    for url in urls:
        response = client.get(url)
        page = parse_page(response.content.decode())
        assert page.focusable[0].get("id") == "quick-exit", url
        assert page.inline_scripts == 0, url
        assert page.inline_handlers == [], url
        assert page.style_attributes == 0, url
        assert response["Cache-Control"] == "no-store", url


def test_sign_in_page_obeys_the_strict_csp(client):
    page = parse_page(client.get(reverse("staff:login")).content.decode())
    assert page.focusable[0].get("id") == "quick-exit"
    assert page.style_attributes == 0 and page.inline_scripts == 0


def test_daily_chart_covers_today(client, busy_campaign):
    html = _page(client, REPORTER, reverse("staff:campaign", args=[busy_campaign.slug]))
    today = timezone.localdate()
    assert today.strftime("%b") in html


def test_breakdowns_reflect_a_new_action_immediately(client, busy_campaign):
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    html = _page(client, REPORTER, url)
    assert "partner-y" not in html
    sign(busy_campaign, email="late@example.org", zip_code="10001", source="partner-y")
    html = client.get(url).content.decode()
    assert "<dd>5</dd>" in html
    assert "partner-y" in html  # the source breakdown was recomputed, not served stale


def test_long_district_tables_show_their_first_rows_and_link_to_all(client, busy_campaign):
    from tests.support.metrics import record_event

    for district in range(1, 31):
        record_event(
            campaign_id=busy_campaign.pk, metric="signatures", state="CA", district=district
        )
    url = reverse("staff:campaign", args=[busy_campaign.slug])
    section = lxml.html.fromstring(_page(client, REPORTER, url)).get_element_by_id("by-district")
    assert len(section.xpath(".//tbody/tr")) == 25
    [link] = section.xpath(".//a[text()='Show all 31 districts']")
    assert "all=districts" in link.get("href")
    everything = lxml.html.fromstring(client.get(url + "?all=districts").content.decode())
    assert len(everything.get_element_by_id("by-district").xpath(".//tbody/tr")) == 31


def test_past_days_come_from_the_folded_rollups_and_stay_exact(client, busy_campaign):
    from datetime import timedelta

    from metrics.fold import fold_reset
    from tests.support.metrics import record_event

    last_week = timezone.localdate() - timedelta(days=7)
    for _ in range(3):
        record_event(
            campaign_id=busy_campaign.pk, metric="signatures", state="OR", district=3,
            source="radio", day=last_week,
        )  # fmt: skip
    fold_reset(busy_campaign.pk)  # cells of a past day were written: rebuild
    html = _page(client, REPORTER, reverse("staff:campaign", args=[busy_campaign.slug]))
    sources = lxml.html.fromstring(html).get_element_by_id("by-source")
    [radio] = [row for row in sources.xpath(".//tbody/tr") if "radio" in row.text_content()]
    assert radio.xpath("./td")[0].text_content() == "3"


def test_campaign_list_runs_the_same_queries_however_many_campaigns(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, UserFactory(role=REPORTER))
    url = reverse("staff:dashboard")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    sign(petition_campaign(), email="one@example.org", zip_code="10001")
    queries()  # warm up: the first page also reads the site identity, kept for a moment
    few = queries()
    for number in range(5):
        sign(petition_campaign(), email=f"more{number}@example.org", zip_code="10001")
    assert queries() == few
