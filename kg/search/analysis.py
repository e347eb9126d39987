"""Norwegian text analysis for the section index: one stemmed and one exact-word analyzer.

Both share a tokenizer, so positions line up and a stemmed hit can be highlighted in the
original text. Bokmål and nynorsk share one analyzer: nynorsk words and stems are read as
their bokmål forms (data/lexicon/search_nynorsk.txt) where the Snowball stemmer alone keeps
them apart, and words it over-stems (data/lexicon/search_protected.txt) are kept whole.
"""

from __future__ import annotations

from functools import cache, lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stemmer_for_language, stopwords_for_language

from kg.paths import LEXICON_DIR

# A decimal number ("4.0", "1,2") is one token; a clitic ending after an apostrophe
# ("SMB'er", "SMB’ene") is not a word of its own, so "SMB'er" indexes as "smb".
TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|(?<!\w['’])(?<!\w)\w+"

STOP_WORDS = frozenset(stopwords_for_language("no"))

# Inflection endings of bokmål and nynorsk nouns and adjectives (indefinite, definite, plural).
ENDINGS = ("e", "en", "et", "er", "ene", "a", "ane", "ar", "s", "t", "te", "ne", "n", "ende", "ere", "este")


def _pairs(name: str) -> list[tuple[str, str]]:
    out = []
    for raw in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        words = raw.split("#", 1)[0].split()
        if len(words) == 2:
            out.append((words[0].casefold(), words[1].casefold()))
    return out


def _words(name: str) -> frozenset[str]:
    return frozenset(p for raw in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
                     if (p := raw.split("#", 1)[0].strip().casefold()))


class _Stemmer:
    """Snowball Norwegian, with protected words kept whole and nynorsk stems mapped to bokmål."""

    def __init__(self):
        self._snowball = stemmer_for_language("no")
        self.protected = _words("search_protected.txt")
        pairs = _pairs("search_nynorsk.txt")
        self.words = dict(pairs)
        self.stems = {self._snowball(nn): self._snowball(nb) for nn, nb in pairs if self._snowball(nn) != self._snowball(nb)}

    @lru_cache(maxsize=200_000)
    def __call__(self, word: str) -> str:
        lemma = self.lemma(word)
        if lemma is not None:
            return lemma
        stem = self._snowball(word)
        return self.stems.get(stem, stem)

    def lemma(self, word: str) -> str | None:
        """The protected word that word is an inflected form of, if any."""
        if word in self.protected:
            return word
        for ending in ENDINGS:
            if word.endswith(ending) and word[: -len(ending)] in self.protected:
                return word[: -len(ending)]
        return None


@cache
def stemmer() -> _Stemmer:
    return _Stemmer()


class _NynorskWords(Filter):
    """Nynorsk words with a different bokmål spelling ("frå") read as that spelling ("fra")."""

    def __call__(self, tokens):
        words = stemmer().words
        for t in tokens:
            t.text = words.get(t.text, t.text)
            yield t


class _StemFilter(Filter):
    def __call__(self, tokens):
        stem = stemmer()
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


def _base():
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1)


def exact_analyzer():
    """Lowercased words without stemming: exact matches, compound parts and spelling."""
    return _base()


def stemming_analyzer():
    """Lowercased, stemmed words in bokmål form, so "sjukehuset" meets "sykehus"."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | _NynorskWords() | \
        StopFilter(stoplist=STOP_WORDS, minsize=1) | _StemFilter()
