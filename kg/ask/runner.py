"""Running named queries with bound parameters, and gathering the evidence of each answer.

A named query selects ``?answer`` (the thing answered) and, where it can,
``?fact`` (the evidence node of the fact that makes it an answer, or a
section). Any other selected variable is passed on as a column of the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.ask.catalogue import NamedQuery, get_query
from kg.ask.questions import readings
from kg.ask.slots import Filled, SlotFiller
from kg.errors import Ambiguous, KgError, NotFound, QueryError
from kg.store.graphstore import GraphStore
from kg.vocab import KIND_OF_CLASS, sparql_prefixes

# Two queries rather than one UNION: Oxigraph answers each in well under a millisecond,
# the UNION in tens of milliseconds.
EVIDENCE = sparql_prefixes() + """
SELECT ?title ?ls ?le ?quote ?doc $fact WHERE {
  $fact prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?doc .
}"""
SECTION_EVIDENCE = sparql_prefixes() + """
SELECT ?title ?ls ?le ?quote ?doc $fact WHERE {
  $fact a kg:Section ; schema:text ?quote ; kg:lineStart ?ls ; kg:lineEnd ?le ;
        dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?doc .
}"""
# Over the union of document graphs a node's triples repeat once per document: a UNION
# with DISTINCT keeps that linear where OPTIONALs would multiply the copies.
DESCRIBE = sparql_prefixes() + """SELECT DISTINCT ?type ?label ?alt $x WHERE {
  { $x a ?type } UNION { $x rdfs:label ?label } UNION { $x skos:altLabel ?alt } }"""


@dataclass
class Evidence:
    document: str
    section: str
    lines: list[int]
    text: str

    def to_json(self) -> dict:
        return {"document": self.document, "section": self.section, "lines": self.lines, "text": self.text}


@dataclass
class Answer:
    id: str
    label: str
    kind: str | None
    evidence: list[Evidence] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    facts: set[str] = field(default_factory=set)  # every evidence node behind the answer

    def to_json(self) -> dict:
        d = {"id": self.id, "label": self.label, "kind": self.kind, "aliases": self.aliases,
             "evidence": [e.to_json() for e in self.evidence], "evidence_count": max(len(self.facts), len(self.evidence))}
        d.update(self.columns)
        return d


@dataclass
class AskResult:
    question: str
    query: str | None
    params: dict[str, str]
    answers: list[Answer]
    sparql: str | None = None
    why: list[str] = field(default_factory=list)
    search: object | None = None  # a SearchResult when no named query fits

    def to_json(self, explain: bool = False) -> dict:
        d = {"question": self.question, "query": self.query, "params": self.params,
             "answers": [a.to_json() for a in self.answers]}
        if self.search is not None:
            d["search"] = self.search.to_json()
        if explain:
            d["explain"] = {"sparql": self.sparql, "why": self.why}
        return d


EVIDENCE_LIMIT = 10  # sentences quoted per answer; the rest are counted in evidence_count


class Runner:
    def __init__(self, store: GraphStore):
        self.store = store
        self.slots = SlotFiller(store)
        self._describe: dict[str, tuple[str, str | None, list[str]]] = {}

    def describe(self, iri: str) -> tuple[str, str | None]:
        """Label and kind of a node."""
        label, kind, _ = self._details(iri)
        return label, kind

    def _details(self, iri: str) -> tuple[str, str | None, list[str]]:
        import pyoxigraph as ox

        if iri not in self._describe:
            rows = self.store.select(DESCRIBE, {"x": ox.NamedNode(iri)})
            kinds = [KIND_OF_CLASS[r["type"].value] for r in rows if "type" in r and r["type"].value in KIND_OF_CLASS]
            order = list(KIND_OF_CLASS.values())
            kind = min(kinds, key=order.index) if kinds else None
            label = next((r["label"].value for r in rows if "label" in r), iri.rsplit("/", 1)[-1])
            aliases = sorted({r["alt"].value for r in rows if "alt" in r} - {label})
            self._describe[iri] = (label, kind, aliases)
        return self._describe[iri]

    def evidence(self, fact) -> list[Evidence]:
        rows = self.store.select(EVIDENCE, {"fact": fact}) or self.store.select(SECTION_EVIDENCE, {"fact": fact})
        return [Evidence(r["doc"].value, r["title"].value, [int(r["ls"].value), int(r["le"].value)],
                         _clip(r["quote"].value)) for r in rows]

    def run(self, nq: NamedQuery, bound: dict[str, Filled]) -> list[Answer]:
        missing = [p for p in nq.params if p not in bound]
        if missing:
            raise QueryError(f"query {nq.name} needs {', '.join('-p ' + m + ' VALUE' for m in missing)}")
        rows = self.store.select(nq.sparql, {k: v.value for k, v in bound.items()})
        answers: dict[str, Answer] = {}
        for r in rows:
            if "answer" not in r:
                continue
            term = r["answer"]
            a = answers.get(term.value)
            if a is None:
                if hasattr(term, "language") or not term.value.startswith(("http", "urn")):
                    label, kind, aliases = term.value, None, []
                else:
                    label, kind, aliases = self._details(term.value)
                a = answers[term.value] = Answer(term.value, label, kind, aliases=aliases)
            for k, v in r.items():
                if k not in ("answer", "fact") and k not in bound and k not in a.columns:
                    a.columns[k] = self.describe(v.value)[0] if v.value.startswith(self.store.base) else v.value
            if "fact" in r and r["fact"].value not in a.facts:
                a.facts.add(r["fact"].value)
                if len(a.facts) <= EVIDENCE_LIMIT:  # quote a few; count them all
                    a.evidence.extend(e for e in self.evidence(r["fact"]) if e not in a.evidence)
        if "ORDER BY" in nq.sparql.upper():
            return list(answers.values())
        return sorted(answers.values(), key=lambda a: (-len(a.facts), a.label.casefold()))

    def run_named(self, name: str, params: dict[str, str], *, today: date | None = None) -> AskResult:
        nq = get_query(name)
        unknown = set(params) - set(nq.params)
        if unknown:
            raise QueryError(f"query {name} has no parameter {', '.join(sorted(unknown))}; "
                             f"it takes: {', '.join(nq.params) or 'none'}")
        bound = {k: self.slots.fill(nq.params[k], v, today=today) for k, v in params.items()}
        answers = self.run(nq, bound)
        return AskResult(question=" ".join([name, *(f"{k}={v}" for k, v in params.items())]), query=name, params={k: f.label for k, f in bound.items()},
                         answers=answers, sparql=nq.sparql,
                         why=[f"{k} = {f.label} ({f.why})" for k, f in bound.items()])

    def ask(self, question: str, *, today: date | None = None) -> AskResult:
        """The answer of the named query whose wording fits and whose slots fill best.

        Readings are tried in order; one whose slots all match names exactly wins over one
        that needed a close spelling ("Sogn Næring" is a body, not the topic "skognæring").
        """
        problems: list[KgError] = []
        fits = []
        for r in readings(question):
            try:
                texts = dict(r.slots)
                # a date the wording leaves out ("upcoming events") is today
                texts.update({p: "today" for p, kind in r.query.params.items() if kind == "date" and p not in texts})
                bound = {k: self.slots.fill(r.query.params.get(k, "text"), v, today=today) for k, v in texts.items()}
            except Ambiguous:
                raise
            except (NotFound, QueryError) as e:
                problems.append(e)
                continue
            fits.append((sum("spelling" not in f.why for f in bound.values()) - len(bound), len(fits), r, bound))
        if fits:
            _, _, r, bound = max(fits, key=lambda fit: (fit[0], -fit[1]))
            answers = self.run(r.query, bound)
            why = [f"question fits “{r.pattern}” ({'exactly' if r.exact else 'by word stems'})"]
            why += [f"{k} = {f.label} ({f.why})" for k, f in bound.items()]
            return AskResult(question=question, query=r.query.name,
                             params={k: f.label for k, f in bound.items()},
                             answers=answers, sparql=r.query.sparql, why=why)
        why = [str(p) for p in problems] or ["no named query's wording fits the question"]
        return AskResult(question=question, query=None, params={}, answers=[], why=why)


def _clip(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
