"""The best sections for a query, scored as whoosh scores them, from the postings kg.search.count reads.

Whoosh scores a query of many terms (a word's forms in four fields, its compounds and synonyms:
often a hundred terms) one section at a time through a tree of matchers in Python, which in an
archive of tens of thousands of sections is most of a search's time. Here each term's postings are
scored a block at a time with whoosh's own BM25F and statistics (idf and average field length of
the whole index, the section's field length, the term's frequency), summed over the query's tree
into one score a section, and the page is taken from those. A phrase counts at most the sum of
its words' scores (what it adds when its words stand together): only the sections whose bound can
still reach the page have their words' positions read. A query with a part not scored here (fuzzy,
prefix or wildcard words, NOT, an OR with a coordination bonus) is left to whoosh.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain, compress
from math import log

from whoosh.query import And, Or, Phrase, Term
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from kg.search.count import phrase_words


PLACES = 9  # scores are compared to so many decimals: sums in another order differ in the last bits
MARGIN = 1e-6  # below a bound, more than any difference in those bits


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
    best first, at equal scores in index order, as whoosh ranks them; parts: kg.search.count's
    segments of searcher. None when q has a part not scored here."""
    if type(searcher.weighting) is not BM25F:
        return None
    matched: set[int] = set()
    scored = []  # (segment scorer, offset of its section numbers, bounds, sections matched)
    statistics = _Statistics(searcher, [segment for segment, _ in parts])
    try:
        for segment, offset in parts:
            scorer = _Scorer(statistics, segment)
            bounds, found = scorer.bounds(q)
            if allowed is not None:
                found &= {d - offset for d in allowed} if offset else allowed
            matched.update(map(offset.__add__, found)) if offset else matched.update(found)
            scored.append((scorer, offset, bounds, list(found)))
    except Unscored:
        return None
    # a section whose bound is below the limit-th best sure score cannot reach the page
    sure = heapq.nlargest(limit, chain.from_iterable(map(scorer.sure.__getitem__, scorer.sure_docs.intersection(found))
                                                     for scorer, _, _, found in scored))
    cut = sure[-1] - MARGIN if len(sure) == limit else float("-inf")
    candidates = [(-round(bounds[d], PLACES), d + offset, scorer, d, bounds[d]) for scorer, offset, bounds, found in scored
                  for d in compress(found, map(cut.__le__, map(bounds.__getitem__, found)))]
    if not any(scorer.phrases or scorer.nested for scorer, _, _, _ in scored):  # the bounds are the scores
        top = [(-c[0], -c[1]) for c in heapq.nsmallest(limit, candidates, key=lambda c: c[:2])]
    else:
        top = _exact_top(q, candidates, limit)
    stored = searcher.stored_fields
    return matched, [Found(-d, s, stored(-d)) for s, d in sorted(top, reverse=True)]


def _exact_top(q, candidates: list, limit: int) -> list[tuple[float, int]]:
    """(score, -docnum) of the limit best, scoring sections exactly in the order of their bounds
    until no bound left can reach the page."""
    heapq.heapify(candidates)
    top: list[tuple[float, int]] = []
    while candidates:
        rounded, docnum, scorer, local, bound = heapq.heappop(candidates)
        if len(top) == limit and (-rounded, -docnum) < top[0]:
            break  # nor can any after it: their bounds are lower, or as high with a later number
        score = scorer.exact_from(q, local, bound, top[0] if len(top) == limit else None, docnum)
        if score is None:
            continue
        if len(top) < limit:
            heapq.heappush(top, (score, -docnum))
        elif (score, -docnum) > top[0]:
            heapq.heapreplace(top, (score, -docnum))
    return top


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
        self.phrases: list = []  # phrases not under an AND: (phrase, section → its words' score, factor)
        self.nested = False  # a phrase under an AND: only exact() scores a section then
        self.sure: list[float] = []  # section → the least its score is (its score without the phrases)
        self.sure_docs: set[int] = set()  # the sections that have one
        self._scores: dict[tuple[str, object], dict[int, float]] = {}

    def bounds(self, q) -> tuple[list[float], set[int]]:
        """Each section's score or, where phrases may add to it, the most they may add (a list over
        the segment's sections), and the live sections q matches (a phrase's positions are read
        only where nothing else matched)."""
        base = [0.0] * self.reader.doc_count_all()
        found: set[int] = set()
        self.segment.read(q)
        self.add(q, 1.0, base, found)
        if self.nested:
            found = self.segment.docs(q)
            self.sure_docs = set()
        else:
            self.sure, self.sure_docs = (base[:], set(found)) if self.phrases else (base, found)
            for phrase, _, _ in self.phrases:
                found |= self.segment.phrase(phrase, found)
            for _, words, factor in self.phrases:
                for d, s in words.items():
                    base[d] += s * factor
        return base, self.segment.live(found)

    def add(self, q, factor: float, into, docs: set[int] | None = None, summed: bool = True) -> None:
        """Add q's score times factor to each section it matches (into: a list over the sections or
        a defaultdict; docs, when given, gets the sections; summed: q's score is one term of the whole
        query's sum, not under an AND; such a phrase is kept aside in self.phrases). A term that
        stands in the query more than once is read once, with the sum of its factors."""
        terms: dict[tuple[str, object], float] = {}
        rest: list = []
        _linear(q, factor, terms, rest)
        for (fieldname, text), f in terms.items():
            self._add_term(fieldname, text, f, into, docs)
        for q, factor in rest:
            if type(q) is And:
                f = _boosted(q, factor)
                subs = []
                for sub in q.subqueries:
                    subs.append(defaultdict(float))
                    self.add(sub, f, subs[-1], None, False)
                common = _sum_common(subs, 1.0, into)
                if docs is not None:
                    docs |= common
            elif (slots := phrase_words(q)) and q.slop == 1 and self.segment.positional(slots):
                words = self.words(q)
                if summed:
                    common: dict[int, float] = defaultdict(float)
                    _sum_common(words, 1.0, common)
                    self.phrases.append((q, common, factor * q.boost))
                else:
                    self.nested = True
                    _sum_common(words, factor * q.boost, into)
            else:
                raise Unscored(q)

    def _add_term(self, fieldname: str, text, factor: float, into, docs: set[int] | None) -> None:
        """Add the term's BM25F score times factor to each section that holds it."""
        if not self.reader.schema[fieldname].scorable:
            raise Unscored(fieldname)
        ids, codes = self.segment.row(fieldname, text)
        if ids:
            for d, s in zip(ids, map(factor.__mul__, self._scored(fieldname, text, codes))):
                into[d] += s
            if docs is not None:
                docs.update(ids)

    def exact_from(self, q, d: int, bound: float, least: tuple[float, int] | None, docnum: int) -> float | None:
        """Section d's score (to PLACES), from its bound less the phrases whose words stand apart
        in it; None when it cannot reach the page, whose last is least (score, -docnum) so far
        (docnum: d's number in the whole index, which orders equal scores)."""
        if self.nested:
            score = self.exact(q, d, 1.0)
            return None if score is None else round(score, PLACES)
        at_most = sorted(((common[d] * factor, phrase) for phrase, common, factor in self.phrases if d in common),
                         key=lambda p: -p[0])
        for most, phrase in at_most:
            if not self.segment.in_order(phrase_words(phrase), {d}):
                bound -= most
                if least is not None and (round(bound, PLACES), -docnum) < least:
                    return None
        return round(bound, PLACES)

    def exact(self, q, d: int, factor: float) -> float | None:
        """q's score of section d times factor; None when q does not match it."""
        if type(q) is Term:
            s = self.term(q.fieldname, q.text).get(d)
            return None if s is None else s * factor * q.boost
        if phrase_words(q):
            words = self.words(q)
            if any(d not in w for w in words) or not self.segment.in_order(phrase_words(q), {d}):
                return None
            return sum(w[d] for w in words) * factor * q.boost
        f = _boosted(q, factor)
        scores = [self.exact(sub, d, f) for sub in q.subqueries]
        found = [s for s in scores if s is not None]
        if not found or (type(q) is And and len(found) < len(scores)):
            return None
        return sum(found)

    def words(self, q) -> list[dict[int, float]]:
        """Section → score of each word of a phrase (kg.search.count.phrase_words): of a Phrase's
        word, its term; of a Sequence's, the sum of the terms it may stand as, as whoosh's Or sums them."""
        if type(q) is Phrase:
            return [self.term(q.fieldname, w) for w in q.words]
        words = []
        for sub in q.subqueries:
            found = [t for t in (sub.subqueries if type(sub) is Or else [sub]) if self.term(t.fieldname, t.text)]
            if len(found) == 1 and found[0].boost == sub.boost == 1.0:  # the word in one form only: its term's scores
                words.append(self.term(found[0].fieldname, found[0].text))
            else:
                words.append(defaultdict(float))
                self.add(sub, 1.0, words[-1], summed=False)
        return words

    def term(self, fieldname: str, text) -> dict[int, float]:
        """Section → the term's BM25F score there, as whoosh's BM25FScorer computes it."""
        found = self._scores.get((fieldname, text))
        if found is None:
            if not self.reader.schema[fieldname].scorable:
                raise Unscored(fieldname)
            ids, codes = self.segment.row(fieldname, text)
            found = self._scores[fieldname, text] = dict(zip(ids, self._scored(fieldname, text, codes))) if ids else {}
        return found

    def _scored(self, fieldname: str, text, codes):
        """The term's score in each of its postings, in turn."""
        idf = self.statistics.idf(fieldname, text)
        return map(idf.__mul__, map(self.statistics.factors(fieldname, max(codes)).__getitem__, codes))


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


def _sum_common(parts: list[dict[int, float]], factor: float, into) -> set[int]:
    """Add, for each section in all parts, the sum of their scores times factor; the sections."""
    common = set(parts[0].keys()).intersection(*(part.keys() for part in parts[1:]))
    if len(parts) == 2:
        first, second = parts
        for d in common:
            into[d] += (first[d] + second[d]) * factor
    else:
        for d in common:
            into[d] += sum([p[d] for p in parts]) * factor
    return common


def _boosted(q, factor: float) -> float:
    """A compound's boost applies only when it has more than one part (whoosh then matches its
    one part alone)."""
    return factor * q.boost if len(q.subqueries) > 1 else factor
