"""The topic thesaurus (data/thesaurus.ttl, SKOS) and tagging text with its concepts.

Text and labels are read through the same morphology as search (kg.lang.morphology):
a word names a label's word when they share a lemma ("næringsarealer", "næringsareal";
nynorsk "hamna", bokmål "havn"), and a label's last word may be a part of a compound
("klima" in "klimadashboard", "transport" in "næringstransport"). The morphology knows many
compounds as words of their own, unsplit ("opplevelsesturisme"), so a long label word also
counts as a part where it starts (five letters or more) or ends (six or more) a lemma of the
word. Short all-capital labels (AI, KI, SMB) match only as whole words written in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from kg.lang.text import key
from kg.paths import DATA_DIR

THESAURUS_FILE = DATA_DIR / "thesaurus.ttl"
TOPIC_BASE = "urn:kg:topic/"  # placeholder base while reading; concepts are keyed by their slug
SKOS = "http://www.w3.org/2004/02/skos/core#"

MIN_PART = 4  # letters in a label word that may match as a compound's part ("vei" in "fylkesveien" may not)
MIN_HEAD, MIN_TAIL = 5, 6  # letters in a label word that may start or end an unsplit compound
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:\.[0-9]+)?")


@dataclass
class Concept:
    slug: str
    pref: dict[str, str] = field(default_factory=dict)           # lang → preferred label
    alt: list[tuple[str, str | None]] = field(default_factory=list)  # (label, lang), alt and hidden
    broader: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.pref.get("nb") or next(iter(self.pref.values()), self.slug)

    def all_labels(self) -> list[str]:
        return list(self.keyed_labels().values())

    def keyed_labels(self) -> dict[str, str]:
        """Comparison key → the first label with that key, preferred labels first."""
        out: dict[str, str] = {}
        for lab in [*self.pref.values(), *(a for a, _ in self.alt)]:
            out.setdefault(key(lab), lab)
        return out


@dataclass(frozen=True)
class TopicMatch:
    concept: Concept
    span: tuple[int, int]  # character span in the text


class Thesaurus:
    def __init__(self, concepts: list[Concept]):
        self.concepts = concepts
        self.by_slug = {c.slug: c for c in concepts}
        self._by_label: dict[str, Concept] = {}
        self._patterns = []
        for c in concepts:
            for k, lab in c.keyed_labels().items():  # each label keyed once: a cold `kg ask` loads this
                self._by_label.setdefault(k, c)
                self._patterns.append((c, lab, _tokens(lab)))
        self._by_first: dict[str, list[tuple[Concept, str, list[str]]]] | None = None

    def lookup(self, label: str) -> Concept | None:
        """The concept with this label in any language (case-insensitive)."""
        return self._by_label.get(key(label))

    def labels(self) -> dict[str, Concept]:
        return dict(self._by_label)

    def prepare(self, text: str) -> None:
        """Analyse every word of text in one batch, so that tagging its sentences looks each
        word up instead of starting the analysers once per sentence."""
        _morphology().prepare(_WORD.findall(text))

    def tag(self, text: str) -> list[TopicMatch]:
        """Every concept named in text, longest label first.

        A whole-word match claims its words; a compound part ("klima" in
        "klimadashboard") claims nothing, so one compound can carry several topics.
        """
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        analyse = _morphology()
        analyse.prepare(w for w, _, _ in words)
        candidates: list[tuple[int, Concept, str, list[str]]] = []
        for i, (w, _, _) in enumerate(words):
            candidates.extend((i, *p) for p in _starting(self, analyse, w))
        found: dict[tuple[str, int], TopicMatch] = {}
        taken: set[int] = set()
        for i, concept, label, toks in sorted(candidates, key=lambda c: (-len(c[2]), c[0])):
            k = len(toks)
            if i + k > len(words) or (concept.slug, i) in found or any(j in taken for j in range(i, i + k)):
                continue
            caps = label.isupper() and len(label) <= 5
            kinds = [_word_match(analyse, words[i + j][0], toks[j], last=(j == k - 1), caps=caps) for j in range(k)]
            if all(kinds):
                found[(concept.slug, i)] = TopicMatch(concept, (words[i][1], words[i + k - 1][2]))
                if all(x == "word" for x in kinds):
                    taken.update(range(i, i + k))
        return sorted(found.values(), key=lambda m: m.span)

    def _patterns_by_first(self) -> dict[str, list[tuple[Concept, str, list[str]]]]:
        """Labels by every lemma of their first word, so tagging looks only at labels a word can
        start; the labels' words are analysed once, in one batch, on first use."""
        if self._by_first is None:
            analyse = _morphology()
            analyse.prepare(t for _, _, toks in self._patterns for t in toks)
            self._by_first = {}
            for pattern in self._patterns:
                if pattern[2]:
                    for k in _keys(pattern[2][0]):
                        self._by_first.setdefault(k, []).append(pattern)
        return self._by_first


@lru_cache(maxsize=1 << 16)
def _starting(th: Thesaurus, analyse, word: str) -> tuple[tuple[Concept, str, list[str]], ...]:
    """The labels a word may start, by the word, its lemmas, its compound parts and their starts and ends
    (made once a word, for a thesaurus and a morphology: tagging asks for every word of every sentence)."""
    a = analyse(word)
    keys = {word.lower(), *a.nominal, *a.parts, *(piece for lemma in a.nominal for piece in _affixes(lemma))}
    by_first = th._patterns_by_first()
    return tuple({id(p): p for k in keys for p in by_first.get(k, ())}.values())


def _morphology():
    """The analyser, imported on first use: `kg ask` looks labels up (lookup, labels) without it,
    and its import (SQLite, subprocesses) is a tenth of a cold ask's start."""
    from kg.lang.morphology import morphology

    return morphology()


def _tokens(label: str) -> list[str]:
    return [w for w in _WORD.findall(label)]


def _keys(word: str) -> frozenset[str]:
    """A word and its lemmas, lower case, but not a lemma only a verb reading gives: what it is matched by."""
    return _keys_by(_morphology(), word)


@lru_cache(maxsize=1 << 16)
def _keys_by(analyse, word: str) -> frozenset[str]:
    """_keys as one morphology reads it (tests swap it), made once a word: tagging asks it for every
    word of every sentence."""
    return frozenset({word.lower(), *analyse(word).nominal})


def _word_match(analyse, word: str, tok: str, *, last: bool, caps: bool) -> str | None:
    """'word' for the word itself or another form of it, 'part' for a compound part, else None (analyse: the
    morphology, asked for once a tagging, not once a word)."""
    if caps:
        return "word" if word == tok else None
    label = _keys_by(analyse, tok)
    if label & _keys_by(analyse, word):
        return "word"
    if last and len(tok) >= MIN_PART:
        analysis = analyse(word)
        if label & set(analysis.parts) or any(label & _affixes(lemma) for lemma in analysis.nominal):
            return "part"
    return None


@lru_cache(maxsize=1 << 16)
def _affixes(lemma: str) -> frozenset[str]:
    """The starts and ends of a lemma long enough to be a compound's first or last part (made once a
    lemma: tagging asks for those of every word of every sentence)."""
    return frozenset({lemma[:n] for n in range(MIN_HEAD, len(lemma) - 2)}
                     | {lemma[-n:] for n in range(MIN_TAIL, len(lemma))})


@cache
def thesaurus() -> Thesaurus:
    """The project's thesaurus, read once per process."""
    return load_thesaurus(THESAURUS_FILE)


def load_thesaurus(path: Path) -> Thesaurus:
    import pyoxigraph as ox

    concepts: dict[str, Concept] = {}
    with open(path, "rb") as f:
        triples = list(ox.parse(f, format=ox.RdfFormat.TURTLE, base_iri=TOPIC_BASE))
    for t in triples:
        s = t.subject.value
        if not s.startswith(TOPIC_BASE) or s == TOPIC_BASE:
            continue
        slug = s[len(TOPIC_BASE):]
        c = concepts.get(slug) or concepts.setdefault(slug, Concept(slug))  # one Concept a subject, not a triple
        p = t.predicate.value
        if p == SKOS + "prefLabel":
            c.pref[t.object.language or "nb"] = t.object.value
        elif p in (SKOS + "altLabel", SKOS + "hiddenLabel"):
            c.alt.append((t.object.value, t.object.language))
        elif p == SKOS + "broader":
            c.broader.append(t.object.value[len(TOPIC_BASE):])
    return Thesaurus([c for c in concepts.values() if c.pref])
