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


class _Iris(dict):
    """IRI → its NamedNode, made once: a document names the same subjects and predicates hundreds of times."""

    def __missing__(self, iri: str) -> ox.NamedNode:
        node = self[iri] = ox.NamedNode(iri)
        return node


def _term(o, iris: _Iris) -> ox.NamedNode | ox.Literal:
    if isinstance(o, Node):
        return iris[o.iri]
    if isinstance(o, Iri):
        return iris[o.value]
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
    seen: set = set()  # (subject, predicate, object, graph) of the quads made: a third of the adds are repeats
    iris = _Iris()

    def add(s: str, p: str, o, into: ox.NamedNode = graph) -> None:
        o = o if isinstance(o, (ox.NamedNode, ox.Literal)) else _term(o, iris)
        statement = (s, p, o, into)
        if statement not in seen:  # a Quad costs more to make than this look-up
            seen.add(statement)
            quads.append(ox.Quad(iris[s], iris[p], o, into))

    th = thesaurus()
    named = {id(n) for n in g.entities()}
    for node in g.nodes:
        into = entities if id(node) in named else graph
        for t in _node_types(node):
            add(node.iri, RDF.type, iris[t], into)
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
                add(node.iri, KG.numbering, iris[numbering], into)
                add(numbering, RDF.type, iris[KG.MunicipalityNumber], into)
                add(numbering, KG.kommunenummer, ox.Literal(nb.number), into)
                add(numbering, KG.county, ox.Literal(nb.county), into)
                add(numbering, KG.validFrom, ox.Literal(nb.valid_from, datatype=iris[XSD.date]), into)
                if nb.valid_to:
                    add(numbering, KG.validTo, ox.Literal(nb.valid_to, datatype=iris[XSD.date]), into)
    add(doc, PROV.generatedAtTime, ox.Literal((ingested_at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                              datatype=iris[XSD.dateTime]))
    add(doc, KG.toolVersion, ox.Literal(__version__))
    described: set[str] = set()
    for f in g.facts:
        o = _term(f.object, iris)
        add(f.subject.iri, f.predicate, o)
        if f.evidence is None:
            continue
        ev = f.evidence
        span = evidence_iri(ev)
        add(f.subject.iri, f.predicate, o, iris[span])
        if span in described:  # the facts of one line span share its description
            continue
        described.add(span)
        add(span, RDF.type, iris[KG.Evidence])
        add(span, PROV.wasDerivedFrom, iris[ev.section.node.iri])
        add(span, KG.lineStart, ox.Literal(str(ev.span.start), datatype=iris[XSD.integer]))
        add(span, KG.lineEnd, ox.Literal(str(ev.span.end), datatype=iris[XSD.integer]))
        add(span, KG.quote, ox.Literal(ev.quote))
    return quads
