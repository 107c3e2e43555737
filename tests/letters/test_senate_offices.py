"""Senate offices the Senate does not list as taking CWC are not posted to and fail: their
letters go down the channel ladder, to email or to the supporter."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from letters.models import SenateCwcOffice
from letters.outbox import delivery_send
from letters.senate_offices import senate_cwc_offices
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(cwc_settings, django_capture_on_commit_callbacks):
    members_of()  # HVA08, and the senators SVA01 and SVA02
    with django_capture_on_commit_callbacks(execute=False):
        letter, _ = submit(LetterActionFactory(), note="I know people this would save.")
    return letter


def send_all(letter) -> dict[str, str]:
    for delivery in letter.deliveries.all():
        delivery_send(delivery_id=delivery.pk)
    return dict(letter.deliveries.values_list("office_code", "status"))


def test_offices_off_the_senates_list_go_to_the_supporter_not_to_cwc(
    letter, cwc_server, settings, fixtures_dir
):
    settings.CWC_SENATE_OFFICES_SOURCE = str(fixtures_dir / "cwc" / "senate_active_offices.json")
    call_command("load_senate_offices")
    assert "SWY02" in senate_cwc_offices() and "SVA01" not in senate_cwc_offices()
    assert send_all(letter) == {"HVA08": "sent", "SVA01": "needs_manual", "SVA02": "needs_manual"}
    assert list(cwc_server.accepted.values()) == ["HVA08"]  # nothing posted to fail


def test_an_office_on_the_list_is_written_to_through_cwc(letter, cwc_server, tmp_path):
    listed = tmp_path / "active_offices.json"
    listed.write_text(json.dumps([{"name": "Sam Senior [bioguide_id: S000001]",
                                   "office_code": "SVA01"}]))  # fmt: skip
    call_command("load_senate_offices", source=str(listed))
    assert send_all(letter) == {"HVA08": "sent", "SVA01": "sent", "SVA02": "needs_manual"}


def test_without_a_list_every_senate_office_takes_cwc(letter, cwc_server, settings):
    settings.CWC_SENATE_OFFICES_SOURCE = ""
    call_command("load_senate_offices")
    assert senate_cwc_offices() is None
    assert set(send_all(letter).values()) == {"sent"}


@pytest.mark.parametrize(
    "content", ["not json", "[]", '[{"office_code": "HVA08"}]', '{"office_code": "SVA01"}']
)
def test_a_malformed_list_is_refused_and_the_loaded_one_kept(tmp_path, content):
    SenateCwcOffice.objects.create(office_code="SWY02")
    bad = tmp_path / "active_offices.json"
    bad.write_text(content)
    with pytest.raises(CommandError):
        call_command("load_senate_offices", source=str(bad))
    assert list(SenateCwcOffice.objects.values_list("office_code", flat=True)) == ["SWY02"]
