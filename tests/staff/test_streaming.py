import csv
import io
from datetime import UTC, date, datetime

import pytest

from staff.exports.streaming import csv_cell, csv_lines, csv_response


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"],
)
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(text):
    assert csv_cell(text) == "'" + text


def test_ordinary_values_are_written_unchanged():
    assert csv_cell("Jane O'Neil") == "Jane O'Neil"
    assert csv_cell(12) == 12
    assert csv_cell(-3) == -3  # numbers are never formulas
    assert csv_cell(None) == ""
    assert csv_cell(True) == "yes"
    assert csv_cell(date(2026, 3, 1)) == "2026-03-01"
    assert csv_cell(datetime(2026, 3, 1, 12, 0, tzinfo=UTC)).startswith("2026-03-01T")


def test_csv_quotes_commas_quotes_and_newlines_so_columns_stay_aligned():
    lines = list(csv_lines(["name", "comment"], [["Doe, Jane", 'said "hi"\nbye']]))
    rows = list(csv.reader(io.StringIO("".join(lines).lstrip("\ufeff"))))
    assert rows == [["name", "comment"], ["Doe, Jane", 'said "hi"\nbye']]


def test_streaming_response_reports_the_row_count_when_done():
    finished = []
    response = csv_response(
        filename="x.csv",
        header=["n"],
        rows=([number] for number in range(1000)),
        on_finish=lambda count, complete: finished.append((count, complete)),
    )
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    body = b"".join(response.streaming_content).decode()
    assert body.count("\n") == 1001
    assert finished == [(1000, True)]


@pytest.mark.django_db  # closing a response signals the end of a request
def test_interrupted_download_is_reported_as_incomplete():
    finished = []
    response = csv_response(
        filename="x.csv",
        header=["n"],
        rows=(["x" * 1000] for _ in range(1000)),
        on_finish=lambda count, complete: finished.append((count, complete)),
    )
    stream = iter(response.streaming_content)
    next(stream)
    response.close()
    assert finished and finished[0][1] is False
