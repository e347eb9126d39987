"""Read a file into text with a line map, whatever its format and encoding.

One reader per format, chosen by suffix. A file that cannot be read raises
``BadInput`` naming the reason; the caller skips it and goes on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from kg.errors import BadInput
from kg.model import SourceText
from kg.read.plaintext import decode_text

Reader = Callable[[bytes], tuple[str, str]]  # bytes → (text, encoding)

READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("text", decode_text),
    ".md": ("markdown", decode_text),
    ".markdown": ("markdown", decode_text),
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
    fmt, reader = READERS[suffix]
    text, encoding = reader(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput("empty file: no text to read")
    return SourceText(
        name=path.name,
        text=text,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        format=fmt,
    )
