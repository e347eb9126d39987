"""Small text helpers shared by every stage: normal forms, slugs, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A", "ß": "ss"})


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_SPACES = re.compile(r"\s+")
_KEY_PUNCTUATION = re.compile(r"[\"'«»()\[\]*:;,.!?]")


def squash(s: str) -> str:
    """Collapse runs of whitespace and trim."""
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=1 << 16)  # every stage keys the same names again, in every document
def key(s: str) -> str:
    """A comparison key: case-folded, accents kept, punctuation and spacing normalised."""
    s = nfc(s).casefold().replace("’", "'")
    return squash(_KEY_PUNCTUATION.sub(" ", s))


_NOT_SLUG = re.compile(r"[^A-Za-z0-9]+")


def slug(s: str) -> str:
    """An IRI-safe, ASCII, stable slug of a name."""
    s = nfc(s).translate(_FOLD)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = _NOT_SLUG.sub("-", s).strip("-").lower()
    return s or "x"


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING_MARKS = re.compile(r"^\s*#+\s*")


def strip_markup(s: str) -> str:
    """Remove Markdown emphasis, heading marks and link syntax, keeping the words (each pattern tried only on a
    line with its mark: every stage strips every line)."""
    if "](" in s:
        s = _LINK.sub(r"\1", s)
    s = s.replace("**", "").replace("__", "")
    if "#" in s:
        s = _HEADING_MARKS.sub("", s)
    return s


# the mark that ends a sentence and the spaces after it (the word it ends is read back from the mark: a pattern
# opening with that word would be tried from every letter of every word)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ«\"(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a paragraph.

    Split after . ! ? before a capital, except after an abbreviation
    ("30 mill. Euro", "bl.a. Statens vegvesen"; data/lexicon/abbreviations.txt).
    """
    from kg.lang.lexicon import word_set

    abbreviations = word_set("abbreviations")
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = word = m.start() + 1
        while word and not text[word - 1].isspace():
            word -= 1
        if text[word:end].lower() in abbreviations:
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
