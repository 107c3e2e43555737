import csv
import io
import re

import pytest
from django.urls import reverse

from staff.roles import REPORTER
from tests.legislators.factories import LegislatorFactory
from tests.staff.factories import UserFactory, audit_entries, petition_campaign, sign, sign_in

pytestmark = pytest.mark.django_db


def _csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))


@pytest.fixture
def reporter(client):
    user = UserFactory(role=REPORTER)
    sign_in(client, user)
    return user


def test_signature_export_lists_every_signer_with_their_details(client, reporter):
    campaign = petition_campaign()
    sign(campaign, email="ana@example.org", first_name="Ana", zip_code="10001")
    sign(campaign, email="bo@example.org", first_name="Bo", zip_code="10001")
    response = client.get(reverse("staff:export", args=[campaign.slug, "signatures"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert {row["Email"] for row in rows} == {"ana@example.org", "bo@example.org"}
    assert {row["State"] for row in rows} == {"NY"}


def test_formulas_typed_by_supporters_are_neutralised_in_exports(client, reporter):
    campaign = petition_campaign()
    sign(
        campaign, email="x@example.org", first_name='=HYPERLINK("http://evil")', comment="@SUM(1+1)"
    )
    rows = _csv(client.get(reverse("staff:export", args=[campaign.slug, "signatures"])))
    assert rows[0]["First name"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["Comment"] == "'@SUM(1+1)"


def test_every_export_is_written_to_the_audit_log_with_filters_and_row_count(client, reporter):
    campaign = petition_campaign()
    for number in range(3):
        sign(campaign, email=f"s{number}@example.org")
    url = reverse("staff:export", args=[campaign.slug, "signatures"])
    _csv(client.get(url, {"date_from": "2000-01-01"}))
    entry = audit_entries().get()
    assert entry.actor == reporter
    details = entry.details
    assert details["export"] == "signatures"
    assert details["row_count"] == 3
    assert details["filters"] == {"date_from": "2000-01-01"}
    assert details["complete"] is True


def test_date_range_limits_the_export(client, reporter):
    campaign = petition_campaign()
    sign(campaign, email="a@example.org")
    rows = _csv(
        client.get(
            reverse("staff:export", args=[campaign.slug, "signatures"]),
            {"date_to": "2001-01-01"},
        )
    )
    assert rows == []


def test_an_invalid_date_range_is_refused(client, reporter):
    campaign = petition_campaign()
    response = client.get(
        reverse("staff:export", args=[campaign.slug, "signatures"]),
        {"date_from": "2026-02-01", "date_to": "2026-01-01"},
    )
    assert response.status_code == 400
    assert not audit_entries().exists()


def test_petition_delivery_groups_signers_under_their_own_legislators(client, reporter):
    campaign = petition_campaign()
    # Distinct names throughout: with random ones, the Californian's surname could
    # also appear in a New York member's name (two "Halls") and fail the last check.
    LegislatorFactory(
        representative=True, state="NY", district=12, first_name="Robin", last_name="Hall"
    )
    LegislatorFactory(
        senator=True, state="NY", senate_class=1, first_name="Casey", last_name="Stone"
    )
    elsewhere = LegislatorFactory(
        representative=True, state="CA", district=11, first_name="Jamie", last_name="Okafor"
    )
    sign(campaign, email="ny@example.org", zip_code="10001")
    response = client.get(reverse("staff:export", args=[campaign.slug, "petition-delivery"]))
    rows = _csv(response)
    offices = {row["Legislator"] for row in rows}
    assert any("Hall" in name for name in offices)
    assert any("Stone" in name for name in offices)
    assert not any(elsewhere.last_name in name for name in offices)
    assert len(rows) == 2  # one signer, under the House member and the senator


def test_office_petition_pdf_is_a_printable_document_and_is_audited(client, reporter):
    campaign = petition_campaign()
    house = LegislatorFactory(representative=True, state="NY", district=12)
    for number in range(5):
        sign(campaign, email=f"p{number}@example.org", zip_code="10001")
    response = client.get(
        reverse("staff:export-office-pdf", args=[campaign.slug, house.bioguide_id])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")
    assert int(re.search(rb"/Count (\d+)", data).group(1)) >= 1
    entry = audit_entries().get()
    assert entry.details["export"] == "petition-pdf"
    assert entry.details["row_count"] == 5
    assert entry.details["filters"]["legislator"] == house.bioguide_id


def test_supporter_export_carries_consent_records(client, reporter):
    campaign = petition_campaign()
    sign(campaign, email="c@example.org", updates_opt_in=True)
    rows = _csv(client.get(reverse("staff:export", args=[campaign.slug, "supporters"])))
    assert rows
    assert all(row["Email"] == "c@example.org" for row in rows)
    assert all(row["Consent purpose"] for row in rows)
