"""The sections a query matches, as sets of document numbers read from the segments' side files.

Whoosh finds the top hits of a query quickly, since its matchers leave out postings that cannot
reach them; but that leaves the total wrong, and counting every match through its matchers walks
each posting in Python: most of a search's time in a large archive. Here a query's words are read
as sets of document numbers, each term's whole array at once (kg.search.postings), and combined by
set operations; a phrase by its words' positions, as set operations too. A query of a kind not
read here is left to whoosh's own matcher.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain

from whoosh.formats import Positions
from whoosh.query import And, AndMaybe, AndNot, DisjunctionMax, Every, MultiTerm, Not, Or, Phrase, Require, Sequence, Term

from kg.search.postings import EMPTY, LONGEST, postings_of

FEW = 32  # a phrase's sections are read one at a time when fewer than its words' postings / FEW


def segments(searcher) -> list[tuple[_Segment, int]]:
    """The index's segments, each with the offset of its document numbers: one search's postings,
    read once for all the queries it asks (kg.search.scoring reads the same ones)."""
    return [(_Segment(sub), offset) for sub, offset in searcher.leaf_searchers()]


def phrase_words(q) -> list[list[tuple[str, object]]] | None:
    """A phrase's words, each as the (field, term)s it may stand as: a Phrase's words, or the terms
    (or ORs of terms) of a Sequence, kg.search.index's phrase of lemmas; None for any other query."""
    if type(q) is Phrase and q.words:
        return [[(q.fieldname, w)] for w in q.words]
    if type(q) is not Sequence or not q.ordered:
        return None
    words = []
    for sub in q.subqueries:
        terms = sub.subqueries if type(sub) is Or else [sub]
        if not all(type(t) is Term for t in terms):
            return None
        words.append([(t.fieldname, t.text) for t in terms])
    return words


def matching(searcher, q, parts: list[tuple[_Segment, int]] | None = None) -> set[int]:
    """The (top-level) document numbers of the live sections q matches (parts: from segments)."""
    found: set[int] = set()
    for segment, offset in parts or segments(searcher):
        segment.read(q)
        docs = segment.live(segment.docs(q))
        found.update(d + offset for d in docs) if offset else found.update(docs)
    return found


def facet_counts(searcher, fieldname: str, docs: set[int]) -> dict[str, int]:
    """How many of docs (top-level numbers) hold each value of the field."""
    counts: dict[str, int] = {}
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        local = {d - offset for d in docs if offset <= d < offset + reader.doc_count_all()}
        for value, ids in postings_of(reader).field(fieldname) if local else ():
            n = len(local.intersection(ids))
            if n:
                counts[value] = counts.get(value, 0) + n
    return counts


def among(parts: list[tuple[_Segment, int]], q, docnums: list[int]) -> set[int]:
    """Which of the (top-level) docnums q matches, asked of each (parts: from segments), where
    listing every section q matches would cost as many steps as there are such sections."""
    found = set()
    for segment, offset in parts:
        end = offset + segment.reader.doc_count_all()
        found.update(d for d in docnums if offset <= d < end and segment.holds(q, d - offset))
    return found


def _skipping(m, docnums: list[int]) -> set[int]:
    """Those of the sorted docnums the matcher m stops at."""
    found = set()
    for d in docnums:
        if m.is_active() and m.id() < d:
            m.skip_to(d)
        if not m.is_active():
            break
        if m.id() == d:
            found.add(d)
    return found


class _Segment:
    """One segment's sections for the parts of one query (a word repeated in it is read once)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.postings = postings_of(self.reader)
        self._rows: dict[tuple[str, object], tuple[memoryview, memoryview | None]] = {}
        self._terms: dict[tuple[str, object], set[int]] = {}
        self._phrases: dict[tuple, set[int]] = {}  # a phrase's words → the sections where it stands
        self._where: dict[tuple[str, object], memoryview] = {}  # term → its occurrences (kg.search.postings)

    def docs(self, q, known: set[int] = frozenset()) -> set[int]:
        """The document numbers q matches here (deleted ones too: matching drops them); of
        those in known (found by another branch of an OR), any may be left out."""
        docs = self.docs
        if isinstance(q, Term):
            return self.term(q.fieldname, q.text)
        if isinstance(q, (Or, DisjunctionMax)) and not getattr(q, "minmatch", None):
            found = set(known)  # phrases last: their positions are read only where nothing else matched
            for sub in sorted(q.subqueries, key=lambda sub: phrase_words(sub) is not None):
                found |= docs(sub, found)
            return found
        if isinstance(q, And) and q.subqueries:
            return set.intersection(*map(docs, q.subqueries))
        if isinstance(q, AndNot):
            return docs(q.a) - docs(q.b)
        if isinstance(q, AndMaybe):
            return docs(q.a)
        if isinstance(q, Require):
            return docs(q.a) & docs(q.b)
        if isinstance(q, Not):
            return set(range(self.reader.doc_count_all())) - docs(q.query)
        if isinstance(q, Every) and not q.fieldname:
            return set(range(self.reader.doc_count_all()))
        if isinstance(q, MultiTerm):  # prefix, wildcard, fuzzy word, range: the words it stands for
            return set().union(*(self.term(f, t) for f, t in q.expanded_terms(self.reader)))
        if phrase_words(q):
            return self.phrase(q, known)
        return set(q.docs(self.searcher))

    def holds(self, q, d: int) -> bool:
        """Whether q matches section d (its terms' arrays searched by bisection)."""
        if isinstance(q, Term):
            ids = self.row(q.fieldname, q.text)[0]
            i = bisect_left(ids, d)
            return i < len(ids) and ids[i] == d
        if type(q) is Or:
            return any(self.holds(sub, d) for sub in q.subqueries)
        if type(q) is And:
            return all(self.holds(sub, d) for sub in q.subqueries)
        return d in self.docs(q)

    def read(self, q) -> None:
        """Read the rows of all of q's terms, a field in one query (a query of a hundred terms)."""
        wanted: dict[str, list[str]] = {}
        for fieldname, text in q.iter_all_terms():
            text = text.decode("utf-8") if isinstance(text, bytes) else text
            if (fieldname, text) not in self._rows:
                wanted.setdefault(fieldname, []).append(text)
                self._rows[fieldname, text] = (EMPTY, None)
        for fieldname, texts in wanted.items():
            for text, ids, codes in self.postings.rows(fieldname, texts):
                self._rows[fieldname, text] = (ids, codes)

    def live(self, docs: set[int]) -> set[int]:
        """docs without the deleted sections: the segment's few deletions taken away at once."""
        return docs - self.reader.deleted_docs_set if self.reader.has_deletions() else docs

    def row(self, fieldname: str, text) -> tuple[memoryview, memoryview | None]:
        """The term's section numbers and codes (kg.search.postings), read once."""
        text = text.decode("utf-8") if isinstance(text, bytes) else text  # prefix terms are bytes
        found = self._rows.get((fieldname, text))
        if found is None:
            found = self._rows[fieldname, text] = self.postings.row(fieldname, text) or (EMPTY, None)
        return found

    def term(self, fieldname: str, text) -> set[int]:
        found = self._terms.get((fieldname, text))
        if found is None:
            found = self._terms[fieldname, text] = set(self.row(fieldname, text)[0])
        return found

    def phrase(self, q, known: set[int]) -> set[int]:
        """Sections where the phrase's words (q: see phrase_words) stand one after the other, not
        known; words apart or in a field without positions are left to whoosh's matcher, among
        the sections that hold them all."""
        words = phrase_words(q)
        candidates = set.intersection(*(self._any(alternatives) for alternatives in words)) - known
        if not candidates or len(words) == 1:
            return candidates
        if q.slop == 1 and self.positional(words):
            return self.in_order(words, candidates)
        return _skipping(q.matcher(self.searcher), sorted(candidates))

    def in_order(self, words: list[list[tuple[str, object]]], docs: set[int] | None = None) -> set[int]:
        """The sections (of docs, when given: each holding every word) where the words, each as any
        of its terms, stand one after the other: read a section at a time where docs are few beside
        the words' postings, else in every section at once (and kept for the rest of the search)."""
        key = tuple(map(tuple, words))
        everywhere = self._phrases.get(key)
        if everywhere is None:
            sizes = [sum(len(self.row(f, t)[0]) for f, t in alternatives) for alternatives in words]
            if len(words) > LONGEST:
                docs = set.intersection(*(self._any(alternatives) for alternatives in words)) if docs is None else docs
            if docs is not None and (len(docs) * FEW < sum(sizes) or len(words) > LONGEST):
                return {d for d in docs if self._stands_in_order(words, d)}
            places = sorted(range(len(words)), key=sizes.__getitem__)  # the rarest word's set first
            common = set(self._occurrences(words[places[0]], places[0]))
            for i in places[1:]:
                common = common.intersection(self._occurrences(words[i], i)) if common else common
            everywhere = self._phrases[key] = self._same({n >> self.postings.shift for n in common})
        return everywhere if docs is None else everywhere & docs

    def _same(self, sections: set[int]) -> set[int]:
        """The set found for another phrase where it equals sections (the same object: kg.search.scoring
        then scores a term in those sections once, for a phrase's forms in several fields)."""
        return next((known for known in self._phrases.values() if len(known) == len(sections) and known == sections),
                    sections)

    def positional(self, words: list[list[tuple[str, object]]]) -> bool:
        """Whether the phrase's words are all in fields that keep positions."""
        return all(type(self.reader.schema[f].format) is Positions for alternatives in words for f, _ in alternatives)

    def _any(self, alternatives: list[tuple[str, object]]) -> set[int]:
        """The sections holding a phrase's word as any of the terms it may stand as."""
        if len(alternatives) == 1:
            return self.term(*alternatives[0])
        return set().union(*(self.term(f, t) for f, t in alternatives))

    def _occurrences(self, alternatives: list[tuple[str, object]], place: int):
        """Each occurrence of the word (as any of its terms) as one number (kg.search.postings), less
        its place in the phrase: where the phrase stands, its words give the same number."""
        found = []
        for f, t in alternatives:
            ids, codes = self.row(f, t)
            if ids:
                at = self._occurrences_of(f, t)
                found.append(map((-place).__add__, at) if place else at)
        return chain.from_iterable(found)

    def _stands_in_order(self, words: list[list[tuple[str, object]]], d: int) -> bool:
        at = [set().union(*(self._occurrences_in(f, t, d) for f, t in alternatives)) for alternatives in words]
        return any(all(p + i in at[i] for i in range(1, len(at))) for p in at[0])

    def _occurrences_in(self, fieldname: str, text, d: int) -> memoryview:
        """The term's occurrences in section d (see _occurrences): found by bisection."""
        at, shift = self._occurrences_of(fieldname, text), self.postings.shift
        return at[bisect_left(at, d << shift):bisect_left(at, d + 1 << shift)]

    def _occurrences_of(self, fieldname: str, text) -> memoryview:
        found = self._where.get((fieldname, text))
        if found is None:
            found = self._where[fieldname, text] = self.postings.occurrences(fieldname, text)
        return found
