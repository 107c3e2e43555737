"""CSV written row by row to the client, in constant memory, safe to open in spreadsheets."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime

from django.http import StreamingHttpResponse
from django.utils import timezone

# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # lets spreadsheet programs detect UTF-8


def csv_cell(value) -> str | int | float:
    """One cell's text; text that a spreadsheet would run as a formula is quoted with `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() returns what it was given."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The CSV text, one line at a time (header first, with a byte-order mark)."""
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


class CountingRows:
    """Wraps an iterable of rows and counts them as they are consumed."""

    def __init__(self, rows: Iterable[Sequence]):
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Sequence]:
        for row in self._rows:
            self.count += 1
            yield row


def _batched(lines: Iterator[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """Join small lines into chunks of roughly `size` bytes (fewer writes to the socket)."""
    buffer: list[str] = []
    length = 0
    for line in lines:
        buffer.append(line)
        length += len(line)
        if length >= size:
            yield "".join(buffer).encode()
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode()


def csv_response(
    *,
    filename: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    on_finish: Callable[[int, bool], None] | None = None,
) -> StreamingHttpResponse:
    """A streaming CSV download; `on_finish(row_count, complete)` runs when streaming ends.

    `complete` is False when the client went away before the last row.
    """
    counted = CountingRows(rows)

    def body() -> Iterator[bytes]:
        complete = False
        try:
            yield from _batched(csv_lines(header, counted))
            complete = True
        finally:
            if on_finish is not None:
                on_finish(counted.count, complete)

    response = StreamingHttpResponse(body(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
