"""The library face of kg: what the CLI calls and what tests use directly.

``Archive`` is one store directory (graph, index, sources, curation). Every
method returns a typed result with ``to_json()``; ``kg.render`` prints it.
Heavy libraries are imported by the methods that need them, not here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import Ambiguous, NotFound, QueryError, StoreError, check_nesting
from kg.lang.text import key
from kg.resolve.curation import append_decision, load_curation, names_in, parse_curation
from kg.resolve.typed import typed_forms
from kg.store.graphstore import ENTITIES_GRAPH, THESAURUS_GRAPH, GraphStore
from kg.vocab import CLASS_OF_KIND, KIND_OF_CLASS, KINDS, RDFS, SKOS, sparql_prefixes

DEFAULT_STORE = Path(".kg")


def default_store_path() -> Path:
    """--store, else $KG_STORE, else ./.kg"""
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


@dataclass
class EntityInfo:
    id: str
    label: str
    kind: str
    aliases: list[str]
    documents: list[str]

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "kind": self.kind, "aliases": self.aliases,
                "documents": self.documents}


@dataclass
class Fact:
    predicate: str       # the relation in words read from the entity: "represents", "owns", "part of"
    object: str
    object_label: str
    object_kind: str
    evidence: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"predicate": self.predicate, "object": self.object, "object_label": self.object_label,
                "object_kind": self.object_kind, "evidence": [e.to_json() for e in self.evidence]}


@dataclass
class EntityDetail:
    entity: EntityInfo
    facts: list[Fact]
    curation: list[str]  # the curation file's decisions about this thing

    def to_json(self) -> dict:
        d = self.entity.to_json()
        d["facts"] = [f.to_json() for f in self.facts]
        d["curation"] = self.curation
        return d


@dataclass
class Candidate:
    a: str
    b: str
    kind: str
    score: float
    reason: str

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "kind": self.kind, "score": self.score, "reason": self.reason}


class Archive:
    """One kg store: ingest into it, ask and search it, export it."""

    def __init__(self, path: Path | None = None, *, base_iri: str | None = None, create: bool = True,
                 curation: Path | None = None, endpoint: str | None = None, read_only: bool = False):
        # a reader opens the store read-only: it works while an ingest writes, and never blocks one
        self.store = GraphStore(path or default_store_path(), base_iri=base_iri, create=create, read_only=read_only)
        self.endpoint = endpoint  # a SPARQL server that answers instead of the local graph
        self.curation_path = curation or (self.store.path / "curation.txt")
        self._index = None
        self._runner = None

    def close(self) -> None:
        self._runner = None
        self._index = None
        self.store.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- parts ------------------------------------------------------------
    @property
    def index(self):
        if self._index is None:
            from kg.search import SectionIndex

            if self.store.read_only and self._index_lost():
                raise StoreError(f"the search index {self.store.path / 'index'} is missing: "
                                 "run `kg reindex` to rebuild it from the graph")
            self._index = SectionIndex(self.store.path / "index")
        return self._index

    def _index_lost(self) -> bool:
        """Whether the graph holds documents but the index folder holds no index."""
        from whoosh.index import exists_in

        from kg.search.index import INDEX_NAME

        return self.store.exists and not exists_in(self.store.path / "index", INDEX_NAME) and \
            bool(self.store.document_hashes())

    @property
    def network(self):
        """Graph analytics, exports and pictures (kg.graph) on what the minutes state."""
        return self.network_with(lexicon=False)

    def network_with(self, *, lexicon: bool):
        """The network, with the body lexicon's region members as background when lexicon is True."""
        from kg.graph.network import Network

        return Network(self.store, self.find_entity, with_lexicon=lexicon)

    @property
    def runner(self):
        if self._runner is None:
            from kg.ask.runner import Runner

            if self.endpoint is None:
                self._runner = Runner(self.backend, lambda words, limit: self.index.search(words, limit=limit),
                                      lambda word: self.index.knows(word), lambda: self.index.words())
            else:
                self._runner = Runner(self.backend)
        return self._runner

    @property
    def backend(self):
        """Where named queries and SPARQL run: the server given as endpoint, else the local store."""
        if self.endpoint is None:
            return self.store
        from kg.remote.endpoint import RemoteStore

        return RemoteStore(self.endpoint, self.store.base)

    # -- ingest -----------------------------------------------------------
    def ingest(self, paths: list[Path], *, force: bool = False, collection: str | None = None,
               limits=None, listener=None, jobs: int = 1):
        """Read files and folders into the store; listener(kind, item) hears each result as it is known.
        jobs: processes preparing documents (1: all in this one)."""
        from kg.ask.regions import refresh_regions
        from kg.ask.tables import Rewrite, current
        from kg.extract.background import refresh_bodies
        from kg.read.limits import DEFAULT

        # tables in step with the store: only what this ingest writes is read, as it is written
        tables = Rewrite(self.store, current(self.store))
        try:
            self._load_thesaurus_graph()
            if self._index_lost():  # deleted or never written: rebuilt from the graph before anything else
                self.reindex()
                if listener is not None:
                    listener("repaired", "the search index (rebuilt from the graph)")
            ingestor = self._ingestor(limits or DEFAULT, jobs, tables)
            report = ingestor.ingest(paths, force=force, collection=collection, listener=listener)
            refresh_regions(self.store)  # derived from the municipalities now in the store
            refresh_bodies(self.store)  # the lexicon's chains above the bodies the documents name
        except BaseException:
            tables.abandon()
            raise
        self.refresh_tables(tables, written=ingestor.written_graphs)
        return report

    def refresh_tables(self, tables, written: set[str] = frozenset()) -> None:
        """Rewrite what a cold `kg ask` and `kg search` read instead of scanning the whole store: the
        tables of kg.ask.tables (a Rewrite begun before the store changed: only the documents
        written, their graphs written, or removed are then read), the search index's suggestion vocabulary."""
        tables.finish(written=written)
        self.index.keep_vocabulary()
        self._runner = None

    def _ingestor(self, limits=None, jobs: int = 1, tables=None):
        from kg.ingest.pipeline import Ingestor
        from kg.read.limits import DEFAULT

        return Ingestor(self.store, self.index, load_curation(self.curation_path), limits or DEFAULT, jobs, tables)

    def _load_thesaurus_graph(self) -> None:
        """The thesaurus as its own named graph (labels in three languages, broader terms)."""
        import pyoxigraph as ox

        from kg.lang.thesaurus import THESAURUS_FILE

        graph = self.store.iri(THESAURUS_GRAPH)
        with open(THESAURUS_FILE, "rb") as f:
            triples = list(ox.parse(f, format=ox.RdfFormat.TURTLE, base_iri=self.store.iri("topic/")))
        g = ox.NamedNode(graph)
        quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]
        label = ox.NamedNode(RDFS.label)
        quads += [ox.Quad(t.subject, label, ox.Literal(t.object.value), g) for t in triples
                  if t.predicate.value == SKOS.prefLabel and t.object.language == "nb"]
        self.store.refresh_graph(graph, quads)

    def remove(self, names: list[str]) -> list[str]:
        """Take documents out of the graph and the index (a bare file name will do when it is unique)."""
        from kg.ask.regions import refresh_regions
        from kg.ask.tables import Rewrite, current
        from kg.extract.background import refresh_bodies

        stored = self.store.document_hashes()
        found = [self._document_named(name, stored) for name in names]
        tables = Rewrite(self.store, current(self.store))
        try:
            ingestor = self._ingestor()
            for identity in found:
                ingestor.remove_document(identity)
            refresh_regions(self.store)
            refresh_bodies(self.store)
        except BaseException:  # the old tables stay as they were (stale, rebuilt when next needed)
            tables.abandon()
            raise
        self.refresh_tables(tables)
        return found

    @staticmethod
    def _document_named(name: str, stored) -> str:
        if name in stored:
            return name
        ends = [d for d in stored if d.endswith("/" + name)]
        if len(ends) == 1:
            return ends[0]
        if ends:
            raise Ambiguous(f"{name!r} fits several documents: {', '.join(sorted(ends))}; say which", sorted(ends))
        raise NotFound(f"no document {name!r} in the store (`kg documents` lists them)")

    # -- look ---------------------------------------------------------------
    def documents(self) -> list[str]:
        return sorted(self.store.document_hashes())

    def entities(self, kind: str | None = None) -> list[EntityInfo]:
        if kind is not None and kind not in KINDS:
            raise NotFound(f"no kind {kind!r}; kinds are: {', '.join(KINDS)}")
        found: dict[str, EntityInfo] = {}
        named = self.store.iri(ENTITIES_GRAPH)
        for cls in (CLASS_OF_KIND[k] for k in KINDS):  # all classes: a node's kind is its most specific one
            # the class is a constant of our vocabulary, written in: Oxigraph plans that far better
            # meetings and events are described in their document's graph
            rows = self.store.select(sparql_prefixes() + f"""
                SELECT DISTINCT ?e ?label ?alt ?file WHERE {{
                  GRAPH ?g {{ ?e a <{cls}> ; rdfs:label ?label . OPTIONAL {{ ?e skos:altLabel ?alt }}
                             ?d kg:sourceFile ?file }}
                }}""")
            # the other things once in the entities graph, with the documents that state something about them
            rows += self.store.select(sparql_prefixes() + f"""
                SELECT DISTINCT ?e ?label ?alt WHERE {{
                  GRAPH <{named}> {{ ?e a <{cls}> ; rdfs:label ?label . OPTIONAL {{ ?e skos:altLabel ?alt }} }}
                }}""")
            rows += self.store.select(sparql_prefixes() + f"""
                SELECT DISTINCT ?e ?label ?file WHERE {{
                  GRAPH <{named}> {{ ?e a <{cls}> ; rdfs:label ?label }}
                  GRAPH ?g {{ {{ ?e ?p ?o }} UNION {{ ?s ?p ?e }} ?d kg:sourceFile ?file }}
                }}""")
            for r in rows:
                e = r["e"].value
                info = found.get(e)
                if info is None:
                    info = found[e] = EntityInfo(e, r["label"].value, KIND_OF_CLASS[cls], [], [])
                if "alt" in r and r["alt"].value not in info.aliases and r["alt"].value != info.label:
                    info.aliases.append(r["alt"].value)
                if "file" in r and r["file"].value not in info.documents:
                    info.documents.append(r["file"].value)
        out = [info for info in found.values() if kind is None or info.kind == kind]
        for info in out:
            info.aliases.sort()
            info.documents.sort()
        return sorted(out, key=lambda i: (i.kind, i.label.casefold()))

    def find_entity(self, name: str, kind: str | None = None) -> EntityInfo:
        """The one entity a name stands for: its IRI, label or alias, a short form people type
        (kg.resolve.typed), else a close spelling; several fitting is an error listing them."""
        ents = self.entities(kind)
        by_id = [e for e in ents if e.id == name]
        if by_id:
            return by_id[0]
        k = key(name)
        hits = ([e for e in ents if key(e.label) == k] or [e for e in ents if any(key(a) == k for a in e.aliases)]
                or [e for e in ents if k in typed_forms(e.label, e.kind)])
        if not hits:
            from rapidfuzz import fuzz

            scored = sorted(((fuzz.ratio(k, key(e.label)), e) for e in ents), key=lambda x: -x[0])
            hits = [e for s, e in scored if s >= 85 and s >= scored[0][0] - 0.01]
            if not hits:
                near = ", ".join(e.label for s, e in scored[:3] if s >= 60)
                raise NotFound(f"nothing called {name!r}" + (f"; did you mean: {near}?" if near else ""))
        if len(hits) > 1:
            kinds = {e.kind for e in hits}
            raise Ambiguous(f"{name!r} fits several things: " + " or ".join(f"{e.label} ({e.kind})" for e in hits[:6])
                            + ("; say which by its full name" if len(kinds) == 1 else "; say which with --kind or its full name"),
                            [e.label for e in hits])
        return hits[0]

    def show(self, name: str, kind: str | None = None) -> EntityDetail:
        """Every relation of one thing, read from the same projection as neighbours, timeline and path."""
        ent = self.find_entity(name, kind)
        facts = [Fact(words, other.id, other.label, other.kind, evidence)
                 for other, words, evidence in self.network.facts(ent.id)]
        facts.sort(key=lambda f: (f.predicate, f.object_label.casefold()))
        return EntityDetail(ent, facts, load_curation(self.curation_path).decisions_about([ent.label, *ent.aliases]))

    # -- curation -------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """Pairs of names that may be one thing (people by spelling; never merged without you)."""
        from rapidfuzz import fuzz

        cur = load_curation(self.curation_path)
        out = []
        for kind in ("person", "organisation", "institution", "region", "project"):
            ents = self.entities(kind)
            for i, a in enumerate(ents):
                for b in ents[i + 1:]:
                    score = fuzz.ratio(key(a.label), key(b.label))
                    first_a, first_b = a.label.split()[0], b.label.split()[0]
                    same_first = kind == "person" and first_a == first_b and \
                        fuzz.ratio(key(a.label.split()[-1]), key(b.label.split()[-1])) >= 70
                    contained = kind == "person" and (key(a.label) in key(b.label) or key(b.label) in key(a.label))
                    if (score >= 85 or same_first or contained) and not cur.are_distinct(a.label, b.label):
                        reason = ("same given name, similar family name" if same_first else
                                  "one name holds the other" if contained else "similar spelling")
                        docs = sorted(set(a.documents) | set(b.documents))
                        out.append(Candidate(a.label, b.label, kind, round(score, 1),
                                             f"{reason} ({', '.join(docs)})"))
        return sorted(out, key=lambda c: -c.score)

    def unknown_names(self, line: str) -> list[str]:
        """The names (and the document) a curation decision speaks of that the graph does not hold."""
        parse_curation(line, "the decision")
        names, document = names_in(line)
        missing = [n for n in names if not self._has_name(n)]
        if document is not None:
            try:
                self._document_named(document, self.store.document_hashes())
            except NotFound:
                missing.append(f"document {document}")
        return missing

    def decide(self, line: str, *, force: bool = False) -> Path:
        """Write one curation decision and re-derive every document with it. The decision is checked
        first (it parses, its names are in the graph unless forced, the store can be written), so a
        decision that cannot be applied is never recorded."""
        missing = self.unknown_names(line)
        if missing and not force:
            raise NotFound(f"not in the graph: {', '.join(missing)}; check the spelling (kg entities, "
                           "kg documents) or pass --force to record the decision anyway")
        self.store.ox  # opens the store for writing now: a locked or read-only store fails before the write
        append_decision(self.curation_path, line)
        self.ingest([])
        return self.curation_path

    def _has_name(self, name: str) -> bool:
        k = key(name)
        return any(key(e.label) == k or any(key(a) == k for a in e.aliases) for e in self.entities())

    # -- answer -------------------------------------------------------------
    def search(self, query: str, *, date_from: str | None = None, date_to: str | None = None,
               actor: str | None = None, body: str | None = None, kind: str | None = None,
               topic: str | None = None, mentions: str | None = None, limit: int = 10, page: int = 1,
               sort: str = "relevance", facets: bool = False):
        """Sections matching query; mentions names an entity of the graph (label, alias or close
        spelling), topic a thesaurus concept (its narrower concepts count too)."""
        from kg.search.filters import Filters

        _check_question(query, "search")
        named = self.find_entity(mentions).label if mentions else None
        actor = self._actor_label(actor) if actor else None
        filters = Filters(date_from=date_from, date_to=date_to, **{
            name: (value,) for name, value in (("actor", actor), ("body", body), ("kind", kind),
                                               ("topic", topic), ("mentions", named)) if value})
        return self.index.search(query, filters=filters, limit=limit, page=page, sort=sort, facets=facets)

    def _actor_label(self, name: str) -> str:
        """The label of the thing an --actor names ("Hasvold", "Osloregionen"); as typed when the graph has none."""
        try:
            return self.find_entity(name).label
        except NotFound:
            return name

    def reindex(self, progress=None) -> int:
        """Rebuild the search index from the graph's sections; returns the sections indexed."""
        from kg.search.sections import sections_in_store

        documents = sections_in_store(self.store)
        self.index.rebuild(documents, progress)
        self.index.keep_vocabulary()
        return sum(len(s) for s in documents.values())

    def check(self):
        """How the search index differs from the graph (kg check)."""
        from kg.search.sections import drift

        return drift(self.store, self.index)

    def ask(self, question: str, *, today: date | None = None):
        _check_question(question, "question")
        result = self.runner.ask(question, today=today)
        if result.query is None and self.endpoint is None:  # the server has no search index
            result.search = self.search(question, limit=5)
        return result

    def run_query(self, name: str, params: dict[str, str], *, today: date | None = None):
        return self.runner.run_named(name, params, today=today)

    def export(self, fmt: str, out, *, with_ontology: bool = False, progress=None) -> int:
        """Write the graph as RDF; progress (kg.render.Progress, or None) hears each named graph."""
        from kg.export.rdf import export

        return export(self.store.ox, fmt, out, with_ontology=with_ontology, progress=progress)

    def validate(self):
        """The store's graph against the SHACL shapes (an RDF file: ``validate_file``)."""
        from kg.export.validate import validate_store

        return validate_store(self.store.ox)

    def sparql(self, text: str, *, allow_update: bool = False, allow_outside: bool = False):
        """Results of an ad-hoc SPARQL query (None after an update) from the local store or the endpoint."""
        from kg.export.sparql import run_sparql

        return run_sparql(self.backend, text, allow_update=allow_update, allow_outside=allow_outside)

    def push(self, endpoint: str, graph_store: str | None = None, progress=None):
        """Load every document graph that changed into a SPARQL server (Graph Store Protocol)."""
        from kg.ask.regions import refresh_regions
        from kg.remote.push import push

        refresh_regions(self.store)  # the derived regions graph goes to the server too
        return push(self.store, endpoint, graph_store, progress)


def validate_file(path: Path):
    """An RDF file in any format kg export writes (suffix or content) against the SHACL shapes."""
    from kg.export.validate import validate_file as validate

    return validate(path)


MAX_QUESTION_CHARS = 2_000  # a question or search is a line, not a document
MAX_NESTING = 64


def _check_question(text: str, what: str) -> None:
    """Refuse input whose size or nesting would cost far more than any real question."""
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(f"the {what} is {len(text)} characters long; at most {MAX_QUESTION_CHARS}")
    check_nesting(text, MAX_NESTING, f"the {what} is")

