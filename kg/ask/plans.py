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
from kg.vocab import DCTERMS, KG, ORG, RDF, XSD, sparql_prefixes

NARROWER = sparql_prefixes() + "SELECT DISTINCT ?t $topic WHERE { ?t skos:broader* $topic }"
OF_CLASS = sparql_prefixes() + "SELECT ?r WHERE { GRAPH $entities { ?r a $class } }"
MEMBERS = sparql_prefixes() + """
SELECT DISTINCT ?answer ?via WHERE { GRAPH ?r { ?answer org:hasMember ?via . ?answer a kg:Region } }"""


def regions_by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/regions-by-topic.rq: regions whose reports name the topic (or a narrower one),
    regions in a cluster or partners of a project on it, regions a body on it works with by the
    sentence saying so (?with), and regions whose member works on it (?via)."""
    import pyoxigraph as ox

    topic = bound["topic"].value
    narrower = [r["t"] for r in store.select(NARROWER, {"topic": topic})]
    regions = of_class(store, "kg:Region")
    pattern = patterns(nq)
    member_of = store.select(MEMBERS)
    regions_and_members = regions | {r["via"].value for r in member_of}
    reports, clusters, members = [], [], []
    for t in narrower:
        works = by_subject(tables.spans(KG.worksOn, t.value, regions_and_members))  # the spans saying who works on t
        reports += [{"answer": ox.NamedNode(s), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                     "fact_pattern": pattern["?answer", "kg:worksOn", "?t"]}
                    for s, spans in works.items() if s in regions for span in spans]
        for var, rel, written in (("cluster", ORG.hasMember, "org:hasMember"), ("project", KG.partner, "kg:partner")):
            clusters += [{"answer": ox.NamedNode(member), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                          var: ox.NamedNode(group), "fact_pattern": pattern[f"?{var}", written, "?answer"]}
                         for group, member, span in tables.groups(t.value, rel, same_graph=False, members=regions)]
        reports += worked_with(tables, t, topic, pattern, regions)
        members += [{"answer": r["answer"], "fact": ox.NamedNode(span), "via": r["via"], "t": t, "topic": topic,
                     "fact_pattern": pattern["?via", "kg:worksOn", "?t"]}
                    for r in member_of for span in works.get(r["via"].value, ())]
    return reports + clusters + members


def of_class(store: GraphStore, *classes: str) -> set[str]:
    """The entities of these classes (prefixed names of our vocabulary, written in: Oxigraph plans a
    constant class far better than a bound one)."""
    graph = f"<{store.iri(ENTITIES_GRAPH)}>"
    return {r["r"].value for c in classes for r in store.select(OF_CLASS.replace("$entities", graph).replace("$class", c))}


def patterns(nq: NamedQuery) -> dict[tuple[str, str, str], object]:
    """Each fact pattern of the query → the ?fact_pattern value that says a row matched it."""
    import pyoxigraph as ox

    return {p: ox.Literal(str(nq.facts.index(p)), datatype=ox.NamedNode(XSD.integer)) for p in nq.facts}


def by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict, answers: set[str] | None,
             groups: dict[str, tuple[str, str]], on_it: set[str] = frozenset()) -> list[dict]:
    """The rows of the queries of the by-topic shape (queries/*-by-topic.rq but regions'): in one
    document's graph, an answer (of the classes given, or any when None) that works on the topic or
    a narrower one, or that a group on it names by a relation (kg:partner of a project,
    org:hasMember of a cluster), or that a body works with by the sentence saying that body works on
    it ("søkjer midlar saman med X": X takes part without a report of its own), or one of on_it that is
    itself on it (dcterms:subject: a cluster), with the line span stating that. groups: the hidden
    variable of the group → (its relation, the prefixed name the query writes it with)."""
    import pyoxigraph as ox

    topic = bound["topic"].value
    pattern = patterns(nq)
    rows = []
    for t in (r["t"] for r in store.select(NARROWER, {"topic": topic})):
        rows += [{"answer": ox.NamedNode(s), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                  "fact_pattern": pattern["?answer", "kg:worksOn", "?t"]}
                 for span, s in tables.spans(KG.worksOn, t.value, answers)]
        rows += worked_with(tables, t, topic, pattern, answers)
        for var, (rel, written) in groups.items():
            rows += [{"answer": ox.NamedNode(member), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                      var: ox.NamedNode(group), "fact_pattern": pattern[f"?{var}", written, "?answer"]}
                     for group, member, span in tables.groups(t.value, rel, members=answers)]
        rows += [{"answer": ox.NamedNode(s), "fact": ox.NamedNode(span), "t": t, "topic": topic,
                  "fact_pattern": pattern["?answer", "dcterms:subject", "?t"]}
                 for span, s in (tables.spans(DCTERMS.subject, t.value, on_it) if on_it else ())]
    return rows


def worked_with(tables: Tables, t, topic, pattern: dict, answers: set[str] | None) -> list[dict]:
    """The rows of whom (of answers, or any when None) a body on topic t works with, by the sentence
    (one line span's evidence) saying both, with that body as ?with: the partner of an application
    or a project a report names, that has no report of its own."""
    import pyoxigraph as ox

    return [{"answer": ox.NamedNode(o), "fact": ox.NamedNode(span), "t": t, "topic": topic, "with": ox.NamedNode(s),
             "fact_pattern": pattern["?with", "kg:worksWith", "?answer"]}
            for span, s, o in tables.said_with(KG.worksOn, t.value, KG.worksWith, answers)]


def by_subject(spans: list[tuple[str, str]]) -> dict[str, set[str]]:
    """(span, subject) pairs → each subject's spans."""
    found: dict[str, set[str]] = {}
    for span, s in spans:
        found.setdefault(s, set()).add(span)
    return found


def actors_by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/actors-by-topic.rq: whoever works on the topic (or a narrower one), the clusters on it,
    the partners of a project on it and whoever a body on it works with."""
    return by_topic(store, tables, nq, bound, None, {"project": (KG.partner, "kg:partner")},
                    on_it=of_class(store, "kg:Cluster"))


def municipalities_by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/municipalities-by-topic.rq: municipalities that work on the topic, members of a
    cluster or partners of a project on it, and those a body on it works with."""
    return by_topic(store, tables, nq, bound, of_class(store, "kg:Municipality"),
                    {"cluster": (ORG.hasMember, "org:hasMember"), "project": (KG.partner, "kg:partner")})


def organisations_by_topic(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/organisations-by-topic.rq: organisations and institutions that work on the topic,
    members of a cluster on it, partners of a project on it and those a body on it works with."""
    return by_topic(store, tables, nq, bound, of_class(store, "kg:Organisation", "kg:Institution"),
                    {"cluster": (ORG.hasMember, "org:hasMember"), "project": (KG.partner, "kg:partner")})


def representatives(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/representatives.rq: who attended for the body, with their role, and its absent members
    where nobody came for it to that meeting."""
    return attended(tables, bound, absent_too=True)


def attended_for(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/attended-for.rq: who came for the body (not the absent), with their role."""
    return attended(tables, bound, absent_too=False)


def attended(tables: Tables, bound: dict, absent_too: bool) -> list[dict]:
    """The rows of the attendance queries: each attendance for the body its line span states, with
    the person and role its document's graph gives; an absent one only when absent_too and nobody
    came for the body to that meeting."""
    import pyoxigraph as ox

    body = bound["body"].value
    return [{"answer": ox.NamedNode(person), "fact": ox.NamedNode(span), "att": ox.NamedNode(att),
             "role": ox.Literal(role), "body": body}
            for span, att, person, role, came in tables.attended(body.value)
            if role != "absent" or absent_too and not came]


def actor_activities(store: GraphStore, tables: Tables, nq: NamedQuery, bound: dict) -> list[dict]:
    """queries/actor-activities.rq: the projects the actor owns or is a partner of, the clusters it is
    a member of, whom it works with and what it works on."""
    import pyoxigraph as ox

    actor, pattern = bound["actor"].value, patterns(nq)
    entities, cluster = ox.NamedNode(store.iri(ENTITIES_GRAPH)), ox.NamedNode(KG.Cluster)
    rows = []
    for p, written, relation in ((KG.owner, "kg:owner", "project (owner)"), (KG.partner, "kg:partner", "project (partner)"),
                                 (ORG.hasMember, "org:hasMember", "cluster (member)")):
        rows += [{"answer": ox.NamedNode(s), "fact": ox.NamedNode(span), "relation": ox.Literal(relation),
                  "actor": actor, "fact_pattern": pattern["?answer", written, "$actor"]}
                 for span, s, _ in tables.stated(p, actor.value)
                 if p != ORG.hasMember or next(store.ox.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(RDF.type),
                                                                          cluster, entities), None)]
    for p, written, relation in ((KG.worksWith, "kg:worksWith", "works with"), (KG.worksOn, "kg:worksOn", "topic")):
        rows += [{"answer": ox.NamedNode(o), "fact": ox.NamedNode(span), "relation": ox.Literal(relation),
                  "actor": actor, "fact_pattern": pattern["$actor", written, "?answer"]}
                 for span, o, _ in tables.said_of(actor.value, p)]
    return rows


# query name → (SHA-256 of the query text the plan gives the rows of, the plan)
PLANS: dict[str, tuple[str, Callable]] = {
    "regions-by-topic": ("c7e0e57d871fc8f8f2f1311cc4ecdf0d89856b469e30f706b88b9a00e60e3c21", regions_by_topic),
    "actors-by-topic": ("071de57bce0e2bb1035d92167cdefc749cf8b11d3070ec9295ecb144a958864e", actors_by_topic),
    "municipalities-by-topic": ("9568b1943f30fdf4f37696cfc71ae783b4d798f6aecc3204d875f93c07b0735a", municipalities_by_topic),
    "actor-activities": ("db1ae45c5954d4030909d937a6f551c7aa7d2e875ddc21cd48f4590d5d176d7a", actor_activities),
    "representatives": ("bf734fcb10cf6dd6a426ef47e322e0f9d9e152cc8263246d70d5030c2744608d", representatives),
    "attended-for": ("28b99a3cbb9fe67c2d85ed410df3b9f76b09373368a24d64181916f3c6017f6b", attended_for),
    "organisations-by-topic": ("c878401e639d8488587c73653a494ea3c75404e51523b961e00a3ebf23e96b3b", organisations_by_topic),
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
