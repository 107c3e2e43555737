import copy
import io
import json
import logging
import logging.config

import pytest


@pytest.fixture
def log_stream(settings):
    """The project's real logging configuration, writing to a buffer instead of stdout."""
    original = copy.deepcopy(settings.LOGGING)
    config = copy.deepcopy(settings.LOGGING)
    stream = io.StringIO()
    config["root"]["level"] = "INFO"
    config["handlers"]["stdout"]["stream"] = stream
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(original)


def test_log_lines_are_json_without_query_strings_or_emails(log_stream):
    logging.getLogger("django.server").info(
        '"%s" %s', "GET /api/v1/representatives?address=12+Elm+St&zip=20001 HTTP/1.1", 200
    )
    logging.getLogger("campaigns").warning("could not send to maria.lopez@example.org")
    lines = [json.loads(line) for line in log_stream.getvalue().splitlines()]
    text = log_stream.getvalue()
    assert [line["logger"] for line in lines] == ["django.server", "campaigns"]
    assert "Elm" not in text and "20001" not in text
    assert "maria.lopez" not in text
    assert "/api/v1/representatives?[query]" in lines[0]["message"]


@pytest.mark.django_db
def test_request_errors_do_not_log_the_request_body(client, log_stream):
    client.post("/no-such-page/", {"email": "survivor@example.org", "address": "1 Hidden Way"})
    text = log_stream.getvalue()
    assert "Not Found" in text
    assert "survivor" not in text and "Hidden Way" not in text


def test_exceptions_log_their_type_and_location_but_not_their_message(log_stream):
    try:
        raise ValueError("bad value for jane@example.org at 5 Oak Lane")
    except ValueError:
        logging.getLogger("campaigns").exception("failed")
    entry = json.loads(log_stream.getvalue().splitlines()[-1])
    assert entry["exception"] == "ValueError"
    assert "Oak Lane" not in log_stream.getvalue()


@pytest.mark.parametrize(
    "path",
    [
        "/letters/receipt/dmlTaMmOh9z5Gbz_FU2C:Rrc0zvGxkewybw/",
        "/letters/receipt/dmlTaMmOh9z5Gbz_FU2C:Rrc0zvGxkewybw/status",
        "/api/v1/receipts/dmlTaMmOh9z5Gbz_FU2C:Rrc0zvGxkewybw",
        "/updates/confirm/eyJzIjoxfQ:1tK9Xb:abcDEF/",
        "/updates/unsubscribe/eyJzIjoxfQ:1tK9Xb:abcDEF/",
    ],
)
def test_receipt_and_confirmation_tokens_never_reach_a_log_line(path):
    from actioncenter.logging import scrub

    access = f'{{"logger": "gunicorn.access", "method": "GET", "path": "{path}", "status": 200}}'
    for line in (access, f'"GET {path} HTTP/1.1" 200 16357'):
        cleaned = scrub(line)
        assert "[token]" in cleaned
        assert "dmlTaMmOh9z5" not in cleaned and "eyJzIjoxfQ" not in cleaned


def test_gunicorns_access_log_goes_through_the_scrubbing_filter():
    import runpy
    from pathlib import Path

    conf = runpy.run_path(str(Path(__file__).parents[2] / "actioncenter" / "gunicorn.conf.py"))
    assert "scrub" in conf["logconfig_dict"]["handlers"]["access"]["filters"]
