"""Turn a resolved document graph into RDF quads in the vocabulary of docs/rdf-model.md."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pyoxigraph as ox

from kg import __version__
from kg.extract.graph import DocGraph
from kg.lang.thesaurus import thesaurus
from kg.model import Evidence, Iri, Literal, Node
from kg.store.graphstore import ENTITIES_GRAPH
from kg.vocab import CLASS_OF_KIND, DCTERMS, FOAF, KG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, STANDARD_TYPES, XSD

STRUCT_TYPES = {
    "attendance": [KG.Attendance],
    "agenda_item": [KG.AgendaItem],
    "grant": [SCHEMA.MonetaryGrant],
    "amount": [SCHEMA.MonetaryAmount],
    "membership": [ORG.Membership],
    "role": [ORG.Role],
    "event": [SCHEMA.Event],
    "decision": [KG.Decision],
    "action": [KG.ActionItem],
}


def _node_types(node: Node) -> list[str]:
    if node.kind in STRUCT_TYPES:
        return STRUCT_TYPES[node.kind]
    return [CLASS_OF_KIND[node.kind], *STANDARD_TYPES.get(node.kind, [])]


def _term(o) -> ox.NamedNode | ox.Literal:
    if isinstance(o, Node):
        return ox.NamedNode(o.iri)
    if isinstance(o, Iri):
        return ox.NamedNode(o.value)
    if isinstance(o, Literal):
        if o.lang:
            return ox.Literal(str(o.value), language=o.lang)
        if o.datatype:
            return ox.Literal(str(o.value), datatype=ox.NamedNode(o.datatype))
        return ox.Literal(str(o.value))
    raise TypeError(o)


def assign_struct_iris(g: DocGraph, base: str) -> None:
    """IRIs of structural nodes, computed from the resolved nodes they hang on."""
    for node in g.nodes:
        if node.iri is None and node.local is not None:
            node.iri = base + node.local()


def evidence_iri(ev: Evidence) -> str:
    """The name of a line span's graph: one per section, lines and quote, shared by every fact read there."""
    quote = hashlib.sha1(ev.quote.encode()).hexdigest()[:8]
    return f"{ev.section.node.iri}/lines/{ev.span.start}-{ev.span.end}/{quote}"


def to_quads(g: DocGraph, base: str, ingested_at: datetime | None = None) -> list[ox.Quad]:
    """All quads of one document: its named graph (named by the document IRI), the graph of
    each line span it has facts from, and its entities' descriptions in the shared entities graph.

    A fact read from the text is stated in the document's graph and once more in its span's
    graph (``GRAPH <span> { s p o }``), the span described once in the document's graph."""
    assign_struct_iris(g, base)
    doc = g.document.iri
    graph = ox.NamedNode(doc)
    entities = ox.NamedNode(base + ENTITIES_GRAPH)
    quads: list[ox.Quad] = []
    seen: set = set()
    iris: dict[str, ox.NamedNode] = {}  # each IRI made a term once: a document repeats its IRIs hundreds of times

    def iri(value: str) -> ox.NamedNode:
        term = iris.get(value)
        if term is None:
            term = iris[value] = ox.NamedNode(value)
        return term

    def add(s: str, p: str, o, into: ox.NamedNode = graph) -> None:
        q = ox.Quad(iri(s), iri(p), o, into)
        if q not in seen:
            seen.add(q)
            quads.append(q)

    th = thesaurus()
    named = {id(n) for n in g.entities()}
    for node in g.nodes:
        into = entities if id(node) in named else graph
        for t in _node_types(node):
            add(node.iri, RDF.type, iri(t), into)
        label = node.label
        if node.kind == "topic":
            concept = th.by_slug.get(node.label)
            if concept:
                label = concept.label
                for lang, text in concept.pref.items():
                    add(node.iri, SKOS.prefLabel, ox.Literal(text, language=lang), into)
        add(node.iri, RDFS.label, ox.Literal(label), into)
        for alias in sorted(node.aliases):
            if alias != label:
                add(node.iri, SKOS.altLabel, ox.Literal(alias), into)
        if node.kind == "person":
            add(node.iri, FOAF.name, ox.Literal(node.label), into)
            if node.props.get("given"):
                add(node.iri, FOAF.givenName, ox.Literal(node.props["given"]), into)
                add(node.iri, FOAF.familyName, ox.Literal(node.props["family"]), into)
        if node.kind == "municipality" and node.props.get("municipality"):
            m = node.props["municipality"]
            add(node.iri, DCTERMS.identifier, ox.Literal(m.number), into)
            add(node.iri, KG.county, ox.Literal(m.county), into)
            for nb in m.numberings:
                add(node.iri, KG.kommunenummer, ox.Literal(nb.number), into)
                # a number can be valid in two periods (most of Trøndelag kept its numbers in 2024)
                numbering = f"{node.iri}/numbering/{nb.number}/{nb.valid_from}"
                add(node.iri, KG.numbering, iri(numbering), into)
                add(numbering, RDF.type, iri(KG.MunicipalityNumber), into)
                add(numbering, KG.kommunenummer, ox.Literal(nb.number), into)
                add(numbering, KG.county, ox.Literal(nb.county), into)
                add(numbering, KG.validFrom, ox.Literal(nb.valid_from, datatype=iri(XSD.date)), into)
                if nb.valid_to:
                    add(numbering, KG.validTo, ox.Literal(nb.valid_to, datatype=iri(XSD.date)), into)
    add(doc, PROV.generatedAtTime, ox.Literal((ingested_at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                              datatype=iri(XSD.dateTime)))
    add(doc, KG.toolVersion, ox.Literal(__version__))
    spans: dict[int, str] = {}  # evidence → its span's IRI, described once
    for f in g.facts:
        o = iri(f.object.iri) if isinstance(f.object, Node) else _term(f.object)
        add(f.subject.iri, f.predicate, o)
        if f.evidence is None:
            continue
        ev = f.evidence
        span = spans.get(id(ev))
        if span is None:
            span = spans[id(ev)] = evidence_iri(ev)
            add(span, RDF.type, iri(KG.Evidence))
            add(span, PROV.wasDerivedFrom, iri(ev.section.node.iri))
            add(span, KG.lineStart, ox.Literal(str(ev.span.start), datatype=iri(XSD.integer)))
            add(span, KG.lineEnd, ox.Literal(str(ev.span.end), datatype=iri(XSD.integer)))
            add(span, KG.quote, ox.Literal(ev.quote))
        add(f.subject.iri, f.predicate, o, iri(span))
    return quads
