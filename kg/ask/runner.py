"""Running named queries with bound parameters, and gathering the evidence of each answer.

A named query selects ``?answer`` (the thing answered) and, where it can,
``?fact`` (the line span the fact that makes it an answer was read from, whose
named graph states the fact: ``GRAPH ?fact { s p o } FILTER EXISTS { ?fact a kg:Evidence }``; or a
section). One span can state several facts, and each counts as a source: the
fact's subject, predicate and object tell them apart (kg.ask.catalogue selects
the variables of its pattern).
Any other selected variable is passed on as a column of the answer.
``$entities`` stands for the graph of entity types and labels (``with_entities_graph``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain

from kg.ask import AS_WRITTEN
from kg.ask.catalogue import NamedQuery, get_query
from kg.ask.composer import link, rank
from kg.ask.lines import BESIDE, asked_beside, matching_sentences, wider_words
from kg.ask.plans import answer_from_tables
from kg.ask.reader import Reader
from kg.ask.slots import NAMED_KINDS, Filled, SlotFiller
from kg.ask.words import STANCES, STOPWORDS
from kg.errors import QueryError
from kg.lang.thesaurus import thesaurus
from kg.store.graphstore import GraphStore, with_entities_graph
from kg.vocab import KG, KIND_OF_CLASS, XSD, sparql_prefixes

# The sources of the facts quoted, a batch of spans a query (VALUES), where a query a span cost a
# millisecond each (400 spans for "which regions work on AI" at 1,000 documents); and two
# queries rather than one UNION: Oxigraph answers each far faster than the UNION.
EVIDENCE = sparql_prefixes() + """
SELECT ?title ?ls ?le ?quote ?doc ?fact WHERE { VALUES ?fact { %s }
  ?fact prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?doc .
}"""
SECTION_EVIDENCE = sparql_prefixes() + """
SELECT ?title ?ls ?le ?quote ?doc ?fact WHERE { VALUES ?fact { %s }
  ?fact a kg:Section ; schema:text ?quote ; kg:lineStart ?ls ; kg:lineEnd ?le ;
        dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?doc .
}"""
EVIDENCE_BATCH = 200  # spans a query
# the kinds an answer may have when a kind is asked for ("organisations" holds institutions too)
KIND_FAMILY = {"municipality": {"municipality"}, "region": {"region"}, "cluster": {"cluster"},
               "organisation": {"organisation", "institution", "cluster"}, "institution": {"institution", "organisation"},
               "project": {"project"}, "programme": {"programme"}, "event": {"event", "meeting"},
               "meeting": {"meeting", "event"}, "person": {"person"}}
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
    facts: set[tuple] = field(default_factory=set)  # every fact behind the answer: (span, s, p, o)

    @property
    def evidence_count(self) -> int:
        """Every source behind the answer, quoted or not."""
        return max(len(self.facts), len(self.evidence))

    def to_json(self) -> dict:
        d = {"id": self.id, "label": self.label, "kind": self.kind, "aliases": self.aliases,
             "evidence": [e.to_json() for e in self.evidence], "evidence_count": self.evidence_count}
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
        if self.query is None:  # what could not be read, and the search hits apart from the answers
            d["not_understood"] = "; ".join(w for w in self.why if not w.startswith("read: ")) or "nothing read"
            d["search"] = self.search.to_json()["hits"] if self.search is not None else []
        if explain:
            d["explain"] = {"sparql": self.sparql, "why": self.why}
        return d


NAMES_NO_ANSWER = "no answer names"  # the note of a thing asked about that no answer names
PLURAL_COLUMNS = {"responsible", "funder", "against", "partner", "partners", "payer", "grants", "proposed"}
# the suffix of a variable a query selects beside a column: the fact that states it ("?for_stated", the
# attendance line that names the body a presenter came for), whose line is quoted and whose words name it
STATED = "_stated"
EVIDENCE_LIMIT = 10  # sentences quoted per answer; the rest are counted in evidence_count
FALLBACKS = 3  # queries tried, best first, until one finds something
SPOKEN = {"present", "report"}  # who spoke of a thing: where nobody is stated to, where it was discussed


SECTIONS_SEARCHED = 5  # sections of the search index a "section" parameter is run with, best first
SECTION_SCORE_SHARE = 0.5  # and only those scoring at least this share of the best


class Runner:
    def __init__(self, store: GraphStore, search=None, knows=lambda word: False, indexed=frozenset):
        """search(text, limit) → kg.search.SearchResult, for words that name no thing in the graph
        (None where there is no index: a SPARQL server); knows(word), whether the index holds a word;
        indexed(), the index's words as written."""
        self.store = store
        self.search = search
        self.knows = knows
        self.indexed = indexed
        self._sections: dict[str, list] = {}
        self._lines: dict[tuple, list] = {}  # (section, matched terms) → the sentences they match (kg.ask.lines)
        self.slots = SlotFiller(store)
        self._describe: dict[str, tuple[str, str | None, list[str]]] = {}

    def describe(self, iri: str) -> tuple[str, str | None]:
        """Label and kind of a node."""
        label, kind, _ = self._details(iri)
        return label, kind

    def _details(self, iri: str) -> tuple[str, str | None, list[str]]:
        import pyoxigraph as ox

        if iri not in self._describe and (row := self.slots.table().row(iri)) is not None:
            # a named thing: as the name table has it (the same label a question finds it by), where
            # asking the graph costs a query an answer (hundreds for "who represents" a large archive)
            self._describe[iri] = (row["label"], row["kinds"][0], row["aliases"])
        if iri not in self._describe:
            rows = self.store.select(DESCRIBE, {"x": ox.NamedNode(iri)})
            kinds = [KIND_OF_CLASS[r["type"].value] for r in rows if "type" in r and r["type"].value in KIND_OF_CLASS]
            order = list(KIND_OF_CLASS.values())
            kind = min(kinds, key=order.index) if kinds else None
            label = next((r["label"].value for r in rows if "label" in r), iri.rsplit("/", 1)[-1])
            aliases = sorted({r["alt"].value for r in rows if "alt" in r} - {label})
            self._describe[iri] = (label, kind, aliases)
        return self._describe[iri]

    def _names_as_written(self, a: "Answer", key: str, iris: list[str]) -> None:
        """The name a quote gives a thing of a column, where it writes another than its label ("Ansvar:
        sekretariatet" for "Nordbys sekretariat", "Nordby kommune" for "Nordby"): the words a reader of the
        minutes looks for (``responsible_as_written``, ``funder_as_written``)."""
        quotes = " ".join(e.text for e in a.evidence).casefold()
        for iri in dict.fromkeys(iris):
            label, _, aliases = self._details(iri)
            said = [x for x in (label, *aliases) if re.search(rf"(?<!\w){re.escape(x.casefold())}(?!\w)", quotes)]
            written = max(said, key=len, default=label)  # the fullest form: "Nordby kommune" of "Nordby"
            if written != label:
                _add_value(a.columns, key + AS_WRITTEN, written)

    def evidence(self, facts: list) -> dict[str, list[Evidence]]:
        """The sources of facts (line spans, else sections), by fact IRI: from the tables kept at
        ingest where they hold the span, else from the graph."""
        kept = self.slots.table().evidence([f.value for f in dict.fromkeys(facts)])
        found: dict[str, list[Evidence]] = {span: [Evidence(file, title, [ls, le], _clip(quote))]
                                            for span, (file, title, ls, le, quote) in kept.items()}
        for query in (EVIDENCE, SECTION_EVIDENCE):
            todo = [f for f in dict.fromkeys(facts) if f.value not in found]
            for i in range(0, len(todo), EVIDENCE_BATCH):
                for r in self.store.select(query % " ".join(map(str, todo[i:i + EVIDENCE_BATCH]))):
                    found.setdefault(r["fact"].value, []).append(Evidence(
                        r["doc"].value, r["title"].value, [int(r["ls"].value), int(r["le"].value)],
                        _clip(r["quote"].value)))
        return found

    def run(self, nq: NamedQuery, bound: dict[str, Filled]) -> list[Answer]:
        searched = [p for p, kind in nq.params.items() if kind == "section"]
        # the lines of a searched section are those its words match, unless all are given
        line_params = [p for p, kind in nq.params.items() if kind in ("line", "said")]
        at_lines = line_params if searched and not any(p in bound for p in line_params) else []
        missing = [p for p in nq.params if p not in bound and p not in at_lines]
        if missing:
            raise QueryError(f"query {nq.name} needs {', '.join('-p ' + m + ' VALUE' for m in missing)}")
        import pyoxigraph as ox

        sparql = with_entities_graph(nq.sparql, self.store.base)
        if searched:  # words become the sections they find (and the lines there they match); the query runs on each
            # the best sections first; where none of them answers, the lines of the weaker ones that write one of
            # the words itself (inflected), not only a part or a synonym ("faktagrunnlag" for "faktagrunnlaget")
            words, rows = bound[searched[0]].label, []
            for weaker in (False, True):
                rows = rows or [r for hit in self.sections(words, weaker)
                                for span in self._spans(hit, {p: nq.params[p] for p in at_lines}, words if weaker else None)
                                for r in self.store.select(sparql, {**{k: v.value for k, v in bound.items()},
                                                                    searched[0]: ox.NamedNode(hit.section_id), **span})]
        else:  # from the tables kept at ingest where a plan gives the query's rows, else its SPARQL
            rows = answer_from_tables(self.store, self.slots.table(), nq, bound)
            if rows is None:
                rows = self.store.select(sparql, {k: v.value for k, v in bound.items()})
        answers: dict[str, Answer] = {}
        quoted = []  # (answer, fact): the first few facts of each answer, quoted
        things: dict[tuple[str, str], list[str]] = {}  # (answer, column) → the things named there
        stated: dict[str, list] = {}  # answer → the facts that state its columns (a query's ?COLUMN_stated)
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
                if k.endswith(STATED):
                    stated.setdefault(term.value, []).append(v)
                elif k not in ("answer", "fact", *nq.hidden, *at_lines) and k not in bound:
                    named = v.value.startswith(self.store.base)
                    _add_value(a.columns, k, self.describe(v.value)[0] if named else v.value)
                    if named:
                        things.setdefault((term.value, k), []).append(v.value)
            fact = _fact(nq, r, bound) if "fact" in r else None
            if fact is not None and fact not in a.facts:
                a.facts.add(fact)
                if len(a.facts) <= EVIDENCE_LIMIT:  # quote a few; count them all
                    quoted.append((a, r["fact"]))
        sources = self.evidence([fact for _, fact in quoted] + [f for facts in stated.values() for f in facts])
        for a, fact in quoted:
            a.evidence.extend(e for e in sources.get(fact.value, ()) if e not in a.evidence)
        for answer, facts in stated.items():  # the line a column's name is written on is a source too
            answers[answer].evidence.extend(e for f in dict.fromkeys(facts) for e in sources.get(f.value, ())
                                            if e not in answers[answer].evidence)
        for a in answers.values():  # in the text's order, whichever order the store gave the rows in
            a.evidence.sort(key=lambda e: (e.document, e.lines, e.section, e.text))
            _dates_as_written(a)
        for (answer, key), iris in things.items():
            self._names_as_written(answers[answer], key, iris)
        if "ORDER BY" in nq.sparql.upper():
            return list(answers.values())
        return sorted(answers.values(), key=lambda a: (-len(a.facts), a.label.casefold()))

    def sections(self, text: str, weaker: bool = False) -> list:
        """The search hits (kg.search.Hit) for words, best first: by the thesaurus concept they
        name in any language ("offshore wind" finds "havvind"), else by the words as written; those
        scoring a fair share of the best, or (weaker) the others."""
        if self.search is None:
            return []
        if text not in self._sections:
            concept = thesaurus().lookup(text)
            self._sections[text] = []
            tried = set()
            # the grammar's function words are no part of what is searched for ("as" would find "AS")
            content = " ".join(w for w in text.split() if w.lower() not in STOPWORDS) or text
            for words in self._tried(concept, content):
                hits = self.search(words, SECTIONS_SEARCHED).hits if words not in tried else []
                tried.add(words)
                if hits:
                    self._sections[text] = hits
                    break
        hits = self._sections[text]
        return [h for h in hits if (h.score < SECTION_SCORE_SHARE * hits[0].score) == weaker]

    def _tried(self, concept, content: str):
        """What sections() searches for, in turn: the thesaurus concept the words name, the words in
        Norwegian where some are English, the words as written, then with compounds cut (kg.ask.lines)."""
        if concept:
            yield concept.label
        translated, cut = wider_words(content, self.knows, self.indexed)
        yield from chain(translated, [content], cut)

    def _spans(self, hit, params: dict[str, str], written: str | None = None) -> list[dict]:
        """The first and last line of each sentence of a hit's section its words match (the query's
        "line" parameters, in the order it names them) and its text (its "said" parameter); one run
        when it has none. With ``written``, only the sentences that write one of those words (inflected)."""
        if not params:
            return [{}] if written is None else []
        import pyoxigraph as ox

        first, last = [p for p, kind in params.items() if kind == "line"]
        said = [p for p, kind in params.items() if kind == "said"]
        stems = [w[:max(4, len(w) - 3)] for w in re.findall(r"\w{4,}", written or "")]
        return [{first: ox.Literal(s.first), last: ox.Literal(s.last), **{p: ox.Literal(s.text) for p in said}}
                for s in self._matching(hit)
                if written is None or any(re.search(rf"(?<!\w){re.escape(st)}", s.text, re.I) for st in stems)]

    def _matching(self, hit) -> list:
        """The sentences of a hit's section that its words match (kg.ask.lines), once per section and words."""
        found = (hit.section_id, hit.terms)
        if found not in self._lines:
            self._lines[found] = matching_sentences(self.store, hit.section_id, hit.terms)
        return self._lines[found]

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
        """Read the question into parts, link its arguments, run the query that fits them best.

        When nothing fits, the result says what was read and which part was not understood
        (with the nearest names the graph has), and has no query: the caller searches.
        """
        names = self.slots.index(NAMED_KINDS).exact
        parts = Reader(names, today, lambda text: thesaurus().lookup(text) is not None).read(question)
        linked = [link(self.slots, a, self.knows) for a in parts.arguments]
        last = self.last_meeting()
        ranked = rank(parts, linked, self.slots, today=today, last_meeting=last)
        why = [f"read: {parts.summary()}"]
        if not ranked:
            return AskResult(question=question, query=None, params={}, answers=[],
                             why=why + self._not_understood(parts, linked))
        tried = []
        # the best query, or the next when it finds nothing, but never one that drops a date or a case number
        # the question gave ("who was disqualified in 6/19": nobody, not who was in another case)
        # and, when what the graph states finds nothing, what the sections found by the words say
        # a query that reads the matching lines of sections goes before, and takes no place of, the others
        lined = [c for c in ranked if "line" in c.query.params.values()]
        plain = [c for c in ranked if c not in lined][:FALLBACKS]
        best = [c for c in ranked if c in plain or c in lined and (not plain or ranked.index(c) < ranked.index(plain[-1]))]
        searched = [c for c in ranked if c not in best and "section" in c.query.params.values()]
        for choice in [c for c in best + searched
                       if c.dates_left <= ranked[0].dates_left and _cases(c) >= _cases(ranked[0])]:
            tried.append(self._answer(choice, parts, today, last))
            first = next((t for t in tried if t[1]), None)
            if first is not None and (not _ignores_a_name(first[2]) or tried[-1][0].relation != first[0].relation
                                      or _names_all(tried[-1], first)):
                break
        # answers that name nothing the question names ("sjukehuset i Flekkefjord": decisions on health elsewhere)
        # give way to a later query's for the same relation that do
        first = next((t for t in tried if t[1]), tried[0])
        choice, answers, notes = next((t for t in tried if _names_all(t, first)), first)
        if answers and _ignores_a_name(notes) and choice.relation in SPOKEN:
            # "who talked about X" where no presenter and no line names anyone for X: where X was discussed,
            # with the people and things named there, rather than every presentation of the archive
            about = replace(parts, relations=["mention"], answer="thing")
            found = next((t for c in rank(about, linked, self.slots, today=today, last_meeting=last)[:FALLBACKS]
                          if (t := self._answer(c, about, today, last))[1] and not _ignores_a_name(t[2])), None)
            if found is not None:
                tried.append(found)
                choice, answers, notes = found
                notes = [f"no answer of the relation {first[0].relation!r} names what was asked: where it was discussed", *notes]
        relative = [d.text for d in parts.dates if d.relative]
        if not answers and relative and today is not None and last is not None and last < today:
            again = self.ask(question, today=last)  # "i haust" asked of an archive that ended long ago
            again.why.insert(1, f"nothing {', '.join(map(repr, relative))} counted from today ({today.isoformat()}): "
                                f"read from the archive's last meeting, {last.isoformat()}")
            return again
        why += [f"query {c.query.name} found nothing" + (" that names all the question names" if found else "")
                for c, found, _ in tried if c is not choice]
        if not answers:  # what the words found in the sections, when nothing did
            notes += [n for n in dict.fromkeys(n for c, _, ns in tried if c is not choice for n in ns)
                      if n.startswith("no section found") and n not in notes]  # each section query tried says it
        return AskResult(question=question, query=choice.query.name,
                         params={k: f.label for k, f in choice.bound.items()},
                         answers=answers, sparql=choice.query.sparql, why=why + notes)

    def _answer(self, choice, parts, today: date | None, last: date | None):
        """Run one chosen query: its answers narrowed by what it did not bind, and what was done and why."""
        answers = self.run(choice.query, choice.bound)
        why = [f"query {choice.query.name} answers the relation {choice.relation!r}"]
        why += [f"{k} = {f.label} ({f.why})" for k, f in choice.bound.items()]
        why += [f"{k}: {note}" for k, note in choice.defaulted.items()]
        today_params = [k for k, note in choice.defaulted.items() if "today" in note]
        if not answers and today_params and last is not None and today is not None and last < today:
            import pyoxigraph as ox

            bound = dict(choice.bound)
            bound[today_params[0]] = Filled(ox.Literal(last.isoformat(), datatype=ox.NamedNode(XSD.date)),
                                            last.isoformat(), "date")
            answers = self.run(choice.query, bound)
            why.append(f"nothing is upcoming after today ({today.isoformat()}): the archive ends with the meeting "
                       f"of {last.isoformat()}; these come after that meeting")
            choice.bound = bound
        answers, notes = self._narrow(parts, choice, answers)
        why += notes
        if "line" in choice.query.params.values():
            why += self._beside(parts.question, answers)
        searched = [choice.bound[k].label for k, kind in choice.query.params.items() if kind == "section"]
        if searched and answers:
            why.append(f"sections found by {searched[0]!r}: "
                       + "; ".join(f"{h.document} · {h.section}" for h in self.sections(searched[0])))
            if "line" in choice.query.params.values():
                why.append(f"lines there that {searched[0]!r} matches: " + "; ".join(
                    f"{h.section} lines {s.first}–{s.last} «{_clip(s.text, 120)}»"
                    for h in self.sections(searched[0]) for s in self._matching(h)))
        if searched and not answers:
            known = thesaurus().lookup(searched[0]) is not None
            why.append(f"no section found by {searched[0]!r} answers it"
                       + ("" if known else "; the thesaurus knows no Norwegian word for it"))
        asked_dates = [k for k, kind in choice.query.params.items() if kind == "date" and k not in choice.defaulted]
        if not answers and asked_dates and last is not None:
            why.append(f"nothing fits the date asked ({', '.join(choice.bound[k].label for k in asked_dates)}); "
                       f"the archive's last meeting was on {last.isoformat()}")
        return choice, answers, why

    @staticmethod
    def _beside(question: str, answers: list[Answer]) -> list[str]:
        """Keep what the answer's lines say beside it (amount, place, date) only where the question asks for it."""
        asked = asked_beside(question)
        for a in answers:
            for k in set(BESIDE) - asked:
                a.columns.pop(k, None)
        return [f"beside each answer, from its lines: {', '.join(sorted(asked))}"] if asked else []

    def last_meeting(self) -> date | None:
        """The date of the archive's latest meeting (what "the meeting" means without a date), kept at ingest."""
        return self.slots.table().last_meeting()

    def _not_understood(self, parts, linked) -> list[str]:
        """Which part of the question was not understood, with the nearest names the graph has."""
        out = []
        for ln in linked:
            if not ln.understood:
                near = self.slots.nearest(ln.argument.text)
                out.append(f"{ln.argument.text!r} not found" + (f"; nearest: {', '.join(near)}" if near else ""))
        if not parts.relations:
            out.append("no relation (verb) understood")
        if not out:
            kinds = ", ".join(sorted({o.kind for ln in linked for o in ln.options if o.kind not in ("text", "section")})) or "no argument"
            out.append(f"no named query answers {', '.join(parts.relations) or 'this'} with {kinds}")
        return ["not understood: " + "; ".join(out)]

    def _other_names(self, ln) -> set[str]:
        """The aliases of the things an argument names ("ROR", "Romsdal Regionråd" of the region Romsdal)."""
        iris = [o.filled.value.value for o in ln.options if ln.understood and o.kind not in ("section", "text")
                and str(getattr(o.filled.value, "value", "")).startswith(self.store.base)]
        return {x.casefold() for iri in iris for x in self._details(iri)[2]}

    def _narrow(self, parts, choice, answers: list[Answer]) -> tuple[list[Answer], list[str]]:
        """Apply what the query did not bind: the kind asked for, named things and dates as filters."""
        notes = []
        asked = [parts.answer, *parts.also]
        if all(k in KIND_FAMILY for k in asked) and any(a.kind for a in answers):
            family = set().union(*(KIND_FAMILY[k] for k in asked))
            answers = [a for a in answers if a.kind in family]
            notes.append(f"answers of kind {' or '.join(asked)} only")
        for ln in choice.unused:
            # a thing named narrows by its names; words not understood by themselves, inflection cut
            names = {o.filled.label.casefold() for o in ln.options if o.kind != "section" and (o.kind != "text") == ln.understood}
            names = {n for n in names if ln.understood or len(n) >= 4}
            # as words: a name the minutes write it by ("ROR" of "Romsdal"), and the name as asked (a place read as
            # the municipality it is the centre of, "in Otta"); whole words, so "AU" is not in "Olaug"
            other = (self._other_names(ln) | ({ln.argument.text.casefold()} if ln.understood else set())) - names
            kept = [a for a in answers if any(n in v.casefold() for n in names for v in _plain_values(a))
                    or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", v.casefold()) for n in other for v in _plain_values(a))]
            kept = _with_their_cases(kept, answers) if choice.relation == "decide" else kept
            if kept:
                answers = kept
                notes.append(f"only answers that name {ln.argument.text!r}")
            elif not ln.understood:
                notes.append(f"not used: {ln.argument.text!r}")
            else:
                notes.append(f"{NAMES_NO_ANSWER} {ln.argument.text!r}: not narrowed by it")
        presenters = [a for a in answers if any(f[2:3] == (KG.presenter,) for f in a.facts)]
        if choice.relation == "present" and presenters and len(presenters) < len(answers):
            # who presented the case, not who is named on its other matched lines ("X orienterte kort om …")
            answers = presenters
            notes.append("only the presenters of the cases those lines are in")
        stance = _stance(parts.cues.get(choice.relation, ""))
        if stance:  # "hva krevde …": the decisions that demand, where some do
            kept = _with_their_cases([a for a in answers if re.search(stance, " ".join([a.label, *map(str, a.columns.values())]),
                                                                     re.I)], answers)
            if kept:
                answers = kept
                notes.append(f"only decisions that say {parts.cues[choice.relation]!r}")
        for d in choice.unused_dates:
            kept = [a for a in answers if any(d.start.isoformat() <= v[:10] <= d.end.isoformat()
                                              for k, v in a.columns.items() if k in ("date", "deadline", "start"))]
            if kept:
                answers = kept
                notes.append(f"only answers dated {d.start}–{d.end}")
        return answers, notes


def _names_all(tried: tuple, first: tuple) -> bool:
    """A query's answers name all the question names, for the relation the first answers were for."""
    return bool(tried[1]) and not _ignores_a_name(tried[2]) and tried[0].relation == first[0].relation


def _ignores_a_name(notes: list[str]) -> bool:
    """The answers of a query do not name a thing the question names (kg.ask.runner._narrow says so)."""
    return any(n.startswith(NAMES_NO_ANSWER) for n in notes)


def _with_their_cases(kept: list[Answer], answers: list[Answer]) -> list[Answer]:
    """The decisions kept, and the others of their cases: the points of one decision stand together ("1. ROR
    krever at Møreaksen prioriteres … 2. Langfjordtunnelen må inn …" answer a question that names ROR)."""
    cases = {a.columns["case"] for a in kept if a.columns.get("case")}
    return [a for a in answers if a in kept or a.columns.get("case") in cases] if cases else kept


def _stance(cue: str) -> str | None:
    """The words a decision of the kind the question's verb names says ("krevde" → krev, krav, demand)."""
    return next((says for verb, says in STANCES if re.fullmatch(verb, cue.lower())), None)


def _plain_values(a: Answer) -> list[str]:
    """What an answer says of itself, and the lines quoted for it ("Olaug Granli, Gol")."""
    return [a.label, *a.aliases, *(str(v) for v in a.columns.values()), *(e.text for e in a.evidence)]


def _add_value(columns: dict[str, str], key: str, value: str) -> None:
    """A column of an answer from one more row: who may be several (two responsible for a task, a
    grant's funder and its pot, two who voted against), so a second name joins the first; any other
    column keeps the first row's value (an amount belongs with its row)."""
    have = columns.get(key)
    if have is None or have == "":
        columns[key] = value
    elif key.removesuffix(AS_WRITTEN) in PLURAL_COLUMNS and value and value not in have.split("; "):
        columns[key] = f"{have}; {value}"


DATED_COLUMNS = ("deadline", "start", "date")  # the columns of a day, beside which the text's own words are kept


def _dates_as_written(a: Answer) -> None:
    """A date column's day as the quoted text writes it ("Frist: 29. april", "29.–30. oktober 2020", "hausten 2013"), beside
    the ISO day (``deadline_as_written``): the words a reader looks for, and a day given without its year."""
    from kg.lang.dates import find_dates, find_month, find_season

    for key in DATED_COLUMNS:
        value = a.columns.get(key, "")
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            continue
        written = next((e.text[slice(*d.span)] for e in a.evidence  # a day, else a month or season ("hausten 2013")
                        for d in [*find_dates(e.text, day), find_month(e.text, day), find_season(e.text, day)]
                        if d is not None and d.start == day), None)
        if written:
            a.columns[key + AS_WRITTEN] = written


def _clip(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fact(nq: NamedQuery, row: dict, bound: dict[str, Filled]) -> tuple:
    """A fact behind an answer: its line span (or section), subject, predicate and object."""
    if not nq.facts:
        return (row["fact"].value,)
    pattern = nq.facts[int(row["fact_pattern"].value) if "fact_pattern" in row else 0]

    def term(t: str) -> str | None:
        if t.startswith("?"):
            return row[t[1:]].value if t[1:] in row else None
        return bound[t[1:]].value.value if t.startswith("$") and t[1:] in bound else t

    return (row["fact"].value, *map(term, pattern))


def _cases(choice) -> int:
    """How many case numbers a choice binds: a number the question gave is never dropped by a fallback."""
    return sum(1 for kind in choice.query.params.values() if kind == "case")
