"""The sections a query matches, as sets of document numbers read a posting block at a time.

Whoosh finds the top hits of a query quickly, since its matchers leave out postings that cannot
reach them; but that leaves the total wrong, and counting every match through its matchers walks
each posting in Python: most of a search's time in a large archive. Here a query's words are read
as sets of document numbers, a whole block of postings at a time, and combined by set operations
(a phrase checks its word positions only in the sections that hold all its words). A query of a
kind not read here is left to whoosh's own matcher.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from pickle import loads

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE
from whoosh.query import And, AndMaybe, AndNot, DisjunctionMax, Every, MultiTerm, Not, Or, Phrase, Require, Sequence, Term


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
        docs = segment.live(segment.docs(q))
        found.update(d + offset for d in docs) if offset else found.update(docs)
    return found


def facet_counts(searcher, fieldname: str, docs: set[int]) -> dict[str, int]:
    """How many of docs (top-level numbers) hold each value of the field."""
    counts: dict[str, int] = {}
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        local = {d - offset for d in docs if offset <= d < offset + reader.doc_count_all()}
        segment = _Segment(sub)
        for value in reader.field_terms(fieldname) if local else ():
            n = len(local & segment.term(fieldname, value))
            if n:
                counts[value] = counts.get(value, 0) + n
    return counts


def among(searcher, q, docnums: list[int]) -> set[int]:
    """Which of the (sorted, top-level) docnums q matches: its matcher skips to each of them,
    where listing every section q matches would cost as many steps as there are such sections."""
    found = set()
    for sub, offset in searcher.leaf_searchers():
        end = offset + sub.doc_count_all()
        local = [d - offset for d in docnums if offset <= d < end]
        found.update(d + offset for d in _skipping(q.matcher(sub), local))
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
        self._terms: dict[tuple[str, object], set[int]] = {}
        self._blocks: dict[tuple[str, object], list | None] = {}
        self._ends: dict[tuple[str, object], list[int]] = {}

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

    def live(self, docs: set[int]) -> set[int]:
        """docs without the deleted sections: the segment's few deletions taken away at once."""
        return docs - self.reader.deleted_docs_set if self.reader.has_deletions() else docs

    def term(self, fieldname: str, text) -> set[int]:
        found = self._terms.get((fieldname, text))
        if found is None:
            blocks = self.blocks(fieldname, text)
            found = self._terms[fieldname, text] = (
                set(self.reader.postings(fieldname, text).all_ids()) if blocks is None
                else set().union(*(ids for ids, _, _ in blocks)))
        return found

    def phrase(self, q, known: set[int], holding=None) -> set[int]:
        """Sections with every word of the phrase (q: see phrase_words; and not known), and among
        them those where the words stand one after the other (their positions are read only in
        those sections); holding: the sections with every word, when the caller has them already."""
        words = phrase_words(q)
        if holding is None:
            holding = set.intersection(*(self._any(alternatives) for alternatives in words))
        candidates = holding - known
        if not candidates or len(words) == 1:
            return candidates
        if q.slop != 1 or not self.positional(words):  # words apart, or postings whoosh reads otherwise
            return _skipping(q.matcher(self.searcher), sorted(candidates))
        at = [self._positions(alternatives, candidates) for alternatives in words]
        return {d for d in candidates if _in_order([where.get(d, ()) for where in at])}

    def in_order(self, q, d: int) -> bool:
        """Whether the phrase's words stand one after the other in section d (which holds them all)."""
        return _in_order([set().union(*(self._positions_at(f, t, d) for f, t in alternatives if d in self.term(f, t)))
                          for alternatives in phrase_words(q)])

    def positional(self, words: list[list[tuple[str, object]]]) -> bool:
        """Whether this module reads the phrase's words' positions: fields that keep positions only,
        postings in blocks."""
        return all(type(self.reader.schema[f].format) is Positions and self.blocks(f, t) is not None
                   for alternatives in words for f, t in alternatives)

    def _any(self, alternatives: list[tuple[str, object]]) -> set[int]:
        """The sections holding a phrase's word as any of the terms it may stand as."""
        if len(alternatives) == 1:
            return self.term(*alternatives[0])
        return set().union(*(self.term(f, t) for f, t in alternatives))

    def _positions(self, alternatives: list[tuple[str, object]], docs: set[int]) -> dict[int, set[int]]:
        """Where a phrase's word stands, as any of its terms, in each of docs that holds it."""
        where: dict[int, set[int]] = {}
        for f, t in alternatives:
            for d, at in self.positions(f, t, docs).items():
                where.setdefault(d, set()).update(at)
        return where

    def _positions_at(self, fieldname: str, text, d: int) -> set[int]:
        """Where the word stands in section d (which holds it): its block found by bisection."""
        ends = self._ends.get((fieldname, text))
        if ends is None:
            ends = self._ends[fieldname, text] = [ids[-1] for ids, _, _ in self.blocks(fieldname, text)]
        ids, _, values = self.blocks(fieldname, text)[bisect_left(ends, d)]
        return set(_positions(values[bisect_left(ids, d)]))

    def positions(self, fieldname: str, text, docs: set[int]) -> dict[int, set[int]]:
        """Where the word stands in each of docs that hold it (a field of positions: see positional)."""
        return {d: set(_positions(values[i])) for ids, _, values in self.blocks(fieldname, text)
                if not docs.isdisjoint(ids) for i, d in enumerate(ids) if d in docs}

    def blocks(self, fieldname: str, text) -> list[tuple[list[int], object, tuple]] | None:
        """The word's posting blocks here, as (document numbers, weights, values), read once; None
        when whoosh reads them some other way than by blocks. Weights as whoosh keeps them: None
        when all are 1, one float when all are that, else one a posting."""
        if (fieldname, text) not in self._blocks:
            self._blocks[fieldname, text] = _blocks(self.reader, fieldname, text)
        return self._blocks[fieldname, text]


def _blocks(reader, fieldname: str, text) -> list[tuple[list[int], object, tuple]] | None:
    if (fieldname, text) not in reader:
        return []
    m = reader.postings(fieldname, text)
    m = getattr(m, "child", m)  # without the wrapper that drops deleted sections: matching does
    if not isinstance(m, W3LeafMatcher):
        return None
    blocks = []
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids, weights, values = m._data[:3]
        blocks.append((ids if m._byteids else list(accumulate(ids)), weights, values))  # ids undone from their differences in C
        m._next_block()
    return blocks


def _in_order(at: list[set[int]]) -> bool:
    """Whether the words, standing at these positions, follow one another somewhere."""
    return any(all(p + i in at[i] for i in range(1, len(at))) for p in at[0])


def _positions(value: bytes):
    """A posting's positions, as whoosh's Positions format decodes them, without its loop in Python."""
    return accumulate(loads(value[_INT_SIZE:] if value[-1:] == b"." else value[_INT_SIZE:] + b"."))
