"""English words of a question in Norwegian, for searching minutes written in Norwegian.

The words come from FreeDict's English-Norwegian dictionary (data/lexicon/english_norwegian.tsv, built by
data/lexicon/build_english.py; its SOURCE.md): nouns and adjectives, each with its bokmål words. An English
plural or -ing form is looked up by its base ("networks", "companies", "farming").

Two English words that name one thing are often one compound in Norwegian ("wild salmon" is "villaks"):
``compounds`` joins their Norwegian words as Norwegian joins a compound's parts; which of the joins is a
word is for the caller to tell by the text it searches (no join is taken for a word without that).
"""

from __future__ import annotations

import re
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


def compounds(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> list[str]:
    """The Norwegian compounds of a first and a second part, each given as its Norwegian words: joined
    bare, then with each linking letter (a vowel takes none but -s: "fylke-s-veg", not "fylke-e-veg")."""
    from kg.lang.morphology import LINKS, VOWELS  # "nærings-areal", "lakse-oppdrett"; imported where a question needs it

    triple = re.compile(rf"([^{VOWELS}])\1\1")  # a consonant three times at a join is written twice ("villaks")

    joined = []
    for first in firsts:
        for second in seconds:
            for link in ("", *LINKS):
                if link == "e" and first[-1:] in VOWELS:
                    continue
                joined.append(triple.sub(r"\1\1", f"{first}{link}{second}".lower()))
    return list(dict.fromkeys(joined))
