"""Splitting Norwegian compounds into known words, so a query for a part finds the whole.

"sykehusbygget" is "sykehus" + "bygget", "verdensarvliste" is "verden" + s + "arv" + "liste".
A word is known when it, or its stem, is in the lexicon: the index's own words plus the word
list data/lexicon/compound_words.txt. A query word is a part of a compound only when the rest
of the compound splits into known words too, so "kunst" is not a part of "kunstig".
"""

from __future__ import annotations

from functools import cache, lru_cache

from kg.paths import LEXICON_DIR
from kg.search.analysis import ENDINGS, stemmer

MIN_PART = 3  # letters in a compound part ("arv", "bygg"); shorter pieces are not words here
LINKS = ("", "s", "e")  # the linking letters between compound parts ("verden-s-arv", "barn-e-hage")
WORD_LIST = LEXICON_DIR / "compound_words.txt"


@cache
def word_list() -> frozenset[str]:
    return frozenset(w for raw in WORD_LIST.read_text(encoding="utf-8").splitlines()
                     if (w := raw.split("#", 1)[0].strip().casefold()))


class CompoundSplitter:
    """Decides whether a word is a part of a compound, over one lexicon of known words."""

    def __init__(self, words: frozenset[str]):
        self.words = words | word_list()
        stem = stemmer()
        self._stems = frozenset(stem(w) for w in self.words)

    def is_part(self, part: str, compound: str) -> bool:
        """True when compound is made of part and other known words (not part inflected)."""
        if len(part) < MIN_PART or part == compound:
            return False
        start = compound.find(part)
        while start != -1:
            head, tail = compound[:start], compound[start + len(part):]
            if (head or tail not in ("", *ENDINGS)) and self._head_ok(head) and self._tail_ok(tail):
                return True
            start = compound.find(part, start + 1)
        return False

    def _head_ok(self, head: str) -> bool:
        """Nothing, or known words ending in a linking letter ("verdens")."""
        return head == "" or any(head.endswith(link) and self.splits(head[: len(head) - len(link)])
                                 for link in LINKS)

    def _tail_ok(self, tail: str) -> bool:
        """Nothing, an inflection ending, or a linking letter and known words ("-liste", "-bygget")."""
        return tail in ("", *ENDINGS) or any(tail.startswith(link) and self.splits(tail[len(link):])
                                             for link in LINKS)

    @lru_cache(maxsize=100_000)
    def splits(self, word: str) -> bool:
        """word is a known word (in any inflection) or known words joined by linking letters."""
        if len(word) < MIN_PART:
            return False
        if self._known(word):
            return True
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            if self._known(word[:cut]) and self._tail_ok(word[cut:]):
                return True
        return False

    def _known(self, word: str) -> bool:
        """A known word, its stem, or a short known word with an inflection ending ("by-en")."""
        return word in self.words or stemmer()(word) in self._stems or any(
            e and word.endswith(e) and word[: -len(e)] in self.words for e in ENDINGS)
