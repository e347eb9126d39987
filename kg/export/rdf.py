"""Write the store as RDF: quad formats keep the named graphs, triple formats merge them.

pyoxigraph writes five formats itself, streaming; JSON-LD is compacted with the
project's published context by kg.export.jsonld so that it reads as plain JSON.
Nothing here holds the whole graph: quads stream straight from the store, and the
merged triples stream graph by graph (see ``union_triples``).
"""

from __future__ import annotations

import hashlib
import itertools
from typing import BinaryIO, Iterable, Iterator, NamedTuple

import pyoxigraph as ox

from kg.errors import KgError, NotFound
from kg.paths import DATA_DIR
from kg.vocab import KG, PREFIXES, PROV, RDF

ONTOLOGY_FILE = DATA_DIR / "rdf" / "ontology.ttl"
ONTOLOGY_GRAPH = "https://w3id.org/kg-minutes/ns"
RDF_TYPE = ox.NamedNode(RDF.type)
EVIDENCE = ox.NamedNode(KG.Evidence)


class UnknownFormat(KgError):
    """An export or validation format kg does not write or read."""


class Format(NamedTuple):
    """How a format's files are named and served."""

    suffix: str
    media_type: str


FORMATS: dict[str, Format] = {
    "turtle": Format(".ttl", "text/turtle"),
    "trig": Format(".trig", "application/trig"),
    "nt": Format(".nt", "application/n-triples"),
    "nquads": Format(".nq", "application/n-quads"),
    "xml": Format(".rdf", "application/rdf+xml"),
    "json-ld": Format(".jsonld", "application/ld+json"),
}
QUAD_FORMATS = frozenset({"trig", "nquads"})

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def rdf_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format of a format name, or an error that lists the names."""
    try:
        return _OX_FORMATS[fmt]
    except KeyError:
        raise UnknownFormat(f"unknown RDF format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None


def export(store: ox.Store, fmt: str, out: BinaryIO, *, graphs: list[str] | None = None,
           with_ontology: bool = False, progress=None) -> int:
    """Serialise the named graphs of the store to ``out``; returns the number of triples or quads written.
    progress (kg.render.Progress, or None) is told the number of graphs and each one read."""
    target = rdf_format(fmt)
    names = graph_names(store, graphs)
    if progress is not None:
        progress.total = len(names)
    if fmt in QUAD_FORMATS:
        items: Iterable = _quads(store, names, progress)
        if with_ontology:
            graph = ox.NamedNode(ONTOLOGY_GRAPH)
            items = itertools.chain(items, (ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology_triples()))
    else:
        items = union_triples(store, names, ontology_triples() if with_ontology else (), progress)
    if fmt == "json-ld":
        from kg.export.jsonld import write_jsonld

        return write_jsonld(items, out)
    counted = _Counter(items)
    ox.serialize(counted, out, format=target, prefixes=PREFIXES)
    return counted.n


def graph_names(store: ox.Store, graphs: list[str] | None = None) -> list[ox.NamedNode]:
    """The named graphs to export, sorted; unknown names are an error rather than an empty file."""
    present = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if graphs is None:
        return present
    known = {g.value for g in present}
    missing = [g for g in graphs if g not in known]
    if missing:
        raise NotFound(f"no graph {', '.join(f'<{g}>' for g in missing)} in the store")
    return [ox.NamedNode(g) for g in sorted(set(graphs))]


def union_triples(store: ox.Store, names: list[ox.NamedNode],
                  extra: Iterable[ox.Triple] = (), progress=None) -> Iterator[ox.Triple]:
    """The triples of the given graphs (then ``extra``) once each, a subject's triples together.

    A node minted under a document's IRI (its sections and evidence, the bulk of the
    data) lives in that document's graph only, so its triples stream out unchecked; the
    graph of a line span becomes reified statements of its facts (``statements``).
    Every other subject (people, bodies, meetings, topics, which documents share) is
    only remembered, and its triples are merged across graphs at the end, one subject
    at a time: memory grows with the number of shared nodes, not with the graph.
    """
    shared: set = set()
    for name in names:
        if progress is not None:
            progress.advance()
        if next(store.quads_for_pattern(name, RDF_TYPE, EVIDENCE, None), None) is not None:
            yield from statements(store, name)
            continue
        own = name.value + "/"
        for q in store.quads_for_pattern(None, None, None, name):
            s = q.subject
            if isinstance(s, ox.NamedNode) and (s.value == name.value or s.value.startswith(own)):
                yield q.triple
            else:
                shared.add(s)
    wanted = set(names)
    for s in sorted(shared, key=str):
        yield from sorted({q.triple for q in store.quads_for_pattern(s, None, None, None) if q.graph_name in wanted},
                          key=str)
    yield from extra


def statements(store: ox.Store, span: ox.NamedNode) -> Iterator[ox.Triple]:
    """The facts of a line span's graph as reified statements derived from the span, for formats
    without named graphs (the facts themselves are in their document's graph)."""
    for t in sorted((q.triple for q in store.quads_for_pattern(None, None, None, span)), key=str):
        node = ox.NamedNode(f"{span.value}/fact/{hashlib.sha1(str(t).encode()).hexdigest()[:12]}")
        yield ox.Triple(node, RDF_TYPE, ox.NamedNode(RDF.Statement))
        yield ox.Triple(node, ox.NamedNode(RDF.subject), t.subject)
        yield ox.Triple(node, ox.NamedNode(RDF.predicate), t.predicate)
        yield ox.Triple(node, ox.NamedNode(RDF.object), t.object)
        yield ox.Triple(node, ox.NamedNode(PROV.wasDerivedFrom), span)


def ontology_triples() -> list[ox.Triple]:
    """The triples of data/rdf/ontology.ttl."""
    return [q.triple for q in ox.parse(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)]


def _quads(store: ox.Store, names: list[ox.NamedNode], progress=None) -> Iterator[ox.Quad]:
    for name in names:
        if progress is not None:
            progress.advance()
        yield from store.quads_for_pattern(None, None, None, name)


class _Counter:
    """Passes items through and counts them, so a stream can be written and its size reported."""

    def __init__(self, items: Iterable):
        self.items = items
        self.n = 0

    def __iter__(self):
        for item in self.items:
            self.n += 1
            yield item
