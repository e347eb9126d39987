"""The index's words and names, for "did you mean" suggestions.

Built from the unstemmed field and the name fields, once per index version (the searcher
caches it).
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from whoosh.query import Term

from kg.lang.text import key
from kg.search.analysis import exact_analyzer
from kg.lang.morphology import morphology

NAME_FIELDS = ("actor", "body", "mention_name")
NAME_SCORE = 85  # rapidfuzz ratio of a misspelt name to the name it is taken for


class Vocabulary:
    """The surface words and entity names of one searcher's view of the index."""

    def __init__(self, searcher):
        self.searcher = searcher
        reader = searcher.reader()
        self._reader = reader
        self.words = frozenset(w for w in reader.field_terms("exact") if not any(c.isdigit() for c in w))
        self.names = {key(n): n for field in NAME_FIELDS for n in reader.field_terms(field)}
        self._exact = exact_analyzer()

    def correction(self, word: str) -> str | None:
        """The closest indexed word, as usually written, when word is not found in any form."""
        forms = [t.text for t in self._exact(word)]
        if len(forms) != 1 or self._known(forms[0]):
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

    def _known(self, form: str) -> bool:
        if form in self.words or any(c.isdigit() for c in form):
            return True
        analysis = morphology()(form)
        return any((field, k) in self._reader for k in analysis.lemmas for field in ("content", "title", "tags", "parts"))

    def _surface(self, word: str) -> str | None:
        """The most common spelling of word in live sections (None if all were deleted)."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        seen: Counter[str] = Counter()
        for hit in self.searcher.search(Term("exact", word), limit=50):
            seen.update(pattern.findall(hit["text"]))
        return seen.most_common(1)[0][0] if seen else None
