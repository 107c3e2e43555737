import datetime
import socket
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from actioncenter.exceptions import ApplicationError
from legislators.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    State,
    ZipDistrict,
)
from legislators.selectors import zip_districts
from legislators.services.importer import legislators_import
from legislators.tasks import refresh_legislators
from tests.legislators.source_files import default_people, person, write_source

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the importer writes, in a comparable form."""
    return {
        "legislators": list(Legislator.objects.order_by("bioguide_id").values()),
        "offices": list(DistrictOffice.objects.order_by("office_id").values()),
        "committees": list(Committee.objects.order_by("thomas_id").values()),
        "memberships": list(CommitteeMembership.objects.order_by("id").values()),
        "zip": list(ZipDistrict.objects.order_by("id").values()),
        "imports": LegislatorImport.objects.count(),
    }


def run(source, *args) -> str:
    out = StringIO()
    call_command("load_legislators", "--source", str(source), *args, stdout=out, stderr=out)
    return out.getvalue()


def test_import_loads_members_offices_committees_and_crosswalk(tmp_path):
    output = run(write_source(tmp_path / "src"))

    assert "4 added, 0 updated, 0 retired" in output
    assert "ZIP rows: 3" in output
    rita = Legislator.objects.get(bioguide_id="R000001")
    assert (rita.chamber, rita.state, rita.district, rita.is_current) == ("house", "VA", 8, True)
    assert rita.term_end == datetime.date(2027, 1, 3)
    assert rita.social == {"twitter": "RepRita"}
    assert rita.offices.get().phone == "703-658-5403"
    senior = Legislator.objects.get(bioguide_id="S000001")
    assert (senior.district, senior.senate_class, senior.state_rank) == (None, 1, "senior")
    immigration = Committee.objects.get(thomas_id="SSJU04")
    assert immigration.parent.thomas_id == "SSJU"
    assert CommitteeMembership.objects.get(committee__thomas_id="HSJU").title == "Ranking Member"
    assert zip_districts("22150") == [("VA", 8), ("VA", 11)]
    assert State.objects.get(code="PR").senators == 0


def test_second_import_of_the_same_data_changes_nothing(tmp_path):
    source = write_source(tmp_path / "src")
    run(source)
    before = snapshot()

    output = run(source)

    after = snapshot()
    assert "0 added, 0 updated, 0 retired" in output
    assert "(0 added, 0 removed)" in output
    assert after.pop("imports") == before.pop("imports") + 1
    assert after == before


def test_newer_data_updates_changed_members_adds_new_and_retires_departed(tmp_path):
    run(write_source(tmp_path / "old"))
    people = default_people()
    people[0]["terms"][-1]["phone"] = "202-225-9999"  # changed
    del people[1]  # departed
    people.append(person("R000003", "Nia", "New", state="VA", district=11))  # new
    crosswalk = "state_fips,state_abbr,zcta,cd\r\n51,VA,22046,8\r\n51,VA,22150,11\r\n"

    output = run(write_source(tmp_path / "new", people=people, crosswalk=crosswalk))

    assert "1 added, 1 updated, 1 retired" in output
    assert Legislator.objects.get(bioguide_id="R000001").dc_phone == "202-225-9999"
    departed = Legislator.objects.get(bioguide_id="R000002")
    assert departed.is_current is False  # kept, because letters may refer to it
    assert Legislator.objects.get(bioguide_id="R000003").is_current
    assert zip_districts("22150") == [("VA", 11)]


def test_every_crosswalk_file_is_read_and_rows_are_unioned(tmp_path):
    supplement = "state_fips,state_abbr,zcta,cd,paired_with_state\r\n46,SD,57430,0,ND\r\n"
    run(write_source(tmp_path / "src", extra_crosswalks={"zccd_supplement.csv": supplement}))
    assert zip_districts("57430") == [("SD", 0)]
    assert ZipDistrict.objects.count() == 4


def test_malformed_yaml_names_the_file_and_line_and_leaves_database_as_it_was(tmp_path):
    run(write_source(tmp_path / "good"))
    before = snapshot()
    bad = write_source(tmp_path / "bad")
    (bad / "committees-current.yaml").write_text("- type: house\n  name: [unclosed\n")

    with pytest.raises(CommandError) as error:
        run(bad)

    assert "committees-current.yaml" in str(error.value)
    assert "line" in str(error.value)
    assert snapshot() == before


def test_record_without_bioguide_names_the_file_and_record(tmp_path):
    people = default_people()
    del people[2]["id"]["bioguide"]
    with pytest.raises(CommandError, match=r"legislators-current.yaml: record 3"):
        run(write_source(tmp_path / "src", people=people))
    assert not Legislator.objects.exists()


def test_malformed_crosswalk_names_the_file_and_line_and_leaves_database_as_it_was(tmp_path):
    run(write_source(tmp_path / "good"))
    before = snapshot()
    people = default_people()
    people[0]["terms"][-1]["phone"] = "202-225-7777"
    crosswalk = "state_fips,state_abbr,zcta,cd\r\n51,VA,22046,8\r\n51,VA,2215,eight\r\n"

    with pytest.raises(CommandError, match=r"zccd.csv: line 3"):
        run(write_source(tmp_path / "bad", people=people, crosswalk=crosswalk))

    assert snapshot() == before
    assert Legislator.objects.get(bioguide_id="R000001").dc_phone == "202-225-0001"


def test_missing_file_is_named(tmp_path):
    source = write_source(tmp_path / "src")
    (source / "legislators-social-media.yaml").unlink()
    with pytest.raises(CommandError, match="legislators-social-media.yaml: file is missing"):
        run(source)
    assert not Legislator.objects.exists()


def test_failure_while_writing_rolls_back_everything(tmp_path, monkeypatch):
    run(write_source(tmp_path / "good"))
    before = snapshot()
    people = default_people()
    people[0]["terms"][-1]["phone"] = "202-225-5555"
    source = write_source(
        tmp_path / "new",
        people=people,
        crosswalk="state_fips,state_abbr,zcta,cd\r\n51,VA,99999,1\r\n",
    )

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("legislators.services.importer._sync_zip_rows", explode)
    with pytest.raises(RuntimeError):
        legislators_import(source=str(source))

    assert snapshot() == before


def test_if_stale_skips_a_source_imported_this_week(tmp_path):
    source = write_source(tmp_path / "src")
    run(source)
    LegislatorImport.objects.update(
        finished_at=datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=2)
    )
    assert "skipped" in run(source, "--if-stale")
    LegislatorImport.objects.update(
        finished_at=datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=8)
    )
    assert "0 added" in run(source, "--if-stale")


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/data/"  # nothing listens there any more


def test_unreachable_source_fails_clearly_or_notices_and_exits_zero():
    url = closed_port_url()
    with pytest.raises(CommandError, match="could not reach"):
        run(url)

    out = StringIO()
    call_command("load_legislators", "--source", url, "--or-notice", stdout=out, stderr=out)
    assert "NOTICE" in out.getvalue()
    assert not Legislator.objects.exists()


def test_url_source_downloads_every_file(tmp_path, httpserver):
    source = write_source(tmp_path / "src")
    for path in source.iterdir():
        httpserver.expect_request(f"/data/{path.name}").respond_with_data(path.read_bytes())

    output = run(httpserver.url_for("/data/"))

    assert "4 added" in output
    assert zip_districts("22046") == [("VA", 8)]


def test_weekly_task_imports_from_the_configured_source(tmp_path, settings):
    settings.LEGISLATORS_DATA_SOURCE = str(write_source(tmp_path / "src"))
    assert refresh_legislators.delay().get()["added"] == 4
    assert Legislator.objects.filter(is_current=True).count() == 4


def test_service_error_carries_a_machine_code(tmp_path):
    with pytest.raises(ApplicationError) as error:
        legislators_import(source=str(tmp_path / "nowhere"))
    assert error.value.code == "source_missing"
