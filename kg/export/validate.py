"""Check the graph against data/rdf/shapes.ttl and turn SHACL results into readable violations.

The store holds no inferred triples and the shapes target the explicitly asserted
classes, so validation runs without RDFS inference and without the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.export.rdf import format_of_path, graph_names, rdf_format, union_triples
from kg.paths import DATA_DIR
from kg.vocab import PREFIXES, XSD

SHAPES_FILE = DATA_DIR / "rdf" / "shapes.ttl"
SHAPES_PREFIXES = {"kgsh": "https://w3id.org/kg-minutes/shapes#", **PREFIXES}


@dataclass
class Violation:
    """One SHACL result; ``message`` names the focus node and path so it reads on its own."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None


@dataclass
class ValidationReport:
    """Whether the graph conforms, and why not."""

    conforms: bool
    violations: list[Violation]


def validate_store(store: ox.Store) -> ValidationReport:
    """Validate the union of the store's named graphs (the default graph holds no facts)."""
    return validate_triples(union_triples(store, graph_names(store)))


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file; for TriG and N-Quads the union of its graphs."""
    fmt = rdf_format(format_of_path(path))
    return validate_triples(q.triple for q in ox.parse(path=path, format=fmt))


def validate_triples(triples: Iterable[ox.Triple]) -> ValidationReport:
    """Run pyshacl over the triples with the project's shapes."""
    import pyshacl
    from rdflib import Graph

    data = Graph()
    for triple in triples:
        data.add((_term(triple.subject), _term(triple.predicate), _term(triple.object)))
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", inplace=True)
    return ValidationReport(bool(conforms), _violations(results, shapes))


def _term(term):
    """An rdflib term for a pyoxigraph term; simple literals stay plain so that sh:in and sh:hasValue match."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD.string:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _violations(results, shapes) -> list[Violation]:
    """Readable violations, one per SHACL result, sorted by focus node and path."""
    from rdflib import BNode
    from rdflib.namespace import RDF as RDFNS, SH

    found = []
    for result in results.subjects(RDFNS.type, SH.ValidationResult):
        if (None, SH.detail, result) in results:
            continue  # the cause of another result, which already names it
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        if isinstance(shape, BNode):
            shape = shapes.value(None, SH.property, shape) or shapes.value(None, SH.node, shape)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        text = str(results.value(result, SH.resultMessage) or "does not conform")
        where = _show(focus) + (f" {_show(path)}" if path is not None else "")
        if value is not None and value != focus:
            text += f" (found {_show(value)})"
        found.append(Violation(
            focus=str(focus),
            path=None if path is None or isinstance(path, BNode) else str(path),
            message=f"{where}: {text}",
            severity=str(severity).rsplit("#", 1)[-1],
            shape=None if shape is None or isinstance(shape, BNode) else str(shape),
        ))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def _show(term) -> str:
    """A term as it reads in Turtle: prefixed name when a known prefix fits, else <iri> or the literal."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        for prefix, iri in SHAPES_PREFIXES.items():
            if term.startswith(iri) and term[len(iri):].isidentifier():
                return f"{prefix}:{term[len(iri):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.language:
            return f'"{term}"@{term.language}'
        return f'"{term}"' + (f"^^{_show(term.datatype)}" if term.datatype else "")
    return str(term)
