"""The best sections for a query, scored as whoosh scores them, from the postings kg.search.count reads.

Whoosh scores a query of many terms (a word's forms in four fields, its compounds and synonyms:
often a hundred terms) one section at a time through a tree of matchers in Python, which in an
archive of tens of thousands of sections is most of a search's time. Here each term's postings are
scored a block at a time with whoosh's own BM25F and statistics (idf and average field length of
the whole index, the section's field length, the term's frequency), summed over the query's tree
into one score a section, and the page is taken from those. A phrase adds the sum of its words'
scores in the sections where its words stand together (kg.search.count finds those by set
operations over all their positions). A query with a part not scored here (fuzzy, prefix or
wildcard words, NOT, an OR with a coordination bonus) is left to whoosh.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain, compress
from math import log
from operator import add

from whoosh.query import And, Or, Phrase, Term
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from kg.search.count import phrase_words
from kg.search.postings import place


PLACES = 9  # scores are compared to so many decimals: sums in another order differ in the last bits
MARGIN = 1e-6  # more than any difference in those bits


class Unscored(Exception):
    """A part of a query that whoosh scores some other way than this module."""


@dataclass(frozen=True)
class Found:
    """A section on the page: its number, score and stored fields, read as a whoosh hit is."""

    docnum: int
    score: float
    fields: dict

    def __getitem__(self, name: str):
        return self.fields[name]

    def get(self, name: str, default=None):
        return self.fields.get(name, default)


def ranked(searcher, q, allowed: set[int] | None, limit: int, parts) -> tuple[set[int], list[Found]] | None:
    """The sections q matches (top-level numbers, of allowed when given) and the limit best of them,
    best first, at equal scores by their place (kg.search.postings.place); parts: kg.search.count's
    segments of searcher. None when q has a part not scored here."""
    if type(searcher.weighting) is not BM25F:
        return None
    matched: set[int] = set()
    scored = []  # (offset of the segment's section numbers, its scores, sections matched)
    statistics = _Statistics(searcher, [segment for segment, _ in parts])
    try:
        for segment, offset in parts:
            scores, found = _Scorer(statistics, segment).scores(q)
            if allowed is not None:
                found &= {d - offset for d in allowed} if offset else allowed
            matched.update(map(offset.__add__, found)) if offset else matched.update(found)
            scored.append((offset, scores, list(found)))
    except Unscored:
        return None
    # below the limit-th best score (less what sums in another order may differ by), none is on the page
    best = heapq.nlargest(limit, chain.from_iterable(map(scores.__getitem__, found) for _, scores, found in scored))
    cut = best[-1] - MARGIN if len(best) == limit else float("-inf")
    candidates = [(-round(scores[d], PLACES), places[d], d + offset, offset)
                  for (segment, offset), (_, scores, found) in zip(parts, scored) for places in [segment.postings.places()]
                  for d in compress(found, map(cut.__le__, map(scores.__getitem__, found)))]
    top = heapq.nsmallest(limit, candidates)  # equal scores by place, of which a segment knows only its own order
    if len(top) == limit and len(parts) > 1:  # so of those of the last score, the first of each segment
        last = top[-1][0]
        tied: dict[int, list] = {}
        for c in candidates:
            if c[0] == last:
                tied.setdefault(c[3], []).append(c)
        needed = sum(c[0] == last for c in top)
        top = [c for c in top if c[0] < last] + [c for cs in tied.values() for c in heapq.nsmallest(needed, cs)]
    stored = searcher.stored_fields
    found = [Found(d, -s, stored(d)) for s, _, d, _ in top]
    return matched, sorted(found, key=lambda f: (-f.score, place(f)))[:limit]


class _Statistics:
    """What BM25F takes from the whole index, as whoosh's BM25FScorer computes it: a term's idf
    from the sections that hold it in every segment (deleted ones too, as whoosh counts them), and
    a field's term-frequency factor of each posting's code (kg.search.postings: frequency and the
    section's field-length byte)."""

    def __init__(self, searcher, segments):
        self.searcher = searcher
        self.segments = segments
        self._idf: dict[tuple[str, object], float] = {}
        self._factors: dict[str, list[float]] = {}

    def idf(self, fieldname: str, text) -> float:
        found = self._idf.get((fieldname, text))
        if found is None:
            n = sum(len(segment.row(fieldname, text)[0]) for segment in self.segments)
            found = self._idf[fieldname, text] = log(self.searcher.doc_count_all() / (n + 1)) + 1
        return found

    def factors(self, fieldname: str, largest: int) -> list[float]:
        """The factor of each code up to largest: (w * (k1 + 1)) / (w + k1 * ((1 - b) + b * length / avgfl))."""
        factors = self._factors.setdefault(fieldname, [])
        if len(factors) <= largest:
            weighting = self.searcher.weighting
            b, k1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            norms = [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
            factors.extend((w * (k1 + 1)) / (w + norm)
                           for w in range(len(factors) >> 8, (largest >> 8) + 1) for norm in norms)
        return factors


class _Scorer:
    """Scores in one segment (kg.search.count's, so that postings are read once a search)."""

    def __init__(self, statistics: _Statistics, segment):
        self.statistics = statistics
        self.segment = segment
        self.reader = segment.reader

    def scores(self, q) -> tuple[list[float], set[int]]:
        """Each section's score (a list over the segment's sections) and the live sections q matches."""
        scores = [0.0] * self.reader.doc_count_all()
        found: set[int] = set()
        self.segment.read(q)
        self.add(q, 1.0, scores, found)
        return scores, self.segment.live(found)

    def add(self, q, factor: float, into, docs: set[int] | None = None) -> None:
        """Add q's score times factor to each section it matches (into: a list over the sections or
        a defaultdict; docs, when given, gets the sections). A term that stands in the query more
        than once is read once, with the sum of its factors."""
        terms: dict[tuple[str, object], float] = {}
        rest: list = []
        _linear(q, factor, terms, rest)
        for (fieldname, text), f in terms.items():
            self._add_term(fieldname, text, f, into, docs)
        phrases: dict[int, tuple[set[int], dict]] = {}  # see _gather_phrase
        for q, factor in rest:
            if type(q) is And:
                f = _boosted(q, factor)
                subs = []
                for sub in q.subqueries:
                    subs.append(defaultdict(float))
                    self.add(sub, f, subs[-1])
                common = _sum_common(subs, into)
                if docs is not None:
                    docs |= common
            elif (words := phrase_words(q)) and q.slop == 1 and self.segment.positional(words):
                self._gather_phrase(q, factor * q.boost, phrases)
            else:
                raise Unscored(q)
        for holding, terms in phrases.values():
            self._add_phrases(holding, terms, into, docs)

    def _add_term(self, fieldname: str, text, factor: float, into, docs: set[int] | None) -> None:
        """Add the term's BM25F score times factor to each section that holds it (a term of many
        postings by a table of its score times factor for each code, a lookup a posting)."""
        if not self.reader.schema[fieldname].scorable:
            raise Unscored(fieldname)
        ids, codes = self.segment.row(fieldname, text)
        if not ids:
            return
        largest = max(codes)
        if len(ids) > largest:
            table = list(map((self.statistics.idf(fieldname, text) * factor).__mul__,
                             self.statistics.factors(fieldname, largest)[:largest + 1]))
            for d, c in zip(ids, codes):
                into[d] += table[c]
        else:
            for d, s in zip(ids, map(factor.__mul__, self._scored(fieldname, text, codes))):
                into[d] += s
        if docs is not None:
            docs.update(ids)

    def _gather_phrase(self, q, factor: float, phrases: dict[int, tuple[set[int], dict]]) -> None:
        """Note the phrase's terms with their factors (as whoosh scores a phrase: the sum of its
        words' scores, a Sequence's word an OR of the terms it may stand as) under the sections where
        it stands: phrases (a query's forms of one phrase in several fields, by its words' lemmas and
        synonyms: 64 for "grønn omstilling") found in the same sections are then scored together."""
        holding = self.segment.in_order(phrase_words(q))
        if not holding:
            return
        words = [[((q.fieldname, w), 1.0)] for w in q.words] if type(q) is Phrase else [_terms(sub) for sub in q.subqueries]
        terms = phrases.setdefault(id(holding), (holding, {}))[1]
        for term, f in (term for word in words for term in word):
            if not self.reader.schema[term[0]].scorable:
                raise Unscored(term[0])
            terms[term] = terms.get(term, 0.0) + f * factor

    def _add_phrases(self, holding: set[int], terms: dict, into, docs: set[int] | None) -> None:
        """Add, to each section of holding, the sum of the terms' scores times their factors (a
        term in every one of them by a list of its scores, one in some by theirs alone)."""
        where = sorted(holding)
        sums = [0.0] * len(where)
        places = None
        for (fieldname, text), f in terms.items():
            ids, scores = self._scores_in(fieldname, text, holding)
            if len(ids) == len(where):
                sums = list(map(add, sums, map(f.__mul__, scores)))
            elif ids:
                places = places or {d: i for i, d in enumerate(where)}
                for d, score in zip(ids, scores):
                    sums[places[d]] += f * score
        for d, s in zip(where, sums):
            into[d] += s
        if docs is not None:
            docs.update(where)

    def _scores_in(self, fieldname: str, text, holding: set[int]) -> tuple[list[int], list[float]]:
        """The sections of holding that hold the term (in order), and its score in each: only the
        postings of those sections are scored."""
        ids, codes = self.segment.row(fieldname, text)
        picked = list(map(holding.__contains__, ids))
        if not any(picked):
            return [], []
        return list(compress(ids, picked)), list(self._scored(fieldname, text, list(compress(codes, picked))))

    def _scored(self, fieldname: str, text, codes):
        """The term's score in each of these postings' codes, in turn."""
        idf = self.statistics.idf(fieldname, text)
        return map(idf.__mul__, map(self.statistics.factors(fieldname, max(codes, default=0)).__getitem__, codes))


def _terms(q) -> list[tuple[tuple[str, object], float]]:
    """The terms of an OR of terms, each with its factor."""
    terms: dict[tuple[str, object], float] = {}
    _linear(q, 1.0, terms, [])
    return list(terms.items())


def _linear(q, factor: float, terms: dict[tuple[str, object], float], rest: list) -> None:
    """Gather q's terms under ORs, each with the sum of its factors, and the other parts (with theirs)."""
    if type(q) is Term:
        terms[q.fieldname, q.text] = terms.get((q.fieldname, q.text), 0.0) + factor * q.boost
    elif type(q) is Or and not q.minmatch and not q.scale:
        f = _boosted(q, factor)
        for sub in q.subqueries:
            _linear(sub, f, terms, rest)
    else:
        rest.append((q, factor))


def _sum_common(parts: list[dict[int, float]], into) -> set[int]:
    """Add, for each section in all parts, the sum of their scores; the sections."""
    common = set(parts[0].keys()).intersection(*(part.keys() for part in parts[1:]))
    for d in common:
        into[d] += sum([p[d] for p in parts])
    return common


def _boosted(q, factor: float) -> float:
    """A compound's boost applies only when it has more than one part (whoosh then matches its
    one part alone)."""
    return factor * q.boost if len(q.subqueries) > 1 else factor
