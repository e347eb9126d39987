"""Filling a question's slots with things in the graph, by their labels, aliases and the thesaurus.

Tolerant of case, inflection and typos (rapidfuzz); a name that fits several
things equally is reported with the candidates, never guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date


from kg.ask.tables import Tables, tables
from kg.errors import Ambiguous, NotFound, QueryError
from kg.lang.dates import find_dates, parse_numeric
from kg.lang.amounts import find_amounts
from kg.lang.text import key
from kg.lang.thesaurus import thesaurus
from kg.store.graphstore import GraphStore
from kg.vocab import CLASS_OF_KIND, KINDS

ACTOR_KINDS = ("municipality", "region", "organisation", "institution", "cluster")
SLOT_TARGETS = {
    "actor": ACTOR_KINDS,
    "body": ACTOR_KINDS,
    "entity": None,
    "person": ("person",),
    "project": ("project",),
    "programme": ("programme",),
    "municipality": ("municipality",),
    "region": ("region",),
    "organisation": ("organisation", "institution"),
    "institution": ("institution",),
    "cluster": ("cluster",),
}
# what a question names by a name; topics are read through the thesaurus, in all three languages
NAMED_KINDS = tuple(k for k in KINDS if k != "topic")
FUZZY_MIN = 85
_BODY_WORD = re.compile(r"\s(?:kommune|kommun|herad|municipality|municipal council)$")


@dataclass(frozen=True)
class Entry:
    iri: str
    label: str
    kind: str


@dataclass(frozen=True)
class Filled:
    value: object      # a pyoxigraph term
    label: str
    why: str           # how the text was matched (for --explain)


class EntityIndex:
    """The named things of some kinds, looked up name by name in the name table (kg.ask.tables)."""

    def __init__(self, table: Tables, kinds: tuple[str, ...] | None):
        self.table = table
        self.wanted = set(kinds or KINDS)

    def _entry(self, row: dict) -> Entry | None:
        kind = next((k for k in row["kinds"] if k in self.wanted), None)  # the most specific kind asked for
        return Entry(row["iri"], row["label"], kind) if kind else None

    def named(self, k: str) -> list[Entry]:
        """The things one of whose names has the key k; else the company or body that has it
        without its legal form ("Lister Nyskaping" for "Lister Nyskaping AS"), the first such."""
        found = [e for row in self.table.named(k, "key") if (e := self._entry(row))]
        return found or next(([e] for row in self.table.named(k, "bare") if (e := self._entry(row))), [])

    def typed(self, k: str) -> list[Entry]:
        """The things k is a short form of ("Hasvold", "Osloregionen"), as the kind it is short for."""
        return [e for row, kind in self.table.typed(k) if (e := self._entry(row)) and e.kind == kind]

    def exact(self, text: str) -> list[Entry]:
        """The things text names by one of their names, or an inflected form of one ("Bærums")."""
        found, how = self.find(text, None, fuzzy=False)
        return found

    def find(self, text: str, kinds: tuple[str, ...] | None, fuzzy: bool = True) -> tuple[list[Entry], str]:
        """The things text names (exact name, then close spelling), restricted to kinds."""
        k = key(text)
        ok = (lambda e: kinds is None or e.kind in kinds)
        exact = [e for e in self.named(k) if ok(e)]
        if exact:
            return list(dict.fromkeys(exact)), "name"
        bare = _BODY_WORD.sub("", k).strip()  # "Vinje kommune", "Vik municipality" for "Vinje", "Vik"
        for variant in (re.sub(r"(?:s|ens|ets|en|et)$", "", k), k + "en", bare):  # "Bærums", "regionen"
            exact = [e for e in self.named(variant) if ok(e)]
            if exact:
                return list(dict.fromkeys(exact)), "inflected name"
        typed = [e for e in self.typed(k) if ok(e)]
        if typed:
            return list(dict.fromkeys(typed)), "short name"
        if not fuzzy:
            return [], "none"
        from rapidfuzz import fuzz, process  # only for a name not found as written: a cold ask rarely needs it

        # a name can be this close only if its length is close: only names of such lengths are scored
        share = FUZZY_MIN / 100
        shortest, longest = math.floor(len(k) * share / (2 - share)), math.ceil(len(k) * (2 - share) / share)
        close = process.extract(k, self.table.names(shortest, longest), scorer=fuzz.ratio, limit=None,
                                score_cutoff=FUZZY_MIN)
        close.sort(key=lambda c: (-c[1], self.table.first_named(c[0]), c[0]))  # of names as close, the first thing's
        best = []  # the five closest names of a thing of the kinds asked for, each with those things
        for n, score, _ in close:
            # a name's things, else those it is a short name of: a misspelt surname alone ("Haugn")
            things = [e for e in self.named(n) or self.typed(n) if ok(e)]
            if things:
                best.append((score, things))
            if len(best) == 5:
                break
        if not best:
            return [], "none"
        top = best[0][0]
        found = [e for score, things in best if score >= top - 0.01 for e in things]
        return list(dict.fromkeys(found)), f"spelling ({top:.0f}%)"


class SlotFiller:
    def __init__(self, store: GraphStore):
        self.store = store
        self._indexes: dict[tuple[str, ...] | None, EntityIndex] = {}
        self._table: Tables | None = None

    def table(self) -> Tables:
        """The tables kept beside the store (kg.ask.tables), opened on first use."""
        if self._table is None:
            self._table = tables(self.store)
        return self._table

    def index(self, kinds: tuple[str, ...] | None) -> EntityIndex:
        if kinds not in self._indexes:
            self._indexes[kinds] = EntityIndex(self.table(), kinds)
        return self._indexes[kinds]

    def fill(self, kind: str, text: str, *, today: date | None = None) -> Filled:
        import pyoxigraph as ox

        text = text.strip().strip("?.!\"'«»")
        if kind == "topic":
            return self._topic(text)
        if kind == "date":
            d = _date(text, today)
            return Filled(ox.Literal(d.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
                          d.isoformat(), "date")
        if kind == "amount":
            amounts = find_amounts(text) or find_amounts(text + " kr")
            if not amounts:
                raise QueryError(f"not an amount: {text!r}")
            return Filled(ox.Literal(str(amounts[0].value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                          f"{amounts[0].value} {amounts[0].currency}", "amount")
        if kind == "line":
            if not text.isdigit():
                raise QueryError(f"not a line number: {text!r}")
            return Filled(ox.Literal(int(text)), text, "line")
        if kind in ("text", "case", "cue", "section", "said"):
            return Filled(ox.Literal(text), text, kind)
        if kind == "class":
            if text not in CLASS_OF_KIND:
                raise QueryError(f"not a kind: {text!r} (one of {', '.join(KINDS)})")
            return Filled(ox.NamedNode(CLASS_OF_KIND[text]), text, "kind")
        targets = SLOT_TARGETS.get(kind, None)
        found, how = self.index(targets).find(text, targets)
        if not found and kind in ("actor", "body"):
            found, how = self.index(None).find(text, None)
        if not found:
            raise NotFound(f"nothing called {text!r} in the graph"
                           + (f" (looked for: {', '.join(targets)})" if targets else ""))
        if len(found) > 1:
            raise Ambiguous(f"{text!r} fits several things: "
                            + " or ".join(f"{e.label} ({e.kind})" for e in found[:6]),
                            [e.label for e in found])
        e = found[0]
        return Filled(ox.NamedNode(e.iri), e.label, f"{e.kind} by {how}")

    def nearest(self, text: str, limit: int = 3) -> list[str]:
        """The names in the graph and the thesaurus closest to text, for a "not found" message."""
        from rapidfuzz import fuzz, process

        names = {row["label"] for row in self.table().rows() if set(row["kinds"]) & set(NAMED_KINDS)}
        names |= {c.label for c in thesaurus().labels().values()}
        best = process.extract(text, sorted(names), scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
        return [name for name, _, _ in best]

    def _topic(self, text: str) -> Filled:
        import pyoxigraph as ox

        th = thesaurus()
        c = th.lookup(text)
        how = "thesaurus label"
        if c is None:
            from rapidfuzz import fuzz, process

            labels = th.labels()
            best = process.extractOne(key(text), list(labels), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
            if best:
                c, how = labels[best[0]], f"thesaurus spelling ({best[1]:.0f}%)"
        if c is None:
            tagged = th.tag(text)
            if len(tagged) == 1:
                c, how = tagged[0].concept, "thesaurus form"
        if c is None and len(key(text)) >= 4:  # "skog" for "skog og tre": a word of one concept's labels
            holders = {c2.slug: c2 for lab, c2 in th.labels().items() if key(text) in lab.split()}
            if len(holders) == 1:
                c, how = next(iter(holders.values())), "a word of a thesaurus label"
        if c is None:
            raise NotFound(f"no topic called {text!r} in the thesaurus")
        return Filled(ox.NamedNode(f"{self.store.base}topic/{c.slug}"), c.label, how)


def _date(text: str, today: date | None) -> date:
    low = text.lower()
    if low in ("today", "i dag", "idag", "now", "no", "nå") and today is not None:
        return today
    d = parse_numeric(text)
    if d:
        return d
    found = find_dates(text, today)
    if found:
        return found[0].start
    raise QueryError(f"not a date: {text!r} (write 2022-05-20 or 20. mai 2022)")

