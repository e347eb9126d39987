"""Named queries answered from the tables kept at ingest (kg.ask.tables) instead of their SPARQL.

The query in queries/ stays the definition of its relation; a plan here is an index
for it, giving the same rows (tests/test_plans.py compares the two on a store). A
plan is used only for the exact query text it was written for (``PLANS`` holds a
hash of it): when the query changes, its SPARQL answers until the plan is brought
in step. Where the SPARQL is slow at archive scale, it is the join of every fact
with the ``?fact a kg:Evidence`` of its line span, and of every section on a topic with
the clusters: the tables hold those joined already, and the small lookups around them
(a topic's narrower concepts, the regions, their members) are still asked of the graph.
"""

from __future__ import annotations

import hashlib
from typing import Callable

from kg.ask.catalogue import NamedQuery
from kg.ask.tables import Tables
from kg.store.graphstore import ENTITIES_GRAPH, GraphStore
from kg.vocab import KG, ORG, XSD, sparql_prefixes

NARROWER = sparql_prefixes() + "SELECT DISTINCT ?t $topic WHERE { ?t skos:broader* $topic }"
REGIONS = sparql_prefixes() + "SELECT ?r WHERE { GRAPH $entities { ?r a kg:Region } }"
MEMBERS = sparql_prefixes() + """
SELECT DISTINCT ?answer ?via WHERE { GRAPH ?r { ?answer org:hasMember ?via . ?answer a kg:Region } }"""


def regions_by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/regions-by-topic.rq: regions whose reports name the topic (or a narrower one),
    regions in a cluster on it, and regions whose member works on it (?via)."""
    import pyoxigraph as ox

    topic = bound["topic"].value
    narrower = [r["t"] for r in store.select(NARROWER, {"topic": topic})]
    regions = {r["r"].value for r in store.select(REGIONS.replace("$entities", f"<{store.iri(ENTITIES_GRAPH)}>"))}
    pattern = {p: ox.Literal(str(nq.facts.index(p)), datatype=ox.NamedNode(XSD.integer))
               for p in [("?answer", "kg:worksOn", "?t"), ("?cluster", "org:hasMember", "?answer"),
                         ("?via", "kg:worksOn", "?t")]}
    member_of = store.select(MEMBERS)
    reports, clusters, members = [], [], []
    for t in narrower:
        works: dict[str, list[str]] = {}  # who works on t: the spans saying so
        for span, s in tables.spans(None, KG.worksOn, t.value):
            works.setdefault(s, []).append(span)
        reports += [{"answer": ox.NamedNode(s), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                     "fact_pattern": pattern["?answer", "kg:worksOn", "?t"]}
                    for s, spans in works.items() if s in regions for span in spans]
        for cluster, member in tables.cluster_members(t.value):
            if member in regions:
                clusters += [{"answer": ox.NamedNode(member), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                              "cluster": ox.NamedNode(cluster),
                              "fact_pattern": pattern["?cluster", "org:hasMember", "?answer"]}
                             for span, _ in tables.spans(cluster, ORG.hasMember, member)]
        members += [{"answer": r["answer"], "fact": ox.NamedNode(span), "via": r["via"], "t": t, "topic": topic,
                     "fact_pattern": pattern["?via", "kg:worksOn", "?t"]}
                    for r in member_of for span in works.get(r["via"].value, ())]
    return reports + clusters + members


# query name → (SHA-256 of the query text the plan gives the rows of, the plan)
PLANS: dict[str, tuple[str, Callable]] = {
    "regions-by-topic": ("7b86690ff3d8472c52331a4bae21f940a54eea36229fb1b9206a52105eaaa6d1", regions_by_topic),
}


def query_hash(nq: NamedQuery) -> str:
    return hashlib.sha256(nq.sparql.encode("utf-8")).hexdigest()


def answer_from_tables(store, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict] | None:
    """The rows of a named query from the tables, or None when it has no plan for the query as
    written now or the tables hold no facts (a SPARQL server's graph is asked itself)."""
    plan = PLANS.get(nq.name)
    if plan is None or plan[0] != query_hash(nq) or not isinstance(store, GraphStore) or not tables.has_facts():
        return None
    return plan[1](store, tables, nq, bound)
