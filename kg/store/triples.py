"""Turn a resolved document graph into RDF quads in the vocabulary of docs/rdf-model.md."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pyoxigraph as ox

from kg import __version__
from kg.extract.graph import DocGraph
from kg.lang.thesaurus import thesaurus
from kg.model import Iri, Literal, Node
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


def to_quads(g: DocGraph, base: str, ingested_at: datetime | None = None) -> list[ox.Quad]:
    """All quads of one document's named graph (named by the document IRI)."""
    assign_struct_iris(g, base)
    graph = ox.NamedNode(g.document.iri)
    quads: list[ox.Quad] = []
    seen: set = set()

    def add(s: str, p: str, o) -> None:
        q = ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o if isinstance(o, (ox.NamedNode, ox.Literal)) else _term(o), graph)
        if q not in seen:
            seen.add(q)
            quads.append(q)

    th = thesaurus()
    for node in g.nodes:
        for t in _node_types(node):
            add(node.iri, RDF.type, ox.NamedNode(t))
        label = node.label
        if node.kind == "topic":
            concept = th.by_slug.get(node.label)
            if concept:
                label = concept.label
                for lang, text in concept.pref.items():
                    add(node.iri, SKOS.prefLabel, ox.Literal(text, language=lang))
        add(node.iri, RDFS.label, ox.Literal(label))
        for alias in sorted(node.aliases):
            if alias != label:
                add(node.iri, SKOS.altLabel, ox.Literal(alias))
        if node.kind == "person":
            add(node.iri, FOAF.name, ox.Literal(node.label))
            if node.props.get("given"):
                add(node.iri, FOAF.givenName, ox.Literal(node.props["given"]))
                add(node.iri, FOAF.familyName, ox.Literal(node.props["family"]))
        if node.kind == "municipality" and node.props.get("municipality"):
            m = node.props["municipality"]
            add(node.iri, DCTERMS.identifier, ox.Literal(m.number))
            add(node.iri, KG.county, ox.Literal(m.county))
            for nb in m.numberings:
                add(node.iri, KG.kommunenummer, ox.Literal(nb.number))
                # a number can be valid in two periods (most of Trøndelag kept its numbers in 2024)
                numbering = f"{node.iri}/numbering/{nb.number}/{nb.valid_from}"
                add(node.iri, KG.numbering, ox.NamedNode(numbering))
                add(numbering, RDF.type, ox.NamedNode(KG.MunicipalityNumber))
                add(numbering, KG.kommunenummer, ox.Literal(nb.number))
                add(numbering, KG.county, ox.Literal(nb.county))
                add(numbering, KG.validFrom, ox.Literal(nb.valid_from, datatype=ox.NamedNode(XSD.date)))
                if nb.valid_to:
                    add(numbering, KG.validTo, ox.Literal(nb.valid_to, datatype=ox.NamedNode(XSD.date)))
    doc = g.document.iri
    add(doc, PROV.generatedAtTime, ox.Literal((ingested_at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                              datatype=ox.NamedNode(XSD.dateTime)))
    add(doc, KG.toolVersion, ox.Literal(__version__))
    for f in g.facts:
        o = _term(f.object)
        add(f.subject.iri, f.predicate, o)
        if f.evidence is None:
            continue
        ev = f.evidence
        digest = hashlib.sha1(f"{f.subject.iri} {f.predicate} {o} {ev.section.n} {ev.span.start} {ev.span.end} "
                              f"{ev.quote}".encode()).hexdigest()[:16]
        e = f"{doc}/fact/{digest}"
        add(e, RDF.type, ox.NamedNode(KG.Evidence))
        add(e, RDF.type, ox.NamedNode(RDF.Statement))
        add(e, RDF.subject, ox.NamedNode(f.subject.iri))
        add(e, RDF.predicate, ox.NamedNode(f.predicate))
        add(e, RDF.object, o)
        add(e, PROV.wasDerivedFrom, ox.NamedNode(ev.section.node.iri))
        add(e, KG.lineStart, ox.Literal(str(ev.span.start), datatype=ox.NamedNode(XSD.integer)))
        add(e, KG.lineEnd, ox.Literal(str(ev.span.end), datatype=ox.NamedNode(XSD.integer)))
        add(e, KG.quote, ox.Literal(ev.quote))
    return quads
