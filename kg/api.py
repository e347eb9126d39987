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

from kg.errors import Ambiguous, NotFound
from kg.lang.text import key
from kg.resolve.curation import append_decision, load_curation
from kg.store.graphstore import THESAURUS_GRAPH, GraphStore
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
    predicate: str
    object: str
    object_label: str
    direction: str  # "out" (entity → object) or "in" (subject → entity)
    evidence: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"predicate": self.predicate, "object": self.object, "object_label": self.object_label,
                "direction": self.direction, "evidence": [e.to_json() for e in self.evidence]}


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


# Readable names of predicates in `kg show`.
PREDICATE_NAMES = {
    "https://w3id.org/kg-minutes/ns#onBehalfOf": "represents",
    "https://w3id.org/kg-minutes/ns#worksOn": "works on",
    "https://w3id.org/kg-minutes/ns#worksWith": "works with",
    "https://w3id.org/kg-minutes/ns#owner": "owner",
    "https://w3id.org/kg-minutes/ns#partner": "partner",
    "https://w3id.org/kg-minutes/ns#programme": "programme",
    "https://w3id.org/kg-minutes/ns#presenter": "presenter",
    "http://www.w3.org/ns/org#subOrganizationOf": "part of",
    "http://www.w3.org/ns/org#hasMember": "has member",
    "http://www.w3.org/ns/org#memberOf": "member of",
    "https://schema.org/attendee": "attended",
    "https://schema.org/location": "location",
    "https://schema.org/funder": "funder",
    "https://schema.org/mentions": "mentioned in",
    "http://purl.org/dc/terms/subject": "topic",
}


class Archive:
    """One kg store: ingest into it, ask and search it, export it."""

    def __init__(self, path: Path | None = None, *, base_iri: str | None = None, create: bool = True,
                 curation: Path | None = None, endpoint: str | None = None):
        self.store = GraphStore(path or default_store_path(), base_iri=base_iri, create=create)
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

            self._index = SectionIndex(self.store.path / "index")
        return self._index

    @property
    def network(self):
        """Graph analytics, exports and pictures (kg.graph) on this store's projection."""
        from kg.graph.network import Network

        return Network(self.store, self.find_entity)

    @property
    def runner(self):
        if self._runner is None:
            from kg.ask.runner import Runner

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
    def ingest(self, paths: list[Path], *, force: bool = False):
        from kg.ingest.pipeline import Ingestor

        from kg.ask.regions import refresh_regions

        self._load_thesaurus_graph()
        report = Ingestor(self.store, self.index, load_curation(self.curation_path)).ingest(paths, force=force)
        refresh_regions(self.store)  # derived from the municipalities now in the store
        self._runner = None
        return report

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
        if set(quads) != set(self.store.ox.quads_for_pattern(None, None, None, g)):  # written only when it changed
            self.store.replace_graph(graph, quads)

    def remove(self, names: list[str]) -> list[str]:
        """Take documents out of the graph and the index."""
        stored = self.store.document_hashes()
        removed = []
        for name in names:
            if name not in stored:
                raise NotFound(f"no document {name!r} in the store")
            from kg.lang.text import slug

            self.store.remove_graph(self.store.iri(f"document/{slug(name)}"))
            self.index.remove_document(name)
            self.store.remove_source(name)
            removed.append(name)
        from kg.ask.regions import refresh_regions

        refresh_regions(self.store)
        return removed

    # -- look ---------------------------------------------------------------
    def documents(self) -> list[str]:
        return sorted(self.store.document_hashes())

    def entities(self, kind: str | None = None) -> list[EntityInfo]:
        if kind is not None and kind not in KINDS:
            raise NotFound(f"no kind {kind!r}; kinds are: {', '.join(KINDS)}")
        found: dict[str, EntityInfo] = {}
        for cls in (CLASS_OF_KIND[k] for k in KINDS):  # all classes: a node's kind is its most specific one
            # the class is a constant of our vocabulary, written in: Oxigraph plans that far better
            rows = self.store.select(sparql_prefixes() + f"""
                SELECT DISTINCT ?e ?label ?alt ?file WHERE {{
                  GRAPH ?g {{ ?e a <{cls}> ; rdfs:label ?label . OPTIONAL {{ ?e skos:altLabel ?alt }}
                             ?d kg:sourceFile ?file }}
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
        """The one entity a name (label, alias or IRI) stands for."""
        ents = self.entities(kind)
        by_id = [e for e in ents if e.id == name]
        if by_id:
            return by_id[0]
        k = key(name)
        hits = [e for e in ents if key(e.label) == k] or [e for e in ents if any(key(a) == k for a in e.aliases)]
        if not hits:
            from rapidfuzz import fuzz

            scored = sorted(((fuzz.ratio(k, key(e.label)), e) for e in ents), key=lambda x: -x[0])
            hits = [e for s, e in scored if s >= 85 and s >= scored[0][0] - 0.01]
            if not hits:
                near = ", ".join(e.label for s, e in scored[:3] if s >= 60)
                raise NotFound(f"nothing called {name!r}" + (f"; did you mean: {near}?" if near else ""))
        if len(hits) > 1:
            raise Ambiguous(f"{name!r} fits several things: " + " or ".join(f"{e.label} ({e.kind})" for e in hits[:6])
                            + "; say which with --kind", [e.label for e in hits])
        return hits[0]

    def show(self, name: str, kind: str | None = None) -> EntityDetail:
        import pyoxigraph as ox

        ent = self.find_entity(name, kind)
        runner = self.runner
        node = ox.NamedNode(ent.id)
        facts: list[Fact] = []
        out_rows = self.store.select(sparql_prefixes() + """
            SELECT DISTINCT ?p ?o ?fact $x WHERE { GRAPH ?g {
              $x ?p ?o . FILTER(isIRI(?o)) FILTER(?p NOT IN (rdf:type))
              OPTIONAL { ?fact rdf:object ?o ; rdf:predicate ?p ; rdf:subject $x }
            } }""", {"x": node})
        in_rows = self.store.select(sparql_prefixes() + """
            SELECT DISTINCT ?p ?o ?fact $x WHERE { GRAPH ?g {
              ?o ?p $x . FILTER(?p NOT IN (rdf:subject, rdf:object))
              OPTIONAL { ?fact rdf:object $x ; rdf:predicate ?p ; rdf:subject ?o }
            } }""", {"x": node})
        merged: dict[tuple, Fact] = {}
        for rows, direction in ((out_rows, "out"), (in_rows, "in")):
            for r in rows:
                o = r["o"].value
                p = r["p"].value
                label, kind_o = runner.describe(o)
                if kind_o in ("section", "document") and p != "https://schema.org/mentions":
                    continue
                pred = PREDICATE_NAMES.get(p, p.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
                if direction == "in" and p in ("https://w3id.org/kg-minutes/ns#person", "http://www.w3.org/ns/org#member",
                                               "http://www.w3.org/ns/org#organization"):
                    continue  # attendance and membership nodes are shown as "represents" and "role" below
                f = merged.setdefault((p, o, direction), Fact(pred, o, label, direction))
                self._add_evidence(f, r)
        # roles: "sekretariatsleder in Drammensregionen" from the membership nodes
        for r in self.store.select(sparql_prefixes() + """
                SELECT DISTINCT ?org ?role ?fact $x WHERE { GRAPH ?g { ?m org:member $x ; org:organization ?org ;
                  org:role ?r . ?r rdfs:label ?role .
                  OPTIONAL { ?fact rdf:object ?org ; rdf:predicate org:organization ; rdf:subject ?m } } }""",
                {"x": node}):
            label, _ = runner.describe(r["org"].value)
            pred = f"role {r['role'].value} in"
            f = merged.setdefault((pred, r["org"].value, "out"), Fact(pred, r["org"].value, label, "out"))
            self._add_evidence(f, r)
        # attendance: "represents X" from the attendance nodes
        for r in self.store.select(sparql_prefixes() + """
                SELECT DISTINCT ?body ?fact $x WHERE { GRAPH ?g { ?att kg:person $x ; kg:onBehalfOf ?body .
                  OPTIONAL { ?fact rdf:object ?body ; rdf:predicate kg:onBehalfOf ; rdf:subject ?att } } }""",
                {"x": node}):
            label, _ = runner.describe(r["body"].value)
            f = merged.setdefault(("represents", r["body"].value, "out"), Fact("represents", r["body"].value, label, "out"))
            self._add_evidence(f, r)
        facts = sorted(merged.values(), key=lambda f: (f.direction, f.predicate, f.object_label.casefold()))
        return EntityDetail(ent, facts, load_curation(self.curation_path).decisions_about([ent.label, *ent.aliases]))

    def _add_evidence(self, fact: Fact, row: dict) -> None:
        for e in self.runner.evidence(row["fact"]) if "fact" in row else ():
            if e not in fact.evidence:
                fact.evidence.append(e)

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

    def decide(self, line: str) -> Path:
        """Write one curation decision and re-derive every document with it."""
        append_decision(self.curation_path, line)
        load_curation(self.curation_path)  # refuse a line that does not parse
        self.ingest([])
        return self.curation_path

    # -- answer -------------------------------------------------------------
    def search(self, query: str, *, date_from: str | None = None, date_to: str | None = None,
               actor: str | None = None, body: str | None = None, kind: str | None = None,
               topic: str | None = None, mentions: str | None = None, limit: int = 10, page: int = 1,
               sort: str = "relevance", facets: bool = False):
        """Sections matching query; mentions names an entity of the graph (label, alias or close
        spelling), topic a thesaurus concept (its narrower concepts count too)."""
        from kg.search.filters import Filters

        named = self.find_entity(mentions).label if mentions else None
        filters = Filters(date_from=date_from, date_to=date_to, **{
            name: (value,) for name, value in (("actor", actor), ("body", body), ("kind", kind),
                                               ("topic", topic), ("mentions", named)) if value})
        return self.index.search(query, filters=filters, limit=limit, page=page, sort=sort, facets=facets)

    def reindex(self) -> int:
        """Rebuild the search index from the graph's sections; returns the sections indexed."""
        from kg.search.sections import sections_in_store

        documents = sections_in_store(self.store)
        self.index.rebuild(documents)
        return sum(len(s) for s in documents.values())

    def check(self):
        """How the search index differs from the graph (kg check)."""
        from kg.search.sections import drift

        return drift(self.store, self.index)

    def ask(self, question: str, *, today: date | None = None):
        result = self.runner.ask(question, today=today)
        if result.query is None and self.endpoint is None:  # the server has no search index
            result.search = self.search(question, limit=5)
        return result

    def run_query(self, name: str, params: dict[str, str], *, today: date | None = None):
        return self.runner.run_named(name, params, today=today)

    def export(self, fmt: str, out, *, with_ontology: bool = False) -> int:
        from kg.export.rdf import export

        return export(self.store.ox, fmt, out, with_ontology=with_ontology)

    def validate(self, path: Path | None = None):
        from kg.export.validate import validate_file, validate_store

        return validate_file(path) if path else validate_store(self.store.ox)

    def sparql(self, text: str, *, allow_update: bool = False):
        """Results of an ad-hoc SPARQL query (None after an update) from the local store or the endpoint."""
        from kg.export.sparql import run_sparql

        return run_sparql(self.backend, text, allow_update=allow_update)

    def push(self, endpoint: str, graph_store: str | None = None):
        """Load every document graph that changed into a SPARQL server (Graph Store Protocol)."""
        from kg.ask.regions import refresh_regions
        from kg.remote.push import push

        refresh_regions(self.store)  # the derived regions graph goes to the server too
        return push(self.store, endpoint, graph_store)
