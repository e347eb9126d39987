"""PDF: the text of each page with its layout, so table columns stay columns.

pypdf's layout mode is used because it keeps a table row on one line with the
gap between its columns; that gap (three or more spaces) becomes a TAB, so a
two-column attendee table reads "Name<TAB>Body" like the other formats.
Measured on tests/data/minutes/102_gjovikregionen_2014-09.pdf (a ten-row
"Navn | Representerer" table): pypdf's layout mode keeps 11 of 11 rows with
their column gap; pypdf's plain mode writes "Marit Solberg Haugen Gjøvik
kommune" (one space: where the name ends is lost); pdfminer.six's
extract_text puts the whole name column first and the body column after it,
so no row survives. pdfminer could do it by regrouping characters by
position, but that is our own layout engine to keep; pypdf does it already.

Each line's location is its page ("page 2"). A file that is not a PDF, is
damaged, encrypted, or has no text layer (a scan) is refused with a reason.
"""

from __future__ import annotations

import io
import re

from kg.errors import BadInput

_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def read_pdf(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, locations) of a PDF, or BadInput naming why it cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise BadInput("not a PDF: the file has no %PDF header")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pdf = PdfReader(io.BytesIO(data))
        if pdf.is_encrypted:
            raise BadInput("encrypted PDF: its text cannot be read without the password")
        pages = [page.extract_text(extraction_mode="layout") for page in pdf.pages]
    except BadInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise BadInput(f"not a PDF: damaged ({type(e).__name__}: {e})") from None
    lines: list[tuple[str, str]] = []
    for number, page in enumerate(pages, start=1):
        for raw in page.split("\n"):
            line = _COLUMN_GAP.sub("\t", raw.strip())
            if line or lines and lines[-1][0]:  # at most one blank line in a row
                lines.append((line, f"page {number}"))
    while lines and not lines[-1][0]:
        lines.pop()
    if not lines:
        raise BadInput("PDF without text: no text layer (a scanned image?)")
    return "\n".join(t for t, _ in lines), "pdf", [loc for _, loc in lines]
