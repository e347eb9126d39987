"""Read a file into typed blocks and the text lines they are written as, whatever its format.

One reader per format, chosen by suffix. A file that cannot be read raises
``BadInput`` naming the reason; the caller skips it and goes on. A reader
returns a ``Read``: the text, its encoding, each line's location in the file when
its lines are not the file's own (Word, PDF, HTML: "page 2", "table 1 row 3"),
and the blocks (headings, paragraphs, list items, table rows) with their spans.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from kg.errors import BadInput
from kg.model import SourceText
from kg.read.limits import DEFAULT, Limits, check_file, check_text, check_zip

# suffix → (format, "module:function"): a reader and its library are imported only when a file
# of its format is read, so commands that read no file (and `kg --help`) never load them
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "plaintext:read_text"),
    ".md": ("markdown", "markdownfile:read_markdown"),
    ".markdown": ("markdown", "markdownfile:read_markdown"),
    ".docx": ("docx", "wordfile:read_docx"),
    ".odt": ("odt", "odtfile:read_odt"),
    ".pdf": ("pdf", "pdffile:read_pdf"),
    ".html": ("html", "htmlfile:read_html"),
    ".htm": ("html", "htmlfile:read_html"),
}
SUFFIXES = tuple(READERS)
# formats minutes are written in that kg does not read: in a folder they are named as skipped, not passed over
# in silence as other files are (pictures, the gold files beside a corpus)
DOCUMENT_SUFFIXES = (".doc", ".rtf", ".wpd", ".pages", ".xps")


def unsupported(suffix: str) -> str:
    """Why a file of this suffix is not read, and what to do."""
    return (f"unsupported file type {suffix or '(none)'}: kg reads {', '.join(SUFFIXES)}"
            + ("; save it as .docx, .odt or .pdf" if suffix in DOCUMENT_SUFFIXES else ""))


def read_file(path: Path, name: str | None = None, limits: Limits = DEFAULT) -> SourceText:
    """The text of one file (known in the store as name), or BadInput saying why it cannot be minutes."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise BadInput(unsupported(suffix))
    data = _read_bytes(path, limits)
    if not data.strip():
        raise BadInput("empty file: no text to read")
    fmt, where = READERS[suffix]
    reader = _reader(where)
    if fmt in ("docx", "odt"):
        check_zip(data, limits)
    read = reader(data)
    if not read.text.strip():
        raise BadInput("empty file: no text to read")
    check_text(read.text, limits)
    return SourceText(
        name=name or path.name,
        text=read.text,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding=read.encoding,
        format=fmt,
        locations=read.locations,
        blocks=read.blocks,
        running_header=read.running_header,
    )


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, once it is known to be a regular file within the size limit."""
    try:
        with open(path, "rb", opener=_open_nonblocking) as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise BadInput("not a regular file (a FIFO, socket or device): nothing to read")
            check_file(path, info.st_size, limits)
            return f.read()
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise BadInput("symlink loop: the link points back at itself") from None
        raise BadInput(f"cannot read: {e.strerror or e}") from None


def _open_nonblocking(path, flags):
    """Open without waiting for a writer, so a FIFO named .txt cannot hang the batch."""
    return os.open(path, flags | os.O_NONBLOCK)


def _reader(where: str):
    """The reader function named "module:function" in kg.read, imported on first use."""
    import importlib

    module, function = where.split(":")
    return getattr(importlib.import_module(f"kg.read.{module}"), function)
