"""The order of hits by relevance: what a reader looks for first, then whoosh's score.

Whoosh's score sums every match, so a short section naming a word in passing, or a section
full of a typed word's synonyms, can outscore the agenda item about the word. Hits are
therefore ranked by, in turn:
1. how many of the words the user typed the section's text holds (as written, inflected, or
   inside a compound), not only through a synonym or a topic tag: the typed word first;
2. whether it is a list of names (attendance, header): not where a reader looks for a subject;
3. how many of the typed words its title holds (whole, or all of a compound's parts: the
   title "Plan for reiseliv" is about "reiselivsplanen"): a section about the word before
   one that names it;
4. the score, weighted by the kind of section;
5. the section's place: its document, then its lines (not whoosh's number for it, which a merge of
   segments changes: the pages do not depend on how the index is cut into segments).
"""

from __future__ import annotations

from whoosh.query import And, Or, Term

from kg.lang.morphology import WordAnalysis, morphology
from kg.search.count import among
from kg.search.postings import place
from kg.search.analysis import LEMMA_FIELDS, word_keys, words

# Reports and agenda items carry the substance; an events list or an agenda list ("other")
# names a word in passing.
KIND_WEIGHTS = {"roundtable": 1.25, "agenda": 1.1, "other": 0.8}
LISTS = ("attendance", "header")  # who was there: names, and the case each guest came for


class Ranking:
    """The rank of the hits of one search, for the words the user typed."""

    def __init__(self, parts, typed: list[str]):
        self.typed = list(dict.fromkeys(typed))
        self._parts = parts  # kg.search.count's segments
        self._holding: list[set[int]] = []

    def sorted(self, hits) -> list:
        """The hits in rank order (their titles' words looked up in one batch first)."""
        hits = list(hits)
        docnums = sorted({h.docnum for h in hits})
        self._holding = [among(self._parts, _in_text(w), docnums) for w in self.typed]
        morphology().prepare(w for h in hits for w in words(h["title"]))
        return sorted(hits, key=self.key)

    def key(self, hit) -> tuple:
        in_text = sum(hit.docnum in docs for docs in self._holding)
        title_keys = frozenset().union(*(word_keys(w) for w in words(hit["title"])))
        in_title = sum(_named_by(morphology()(w), w, title_keys) for w in self.typed)
        return (-in_text, hit["kind"] in LISTS, -in_title, -weighted(hit), place(hit))


def weighted(hit) -> float:
    return hit.score * KIND_WEIGHTS.get(hit["kind"], 1.0)


def typed_words(tokens) -> list[str]:
    """The words of the query's plain words and phrases (not operators, filters or wildcards)."""
    return [w for t in tokens if t.plain or t.kind == "phrase" for w in words(t.text)]


def _in_text(word: str):
    """A section's text holds word: its form or a lemma as a whole word or inside a compound,
    or, for a compound, each of its parts ("lokal mat" holds "lokalmat")."""
    analysis = morphology()(word)
    whole = [Term(field, k) for k in dict.fromkeys((word.lower(), *analysis.lemmas))
             for field in ("exact", "content", "parts")]
    parts = _smallest_parts(analysis)
    return Or(whole + [And([Or([Term(f, p) for f in (*LEMMA_FIELDS, "parts")]) for p in parts])] if parts else whole)


def _named_by(analysis: WordAnalysis, word: str, keys: frozenset[str]) -> bool:
    """keys (a title's words, lemmas and parts) hold the word whole, or each of its parts."""
    if keys & {word.lower(), *analysis.lemmas}:
        return True
    parts = _smallest_parts(analysis)
    return bool(parts) and all(p in keys for p in parts)


def _smallest_parts(analysis: WordAnalysis) -> list[str]:
    """A compound's parts without the runs of them ("nord", "sjø", "program", not "nordsjø")."""
    return [p for p in analysis.parts if not any(q != p and q in p for q in analysis.parts)]
