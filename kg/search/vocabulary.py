"""The index's words and names, for "did you mean" suggestions.

Built from the unstemmed field and the name fields once per index version and kept
beside the index (``vocabulary.json``, stamped with the index version): reading every
term of the index costs a cold `kg search` far more than loading the list. Only a
search that needs a suggestion reads it at all.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from whoosh.query import Term

from kg.errors import StoreError
from kg.lang.text import key
from kg.search.analysis import exact_analyzer
from kg.lang.morphology import morphology
from kg.store.graphstore import write_atomically

NAME_FIELDS = ("actor", "body", "mention_name")
NAME_SCORE = 85  # rapidfuzz ratio of a misspelt name to the name it is taken for
VOCABULARY_FILE = "vocabulary.json"


class Vocabulary:
    """The surface words and entity names of one searcher's view of the index.

    kept is the file the lists are kept in and stamp the index version they must be of
    (None: built in memory only).
    """

    def __init__(self, searcher, kept: Path | None = None, stamp: str | None = None):
        self.searcher = searcher
        self._reader = searcher.reader()
        self._kept, self._stamp = kept, stamp
        self._lists: tuple[frozenset[str], dict[str, str]] | None = None
        self._exact = exact_analyzer()

    @property
    def words(self) -> frozenset[str]:
        return self._load()[0]

    @property
    def names(self) -> dict[str, str]:
        """Comparison key → name, of every actor, body and mentioned entity."""
        return self._load()[1]

    def _load(self) -> tuple[frozenset[str], dict[str, str]]:
        if self._lists is None:
            self._lists = self._read_kept()
            if self._lists is None:
                self._lists = self._build()
                self.keep()
        return self._lists

    def _build(self) -> tuple[frozenset[str], dict[str, str]]:
        words = frozenset(w for w in self._reader.field_terms("exact") if not any(c.isdigit() for c in w))
        return words, {key(n): n for field in NAME_FIELDS for n in self._reader.field_terms(field)}

    def _read_kept(self) -> tuple[frozenset[str], dict[str, str]] | None:
        try:
            kept = json.loads(self._kept.read_text(encoding="utf-8"))
            if kept["stamp"] == self._stamp:
                return frozenset(kept["words"]), kept["names"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return None

    def keep(self) -> None:
        """Write the lists beside the index (a folder we may not write to keeps none)."""
        if self._kept is None:
            return
        words, names = self._lists or self._build()
        self._lists = (words, names)
        try:
            write_atomically(self._kept, json.dumps({"stamp": self._stamp, "words": sorted(words), "names": names},
                                                    ensure_ascii=False, separators=(",", ":")))
        except StoreError:
            pass

    def correction(self, word: str) -> str | None:
        """The closest indexed word, as usually written, when word is not found in any form."""
        forms = [t.text for t in self._exact(word)]
        if len(forms) != 1 or self.known(forms[0]):
            return None
        form = forms[0]
        if len(form) < 3:
            return None
        limit = 1 if len(form) <= 4 else 2
        candidates = process.extract(form, self.words, scorer=OSA.distance, score_cutoff=limit, limit=None)
        candidates.sort(key=lambda c: (c[1], -self._reader.doc_frequency("exact", c[0])))
        for candidate, _, _ in candidates:
            surface = self._surface(candidate)
            if surface:
                return surface
        return None

    def name_correction(self, text: str) -> str | None:
        """The actor, body or mentioned entity whose name text misspells, if one is close."""
        best = process.extractOne(key(text), self.names, scorer=fuzz.ratio, score_cutoff=NAME_SCORE)
        if best is None:
            return None
        name, _, name_key = best
        return None if name_key == key(text) else name

    def known(self, form: str) -> bool:
        """Whether the index holds the word (lower case) as written, or a lemma of it as a word or compound part."""
        if ("exact", form) in self._reader or any(c.isdigit() for c in form):  # a word of the index as it stands
            return True
        analysis = morphology()(form)
        return any((field, k) in self._reader for k in analysis.lemmas for field in ("exact", "content", "title", "tags", "parts"))

    def _surface(self, word: str) -> str | None:
        """The most common spelling of word in live sections (None if all were deleted)."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        seen: Counter[str] = Counter()
        for hit in self.searcher.search(Term("exact", word), limit=50):
            seen.update(pattern.findall(hit["text"]))
        return seen.most_common(1)[0][0] if seen else None
