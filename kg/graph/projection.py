"""The store projected onto an undirected networkx graph of things, cached per store version.

Nodes are the named things (people, bodies, projects, programmes, clusters,
topics, meetings, events, places) with ``kind`` and ``label``. An edge joins
two things the minutes relate, whatever the predicate; it keeps every
relation name, every piece of evidence (document, section, lines, quote,
date) and ``weight`` = how many pieces of evidence support it. Attendance
nodes and grants are folded into direct edges (person—body "represents",
person—meeting "attended", project—funder "funded by").

SPARQL over the whole store is the slow part, so the projection is pickled
under STORE/graph/ with a key made of every document's content hash and the
region graph: any ingest, removal or curation change makes a new key.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass

from kg.ask.regions import REGIONS_GRAPH
from kg.store.graphstore import GraphStore
from kg.vocab import KG, KIND_OF_CLASS, ORG, SCHEMA, sparql_prefixes

FORMAT = 1
SKIPPED_KINDS = {"section", "document", None}
RELATION_NAMES = {
    KG.onBehalfOf: "represents", KG.worksOn: "works on", KG.worksWith: "works with", KG.owner: "owner",
    KG.partner: "partner", KG.programme: "programme", KG.presenter: "presenter", KG.actor: "reports",
    ORG.subOrganizationOf: "part of", ORG.hasMember: "has member", ORG.memberOf: "member of",
    ORG.organization: "role in",
    SCHEMA.attendee: "attended", SCHEMA.location: "location", SCHEMA.funder: "funded by",
    SCHEMA.organizer: "organizer", "http://purl.org/dc/terms/subject": "topic",
}

NODES = sparql_prefixes() + """
SELECT DISTINCT ?e ?type ?label WHERE { GRAPH ?g { ?e a ?type ; rdfs:label ?label } }"""
# Facts between two nodes, with where they were read; the meeting's date dates the evidence.
FACTS = sparql_prefixes() + """
SELECT ?s ?p ?o ?file ?title ?ls ?le ?quote ?date WHERE { GRAPH ?g {
  ?f a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sec ;
     kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  FILTER(isIRI(?o) && ?p != schema:mentions && ?p != rdf:type)
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?file .
  OPTIONAL { ?sec kg:meeting ?m . ?m schema:startDate ?date }
} }"""
# Attendance nodes are not things: fold each into person—body and person—meeting edges.
ATTENDANCE = sparql_prefixes() + """
SELECT ?person ?body ?meeting ?date ?file ?title ?ls ?le ?quote WHERE { GRAPH ?g {
  ?att a kg:Attendance ; kg:person ?person ; kg:meeting ?meeting . ?meeting schema:startDate ?date .
  OPTIONAL { ?att kg:attendanceRole ?role } FILTER(!BOUND(?role) || ?role != "absent")
  OPTIONAL { ?att kg:onBehalfOf ?body }
  ?f rdf:subject ?att ; rdf:predicate kg:person ; prov:wasDerivedFrom ?sec ;
     kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?file .
} }"""
GRANTS = sparql_prefixes() + """
SELECT DISTINCT ?grant ?project WHERE { GRAPH ?g { ?project schema:funding ?grant } }"""
REGIONS = sparql_prefixes() + """
SELECT ?region ?member $graph WHERE { GRAPH $graph { ?region org:hasMember ?member } }"""


@dataclass(frozen=True)
class Evidence:
    document: str
    section: str
    lines: tuple[int, int]
    text: str
    date: str | None

    def to_json(self) -> dict:
        return {"document": self.document, "section": self.section, "lines": list(self.lines),
                "text": self.text, "date": self.date}


def store_version(store: GraphStore) -> str:
    """A key that changes whenever the graph's content may have changed."""
    import pyoxigraph as ox

    docs = sorted(store.document_hashes().items())
    regions = sorted(str(q) for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(store.iri(REGIONS_GRAPH))))
    return hashlib.sha256(repr((FORMAT, docs, regions)).encode()).hexdigest()[:16]


def projection(store: GraphStore):
    """The networkx graph of the store, from the cache when the store has not changed."""
    folder = store.path / "graph"
    version = store_version(store)
    cached = folder / f"projection-{version}.pickle"
    if cached.exists():
        with open(cached, "rb") as f:
            return pickle.load(f)
    g = build(store)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("projection-*.pickle"):
        old.unlink()
    tmp = folder / f".{cached.name}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cached)
    return g


def build(store: GraphStore):
    """Read the store into a fresh networkx graph (see the module's docstring)."""
    import networkx as nx
    import pyoxigraph as ox

    g = nx.Graph()
    order = list(KIND_OF_CLASS.values())
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for r in store.select(NODES):
        kind = KIND_OF_CLASS.get(r["type"].value)
        e = r["e"].value
        labels.setdefault(e, r["label"].value)
        if kind and (e not in kinds or order.index(kind) < order.index(kinds[e])):
            kinds[e] = kind
    for e, kind in kinds.items():
        if kind not in SKIPPED_KINDS:
            g.add_node(e, kind=kind, label=labels[e])
    grant_project = {r["grant"].value: r["project"].value for r in store.select(GRANTS)}
    for r in store.select(FACTS):
        s, p, o = r["s"].value, r["p"].value, r["o"].value
        s = grant_project.get(s, s)
        ev = _evidence(r)
        _relate(g, s, o, RELATION_NAMES.get(p, p.rsplit("/", 1)[-1].rsplit("#", 1)[-1]), ev)
    attended: dict[str, set[str]] = {}
    for r in store.select(ATTENDANCE):
        person, meeting = r["person"].value, r["meeting"].value
        attended.setdefault(person, set()).add(meeting)
        ev = _evidence(r)
        _relate(g, person, meeting, "attended", ev)
        if "body" in r:
            _relate(g, person, r["body"].value, "represents", ev)
    for r in store.select(REGIONS, {"graph": ox.NamedNode(store.iri(REGIONS_GRAPH))}):
        ev = Evidence("data/lexicon/bodies.toml", "region members", (0, 0), "member municipality (body lexicon)", None)
        _relate(g, r["region"].value, r["member"].value, "has member", ev)
    g.remove_nodes_from([n for n, d in g.degree() if d == 0 and g.nodes[n]["kind"] == "topic"])  # unused thesaurus terms
    g.graph["attended"] = attended
    return g


def _evidence(row: dict) -> Evidence:
    return Evidence(row["file"].value, row["title"].value, (int(row["ls"].value), int(row["le"].value)),
                    " ".join(row["quote"].value.split()), row["date"].value[:10] if "date" in row else None)


def _relate(g, a: str, b: str, relation: str, ev: Evidence) -> None:
    if a == b or a not in g or b not in g:
        return
    if not g.has_edge(a, b):
        g.add_edge(a, b, relations=set(), evidence=[], weight=0)
    data = g.edges[a, b]
    data["relations"].add(relation)
    if ev not in data["evidence"]:
        data["evidence"].append(ev)
        data["weight"] = len(data["evidence"])
