"""Printable petition for hand delivery to one office, drawn page by page with reportlab.

Rows are drawn as they arrive, so a large petition never sits in memory as a
table; only the finished PDF does (in a spooled temporary file).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape as _html_escape
from typing import BinaryIO

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.75 * inch
LINE = 14
FONT = "Helvetica"
BOLD = "Helvetica-Bold"


@dataclass(frozen=True)
class PetitionCover:
    """What the first page says: who it is for, what was signed, how many signed."""

    title: str
    office: str
    petition_text: str
    summary: str
    columns: Sequence[str]
    footer: str


def _clip(canvas: Canvas, text: str, width: float, font: str = FONT, size: int = 9) -> str:
    text = " ".join(str(text).split())
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _Pages:
    def __init__(self, canvas: Canvas, cover: PetitionCover, widths: Sequence[float]):
        self.canvas = canvas
        self.cover = cover
        self.widths = widths
        self.number = 1
        self.y = 0.0

    def footer(self) -> None:
        self.canvas.setFont(FONT, 8)
        self.canvas.drawString(
            MARGIN, MARGIN / 2, _clip(self.canvas, self.cover.footer, 400, size=8)
        )
        self.canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN / 2, str(self.number))

    def column_header(self) -> None:
        self.canvas.setFont(BOLD, 9)
        x = MARGIN
        for name, width in zip(self.cover.columns, self.widths, strict=True):
            self.canvas.drawString(x, self.y, _clip(self.canvas, name, width - 6, BOLD))
            x += width
        self.y -= 4
        self.canvas.line(MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y)
        self.y -= LINE

    def next_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.number += 1
        self.y = PAGE_HEIGHT - MARGIN
        self.canvas.setFont(FONT, 9)
        self.canvas.drawString(MARGIN, self.y, _clip(self.canvas, self.cover.office, 470))
        self.y -= LINE * 1.5
        self.column_header()

    def row(self, values: Sequence) -> None:
        if self.y < MARGIN + LINE:
            self.next_page()
        self.canvas.setFont(FONT, 9)
        x = MARGIN
        for value, width in zip(values, self.widths, strict=True):
            self.canvas.drawString(x, self.y, _clip(self.canvas, value, width - 6))
            x += width
        self.y -= LINE


def escape(text: str) -> str:
    """Plain text as reportlab paragraph markup."""
    return _html_escape(text, quote=False)


def _paragraph(canvas: Canvas, text: str, style, y: float) -> float:
    paragraph = Paragraph(text, style)
    _width, height = paragraph.wrap(PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT)
    paragraph.drawOn(canvas, MARGIN, y - height)
    return y - height - 8


def petition_pdf(
    *, file: BinaryIO, cover: PetitionCover, rows: Iterable[Sequence], widths: Sequence[float]
) -> int:
    """Write the petition to `file`; returns the number of signature rows drawn.

    `widths` are the column widths in points (they should add up to about
    7 inches); cover texts are plain text and are escaped here.
    """
    canvas = Canvas(file, pagesize=LETTER, invariant=True)
    canvas.setTitle(cover.title)
    canvas.setSubject(cover.office)
    styles = getSampleStyleSheet()
    y = PAGE_HEIGHT - MARGIN
    y = _paragraph(canvas, escape(cover.office), styles["Heading3"], y)
    y = _paragraph(canvas, escape(cover.title), styles["Title"], y)
    for block in cover.petition_text.split("\n\n"):
        if block.strip():
            y = _paragraph(
                canvas, escape(block.strip()).replace("\n", "<br/>"), styles["BodyText"], y
            )
    y = _paragraph(canvas, escape(cover.summary), styles["Heading4"], y)
    pages = _Pages(canvas, cover, widths)
    pages.y = y - 4
    if pages.y < MARGIN + 3 * LINE:
        pages.next_page()
    else:
        pages.column_header()
    count = 0
    for values in rows:
        pages.row(values)
        count += 1
    pages.footer()
    canvas.showPage()
    canvas.save()
    return count
