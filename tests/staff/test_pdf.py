import io
import re
from datetime import date

from petitions.pdf import PetitionCover, petition_pdf


def test_petition_pdf_has_every_signer_across_several_pages():
    buffer = io.BytesIO()
    cover = PetitionCover(
        title="Protect <asylum> seekers & families",
        office="Sen. Jane Doe (NY)",
        petition_text="We ask you to act.",
        summary="120 constituents signed",
        columns=["Name", "ZIP", "Signed on"],
        footer="Action Center",
    )
    rows = ((f"Person {n}", "10001", date(2026, 3, 1)) for n in range(120))
    count = petition_pdf(file=buffer, cover=cover, rows=rows, widths=[250, 100, 150])
    data = buffer.getvalue()
    assert count == 120
    assert data.startswith(b"%PDF")
    pages = int(re.search(rb"/Count (\d+)", data).group(1))
    assert pages >= 3
