"""Read a file into text with a line map, whatever its format and encoding.

One reader per format, chosen by suffix. A file that cannot be read raises
``BadInput`` naming the reason; the caller skips it and goes on. A reader
returns (text, encoding); readers of formats whose lines are not lines of the
file (Word, PDF, HTML) add a third item, each line's location in the file
("page 2", "table 1 row 3"), which SourceText keeps for evidence.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from kg.errors import BadInput
from kg.model import SourceText
from kg.read.htmlfile import read_html
from kg.read.pdffile import read_pdf
from kg.read.plaintext import decode_text
from kg.read.wordfile import read_docx

Reader = Callable[[bytes], tuple]  # bytes → (text, encoding) or (text, encoding, locations)

READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("text", decode_text),
    ".md": ("markdown", decode_text),
    ".markdown": ("markdown", decode_text),
    ".docx": ("docx", read_docx),
    ".pdf": ("pdf", read_pdf),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
}
SUFFIXES = tuple(READERS)


def read_file(path: Path) -> SourceText:
    """The text of one file, or BadInput saying why it cannot be minutes."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise BadInput(f"unsupported file type {suffix or '(none)'}: kg reads {', '.join(SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput(f"cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise BadInput("empty file: no text to read")
    fmt, reader = READERS[suffix]
    text, encoding, *located = reader(data)
    locations = located[0] if located else None
    if locations is None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput("empty file: no text to read")
    return SourceText(
        name=path.name,
        text=text,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        format=fmt,
        locations=locations,
    )
