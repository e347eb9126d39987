"""English words of a question in Norwegian, for searching minutes written in Norwegian.

The words come from FreeDict's English-Norwegian dictionary (data/lexicon/english_norwegian.tsv, built by
data/lexicon/build_english.py; its SOURCE.md): nouns and adjectives, each with its bokmål words. An English
plural or -ing form is looked up by its base ("networks", "companies", "farming").
"""

from __future__ import annotations

from functools import cache

from kg.paths import LEXICON_DIR

DICTIONARY = LEXICON_DIR / "english_norwegian.tsv"
ENDINGS = [("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")]  # inflected → base form


@cache
def _dictionary() -> dict[str, tuple[str, ...]]:
    rows = (line.split("\t") for line in DICTIONARY.read_text(encoding="utf-8").splitlines() if line)
    return {word: tuple(words.split("|")) for word, words in rows}


def norwegian(word: str) -> tuple[str, ...]:
    """The Norwegian words for an English word (none when the dictionary has no such word)."""
    word = word.lower()
    found = _dictionary().get(word)
    for ending, base in ENDINGS:
        if found is None and word.endswith(ending) and len(word) > len(ending) + 2:
            found = _dictionary().get(word[: -len(ending)] + base)
    return found or ()
