"""Plain text and Markdown: detect the encoding from the bytes, never assume it.

Norwegian minutes come as UTF-8 (with or without BOM), cp1252 or latin-1.
Anything else is tried with charset-normalizer and kept only if the result
reads as Norwegian (its non-ASCII letters are the usual ones); otherwise the
file is refused rather than stored as mojibake.
"""

from __future__ import annotations

from kg.errors import BadInput

_EXPECTED = set("æøåÆØÅéÉèÈêüÜöÖäÄóÓáÁíÍúÚñçß–—‘’‚“”„«»€…•·°§½¼¾²³µ×÷ ­")


def _reads_as_norwegian(text: str) -> bool:
    odd = [c for c in text if ord(c) > 127 and c not in _EXPECTED]
    return len(odd) <= max(1, len(text) // 500)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, cp1252 or latin-1 (in that order of evidence), or refuse."""
    if not data.strip():
        raise BadInput("empty file: no text to read")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data:
        raise BadInput("binary file: it holds NUL bytes, not text")
    controls = sum(1 for b in data if b < 0x20 and b not in (9, 10, 12, 13))
    if controls > max(2, len(data) // 200):
        raise BadInput("binary file: too many control bytes for text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_norwegian(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _reads_as_norwegian(str(best)):
        return str(best), best.encoding
    raise BadInput("unknown text encoding: not UTF-8, cp1252 or latin-1")
