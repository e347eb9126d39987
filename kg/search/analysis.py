"""Norwegian text analysis for the section index: exact words, lemmas and compound parts.

All three analyzers share one tokenizer and one word filter, so positions line up and a hit
on a lemma or a part can be highlighted in the original text. Lemmas and parts come from the
morphology (kg.lang.morphology): "sjukehuset" is indexed as sjukehus and sykehus,
"sykehusbygget" has the parts sykehus and bygg. Abbreviations ("bl.a.", "f.eks.") and
one-letter words are no words here, so a query "AI" cannot meet the "a" of "bl.a.".
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import Filter, RegexTokenizer
from whoosh.lang import stopwords_for_language

from kg.lang.morphology import morphology

# A decimal number ("4.0", "1,2") is one token, and so is an abbreviation of dotted letter
# groups ("bl.a.", "f.eks", "t.o.m."), which the word filter then drops; a clitic ending
# after an apostrophe ("SMB'er", "SMB’ene") is not a word of its own, so "SMB'er" is "smb".
TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|(?:(?<!\w)[^\W\d_]{1,4}\.){1,3}[^\W\d_]{1,4}\.?(?!\w)|(?<!\w['’])(?<!\w)\w+"
WORD = re.compile(TOKEN_PATTERN)

# where a lemma of a section's text is looked up: the content field holds the lemmas that differ
# from a word as written, the exact field the word itself ("klynge" of "klynger", and as written)
LEMMA_FIELDS = ("content", "exact")

STOP_WORDS = frozenset(stopwords_for_language("no"))
_DIGIT = re.compile(r"\d")


def words(text: str) -> list[str]:
    """The words of text the analyzers look up, as written (what the morphology is asked)."""
    return [w for w in WORD.findall(text) if _is_word(w)]


@lru_cache(maxsize=100_000)
def _is_word(token: str) -> bool:
    """Asked for every token of every field: cached, since a text repeats its words."""
    if _DIGIT.search(token):
        return True
    return len(token) > 1 and "." not in token and token.lower() not in STOP_WORDS


class _Words(Filter):
    """Drop stop words, abbreviations and one-letter words; close the gaps they leave, as
    whoosh's StopFilter does, so a phrase reads across them. The highlighter asks to keep them
    (marked stopped), so that a snippet's sentence starts where the text's does."""

    def __call__(self, tokens):
        pos = 0
        for t in tokens:
            t.stopped = not _is_word(t.text)
            if t.stopped and t.removestops:
                continue
            if t.positions:
                t.pos = pos
            pos += 1
            yield t


class _Lower(Filter):
    def __call__(self, tokens):
        for t in tokens:
            t.text = t.text.lower()
            yield t


class _Keys(Filter):
    """Each word as its whole-word keys (lemma_keys), or as its compound parts; several keys of
    one word share its position. The index may hold fewer keys (indexed) than a query asks for."""

    def __init__(self, which: str = "lemma_keys", indexed: str | None = None):
        self.which = which
        self.indexed = indexed or which

    def __eq__(self, other):
        return type(other) is type(self) and (other.which, other.indexed) == (self.which, self.indexed)

    def __call__(self, tokens):
        analyse = morphology()
        for t in tokens:
            word = t.text
            for k in getattr(analyse(word), self.indexed if t.mode == "index" else self.which):
                t.text = k
                yield t


def _words_of():
    return RegexTokenizer(TOKEN_PATTERN) | _Words()


def exact_analyzer():
    """Lowercased words as written: the form the user typed ranks first; spelling checks."""
    return _words_of() | _Lower()


def lemma_analyzer():
    """Whole-word keys: lemmas in bokmål and nynorsk, so "sjukehuset" meets "sykehus"."""
    return _words_of() | _Keys("lemma_keys")


def content_analyzer():
    """A section's lemmas beside the words as written: a word that is its own lemma ("klynge")
    is in the exact field only, not twice (a third of the content field's postings), so a
    query's lemma is looked up in both fields (kg.search.index)."""
    return _words_of() | _Keys("lemma_keys", indexed="other_lemmas")


def parts_analyzer():
    """Compound parts, so "samarbeid" finds "hamnesamarbeidet"."""
    return _words_of() | _Keys("parts")


def word_keys(word: str) -> frozenset[str]:
    """Everything a word in a text may be matched by: itself, its lemmas and its parts."""
    a = morphology()(word)
    return frozenset((word.lower(), *a.lemmas, *a.parts))
