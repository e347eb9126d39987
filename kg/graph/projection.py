"""The store projected onto an undirected networkx graph of things, cached per store version.

Nodes are the named things (people, bodies, projects, programmes, clusters,
topics, meetings, events, places) with ``kind``, ``label`` and ``in_minutes``
(False for a region or municipality only the body lexicon knows). An edge
joins two things the minutes relate; ``facts`` maps each relation, a
``Relation`` that reads right from either end ("owns" / "owned by"), to its
evidence (document, section, lines, quote, date); ``evidence`` is all of it and
``weight`` its count. Attendance and membership nodes and grants are folded
into direct edges (person "represents" body, person "attended" meeting,
person "sekretariatsleder in" body, project "funded by" funder, person
"presented at" meeting). Edges only
the lexicon states (region members) carry ``background=True``.

Every graph view (show, neighbours, timeline, path, communities, rank,
pictures) reads this one projection, so they cannot disagree.

SPARQL over the whole store is the slow part, so the projection is pickled
under STORE/graph/ with a key made of every document's content hash, the
region graph and the curation file: any ingest, removal or curation change
makes a new key.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass

from kg.ask.regions import REGIONS_GRAPH
from kg.store.graphstore import ENTITIES_GRAPH, GraphStore, with_entities_graph
from kg.vocab import DCTERMS, KG, KIND_OF_CLASS, ORG, SCHEMA, sparql_prefixes

FORMAT = 3
SKIPPED_KINDS = {"section", "document", None}
LEXICON_SOURCE = "data/lexicon/bodies.toml"


@dataclass(frozen=True)
class Relation:
    """A relation between two things as words read from the subject (forward) or the object (backward)."""
    forward: str
    backward: str
    subject: str

    def seen_from(self, iri: str) -> str:
        return self.forward if iri == self.subject else self.backward


# Predicate → (subject's words, object's words): "Bærum owns Smart Fornebu" is read
# "Smart Fornebu owned by Bærum" from the project.
WORDS = {
    KG.onBehalfOf: ("represents", "represented by"), KG.worksOn: ("works on", "worked on by"),
    KG.worksWith: ("works with", "works with"), KG.owner: ("owned by", "owns"),
    KG.partner: ("has partner", "partner in"), KG.programme: ("in programme", "programme of"),
    KG.presenter: ("presented by", "presented at"), KG.actor: ("reported by", "reported"),
    ORG.subOrganizationOf: ("part of", "has part"), ORG.hasMember: ("has member", "member of"),
    ORG.memberOf: ("member of", "has member"),
    SCHEMA.attendee: ("attended by", "attended"), SCHEMA.location: ("located at", "location of"),
    KG.visited: ("visited", "visited by"), SCHEMA.funder: ("funded by", "funds"), SCHEMA.organizer: ("organised by", "organises"),
    DCTERMS.subject: ("about", "topic of"),
}


def words(predicate: str) -> tuple[str, str]:
    """The two readings of a predicate; an unknown one reads as its local name, "(of)" backwards."""
    if predicate in WORDS:
        return WORDS[predicate]
    name = predicate.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return name, f"{name} (of)"


NODES = sparql_prefixes() + """
SELECT DISTINCT ?e ?type ?label ?g WHERE { GRAPH ?g { ?e a ?type ; rdfs:label ?label } }"""
# Facts between two nodes, with where they were read; the meeting's date dates the evidence.
FACTS = sparql_prefixes() + """
SELECT ?s ?p ?o ?file ?title ?ls ?le ?quote ?date WHERE { GRAPH ?g {
  ?f a kg:Evidence ; prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  GRAPH ?f { ?s ?p ?o }
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
  GRAPH ?f { ?att kg:person ?person }
  ?f a kg:Evidence ; prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?file .
} }"""
# Membership nodes are not things either: "Dag Arnesen sekretariatsleder in Drammensregionen".
ROLES = sparql_prefixes() + """
SELECT ?person ?org ?role ?file ?title ?ls ?le ?quote ?date WHERE { GRAPH ?g {
  ?m org:member ?person ; org:organization ?org ; org:role ?r . GRAPH $entities { ?r rdfs:label ?role }
  GRAPH ?f { ?m org:organization ?org }
  ?f a kg:Evidence ; prov:wasDerivedFrom ?sec ; kg:lineStart ?ls ; kg:lineEnd ?le ; kg:quote ?quote .
  ?sec dcterms:title ?title ; dcterms:isPartOf ?d . ?d kg:sourceFile ?file .
  OPTIONAL { ?sec kg:meeting ?mt . ?mt schema:startDate ?date }
} }"""
# Grants are read as their project's, agenda items as their meeting's.
FOLDED = sparql_prefixes() + """
SELECT DISTINCT ?part ?whole WHERE { GRAPH ?g {
  { ?whole schema:funding ?part } UNION { ?part a kg:AgendaItem ; dcterms:isPartOf ?whole } } }"""
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
    curation = store.path / "curation.txt"   # a decision re-derives documents whose content did not change
    decisions = curation.read_bytes() if curation.exists() else b""
    return hashlib.sha256(repr((FORMAT, docs, regions, decisions)).encode()).hexdigest()[:16]


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
    in_minutes: set[str] = set()
    named = (store.iri("document/"), store.iri(ENTITIES_GRAPH))  # what a document names
    for r in store.select(NODES):
        kind = KIND_OF_CLASS.get(r["type"].value)
        e = r["e"].value
        labels.setdefault(e, r["label"].value)
        if r["g"].value.startswith(named):
            in_minutes.add(e)
        if kind and (e not in kinds or order.index(kind) < order.index(kinds[e])):
            kinds[e] = kind
    for e, kind in kinds.items():
        if kind not in SKIPPED_KINDS:
            g.add_node(e, kind=kind, label=labels[e], in_minutes=e in in_minutes)
    whole = {r["part"].value: r["whole"].value for r in store.select(FOLDED)}
    for r in store.select(FACTS):
        s, p, o = r["s"].value, r["p"].value, r["o"].value
        s = whole.get(s, s)
        _relate(g, s, o, Relation(*words(p), s), _evidence(r))
    attended: dict[str, set[str]] = {}
    for r in store.select(ATTENDANCE):
        person, meeting = r["person"].value, r["meeting"].value
        attended.setdefault(person, set()).add(meeting)
        ev = _evidence(r)
        _relate(g, person, meeting, Relation(*WORDS[SCHEMA.attendee][::-1], person), ev)
        if "body" in r:
            _relate(g, person, r["body"].value, Relation(*WORDS[KG.onBehalfOf], person), ev)
    for r in store.select(with_entities_graph(ROLES, store.base)):
        role = r["role"].value
        _relate(g, r["person"].value, r["org"].value, Relation(f"{role} in", f"has {role}", r["person"].value),
                _evidence(r))
    for r in store.select(REGIONS, {"graph": ox.NamedNode(store.iri(REGIONS_GRAPH))}):
        ev = Evidence(LEXICON_SOURCE, "region members", (0, 0), "member municipality (body lexicon)", None)
        region = r["region"].value
        _relate(g, region, r["member"].value, Relation("has member (lexicon)", "member of (lexicon)", region), ev)
    g.remove_nodes_from([n for n, d in g.degree() if d == 0 and g.nodes[n]["kind"] == "topic"])  # unused thesaurus terms
    for a, b, d in g.edges(data=True):
        d["background"] = all(e.document == LEXICON_SOURCE for e in d["evidence"])
    g.graph["attended"] = attended
    return g


def minutes_only(g):
    """The view of g the minutes state: no lexicon-only edges, no things only the lexicon names."""
    import networkx as nx

    return nx.subgraph_view(g, filter_node=lambda n: g.nodes[n]["in_minutes"],
                            filter_edge=lambda a, b: not g.edges[a, b]["background"])


def _evidence(row: dict) -> Evidence:
    return Evidence(row["file"].value, row["title"].value, (int(row["ls"].value), int(row["le"].value)),
                    " ".join(row["quote"].value.split()), row["date"].value[:10] if "date" in row else None)


def _relate(g, a: str, b: str, relation: Relation, ev: Evidence) -> None:
    if a == b or a not in g or b not in g:
        return
    if not g.has_edge(a, b):
        g.add_edge(a, b, facts={}, evidence=[], weight=0)
    data = g.edges[a, b]
    found = data["facts"].setdefault(relation, [])
    if ev not in found:
        found.append(ev)
    if ev not in data["evidence"]:
        data["evidence"].append(ev)
        data["weight"] = len(data["evidence"])
