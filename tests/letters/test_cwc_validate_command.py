"""`manage.py cwc_validate`: check credentials and format without delivering anything."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("office", ["HVA04", "SWY02"])
def test_sample_letter_to_an_office_validates_without_being_delivered(
    cwc_settings, cwc_server, office, capsys
):
    call_command("cwc_validate", office=office)
    assert "CWC accepted" in capsys.readouterr().out
    assert cwc_server.validated == 1
    assert cwc_server.accepted == {}


def test_refusal_is_reported_with_cwcs_errors(cwc_settings, cwc_server):
    cwc_server.mode = "error"
    with pytest.raises(CommandError, match="not accepting messages"):
        call_command("cwc_validate", office="HVA04")


def test_unconfigured_chamber_is_reported(settings):
    settings.CWC_SENATE_BASE_URL = ""
    with pytest.raises(CommandError, match="not configured"):
        call_command("cwc_validate", office="SWY02")
