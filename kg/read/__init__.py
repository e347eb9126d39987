"""Read a file into typed blocks and the text lines they are written as, whatever its format.

One reader per format, chosen by suffix. A file that cannot be read raises
``BadInput`` naming the reason; the caller skips it and goes on. A reader
returns a ``Read``: the text, its encoding, each line's location in the file when
its lines are not the file's own (Word, PDF, HTML: "page 2", "table 1 row 3"),
and the blocks (headings, paragraphs, list items, table rows) with their spans.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from kg.errors import BadInput
from kg.model import SourceText
from kg.read.htmlfile import read_html
from kg.read.pdffile import read_pdf
from kg.read.blocks import Read
from kg.read.markdownfile import read_markdown
from kg.read.plaintext import read_text
from kg.read.wordfile import read_docx

Reader = Callable[[bytes], Read]

READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("text", read_text),
    ".md": ("markdown", read_markdown),
    ".markdown": ("markdown", read_markdown),
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
    read = reader(data)
    if not read.text.strip():
        raise BadInput("empty file: no text to read")
    return SourceText(
        name=path.name,
        text=read.text,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding=read.encoding,
        format=fmt,
        locations=read.locations,
        blocks=read.blocks,
    )
