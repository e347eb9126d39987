"""Check the graph against data/rdf/shapes.ttl and turn SHACL results into readable violations.

The store holds no inferred triples and the shapes target the explicitly asserted
classes, so validation runs without RDFS inference and without the ontology.

pyshacl runs every SPARQL-based constraint once per focus node through rdflib's
slow SPARQL engine (ten seconds on the sample). Those constraints are run here
instead, once each over the whole graph in Oxigraph with ``$this`` left free,
which yields exactly the focus nodes that violate them; pyshacl checks the rest.
A store is validated straight from its quads, a file after loading it into an
in-memory Oxigraph store, so neither goes through text twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadInput
from kg.export.rdf import FORMATS, UnknownFormat, rdf_format
from kg.paths import DATA_DIR
from kg.vocab import PREFIXES, RDF, XSD

SHAPES_FILE = DATA_DIR / "rdf" / "shapes.ttl"
SHAPES_PREFIXES = {"kgsh": "https://w3id.org/kg-minutes/shapes#", **PREFIXES}
# Suffixes kg export writes, and common spellings of them.
SUFFIXES = {spec.suffix: name for name, spec in FORMATS.items()} | {
    ".turtle": "turtle", ".n3": "turtle", ".ntriples": "nt", ".nquads": "nquads", ".xml": "xml", ".owl": "xml",
    ".json": "json-ld"}
FORMAT_NAMES = {"turtle": "Turtle", "trig": "TriG", "nt": "N-Triples", "nquads": "N-Quads", "xml": "RDF/XML",
                "json-ld": "JSON-LD"}


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
    return validate_dataset(store, named_graphs_only=True)


def validate_file(path: Path) -> ValidationReport:
    """Validate an RDF file in any format kg export writes (TriG and N-Quads: the union of their graphs)."""
    return validate_dataset(load_file(path), named_graphs_only=False)


def load_file(path: Path) -> ox.Store:
    """The file in an in-memory store: its format from the suffix, else from its first bytes;
    one clear error when it does not parse."""
    data = path.read_bytes()
    fmt = SUFFIXES.get(path.suffix.lower()) or sniff(data)
    if fmt is None:
        raise UnknownFormat(f"cannot tell the RDF format of {path.name}: use a suffix "
                            f"({', '.join(sorted(SUFFIXES))}) or one of the formats kg export writes")
    store = ox.Store()
    try:
        store.bulk_load(data, format=rdf_format(fmt), base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError, OSError) as e:
        reason = " ".join((e.msg if isinstance(e, SyntaxError) and e.msg else str(e)).split())
        raise BadInput(f"{path.name} is not valid {FORMAT_NAMES[fmt]}: {reason}") from None
    return store


def sniff(data: bytes) -> str | None:
    """The format a file's first bytes show, for a suffix kg does not know."""
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        return "json-ld"
    if head.startswith("<?xml") or head.startswith("<rdf:RDF"):
        return "xml"
    if head.startswith(("@prefix", "@base", "PREFIX", "BASE", "prefix", "base")) or "{" in head:
        return "trig"   # TriG reads Turtle too
    if head.startswith(("<", "_:", "#")):
        return "nquads"  # N-Quads reads N-Triples too
    return None


def validate_dataset(store: ox.Store, *, named_graphs_only: bool) -> ValidationReport:
    """Run pyshacl over the store's triples with the shapes, and the shapes' SPARQL constraints in Oxigraph."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    sparql = list(shapes.subject_objects(SH.sparql))
    for shape, constraint in sparql:
        shapes.remove((shape, SH.sparql, constraint))
    data = Graph()
    term = _converter()
    for q in store.quads_for_pattern(None, None, None, None):
        if named_graphs_only and isinstance(q.graph_name, ox.DefaultGraph):
            continue
        data.add((term(q.subject), term(q.predicate), term(q.object)))
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", inplace=True)
    violations = (_violations(results, shapes) + _sparql_violations(store, shapes, sparql, named_graphs_only)
                  + _span_violations(store))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms) and not violations, violations)


def _sparql_violations(store: ox.Store, shapes, constraints, union: bool) -> list[Violation]:
    """Each SPARQL constraint of a class-targeted shape, run once with $this free over the whole graph."""
    from rdflib.namespace import SH

    found = []
    for shape, constraint in constraints:
        select = str(shapes.value(constraint, SH.select))
        message = str(shapes.value(constraint, SH.message) or "does not conform")
        targets = {str(c) for c in shapes.objects(shape, SH.targetClass)}
        for row in store.query(select, use_default_graph_as_union=union):
            focus = row["this"]
            typed = {t.object.value for t in store.quads_for_pattern(focus, ox.NamedNode(RDF.type), None, None)}
            if targets & typed:
                found.append(Violation(focus=focus.value, path=None, message=f"{_show_ox(focus)}: {message}",
                                       severity="Violation", shape=str(shape)))
    return found


SPAN_FACTS_STATED = """
SELECT DISTINCT ?span WHERE {
  GRAPH ?span { ?s ?p ?o }
  FILTER EXISTS { GRAPH ?g { ?span a <https://w3id.org/kg-minutes/ns#Evidence> } }
  FILTER NOT EXISTS { GRAPH ?g { ?span a <https://w3id.org/kg-minutes/ns#Evidence> . ?s ?p ?o } }
}"""


def _span_violations(store: ox.Store) -> list[Violation]:
    """Each line span whose named graph holds a fact the graph describing the span does not state
    (a check across named graphs, which SHACL cannot express)."""
    return [Violation(focus=row["span"].value, path=None, severity="Violation",
                      message=f"{_show_ox(row['span'])}: a fact in the named graph of this evidence is not "
                              "stated in the graph that describes the evidence",
                      shape="https://w3id.org/kg-minutes/shapes#EvidenceShape")
            for row in store.query(SPAN_FACTS_STATED)]


def _converter():
    """A function from pyoxigraph to rdflib terms that makes each distinct term once."""
    made: dict = {}

    def term(t):
        out = made.get(t)
        if out is None:
            out = made[t] = _term(t)
        return out
    return term


def _show_ox(term: ox.NamedNode) -> str:
    from rdflib import URIRef

    return _show(URIRef(term.value))


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
    return found


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
