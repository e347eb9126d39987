"""What the lexicon knows above the bodies the documents name, kept out of the documents' graphs.

A document names an agency; that a ministry stands above it is the lexicon's
knowledge (data/lexicon/bodies.toml, ``parent``), not the document's. So the
chain is written to the named graph ``{base}graph/bodies`` — the body, each
parent up the chain with its type and label, and ``org:subOrganizationOf``
between them — for the bodies the store's documents name, never into a
document's graph; so are the other names the lexicon knows each such body by (``skos:altLabel``:
"Universitetet i Tromsø" beside "UiT Norges arktiske universitet"). A former municipality the documents name ("Nedre Eiker", merged in
2020) is linked there to the municipality it became part of (``dcterms:isReplacedBy``,
from the gazetteer). It is rewritten only when it changes.
"""

from __future__ import annotations

from kg.lang.bodies import lexicon
from kg.lang.gazetteer import gazetteer
from kg.lang.text import slug
from kg.store.graphstore import BODIES_GRAPH, GraphStore
from kg.vocab import CLASS_OF_KIND, DCTERMS, KG, ORG, RDF, RDFS, SKOS, STANDARD_TYPES

_BODY_KINDS = ("organisation", "institution", "region", "cluster")


def hierarchy_quads(store: GraphStore) -> list:
    """The quads of the bodies graph for the bodies now named in the store's documents."""
    import pyoxigraph as ox

    graph = ox.NamedNode(store.iri(BODIES_GRAPH))
    quads: list = []
    written: set[str] = set()

    def node(kind: str, label: str) -> ox.NamedNode:
        iri = store.iri(f"{kind}/{slug(label)}")
        if iri not in written:
            written.add(iri)
            for cls in [CLASS_OF_KIND[kind], *STANDARD_TYPES.get(kind, [])]:
                quads.append(ox.Quad(ox.NamedNode(iri), ox.NamedNode(RDF.type), ox.NamedNode(cls), graph))
            quads.append(ox.Quad(ox.NamedNode(iri), ox.NamedNode(RDFS.label), ox.Literal(label), graph))
        return ox.NamedNode(iri)

    values = " ".join(f"<{CLASS_OF_KIND[k]}>" for k in _BODY_KINDS)
    rows = store.select(f"SELECT DISTINCT ?e ?c ?l WHERE {{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?e a ?c ; <{RDFS.label}> ?l }} "
                        f"FILTER(?g != <{store.iri(BODIES_GRAPH)}>) }}")
    quads += names_quads(rows, graph)
    for label in sorted({r["l"].value for r in rows}):
        known = lexicon().known(label)
        seen = set()
        while known is not None and known.parent and known.label not in seen:
            seen.add(known.label)
            parent = lexicon().known(known.parent)
            child = node(known.kind, known.label)
            above = node(parent.kind if parent else "organisation", parent.label if parent else known.parent)
            quads.append(ox.Quad(child, ox.NamedNode(ORG.subOrganizationOf), above, graph))
            known = parent
    return quads + successor_quads(store, graph)


def names_quads(rows, graph) -> list:
    """Every other name the lexicon knows a body by ("Universitetet i Tromsø" for "UiT Norges arktiske
    universitet"), as an alias of the body the documents name: an answer shows them, a question finds it by them."""
    import pyoxigraph as ox

    quads: list = []
    for r in sorted(rows, key=lambda r: (r["e"].value, r["c"].value, r["l"].value)):
        known = lexicon().known(r["l"].value)
        if known is None or not known.names:
            continue
        quads += [ox.Quad(r["e"], ox.NamedNode(RDF.type), r["c"], graph),
                  ox.Quad(r["e"], ox.NamedNode(RDFS.label), r["l"], graph)]
        quads += [ox.Quad(r["e"], ox.NamedNode(SKOS.altLabel), ox.Literal(n), graph)
                  for n in known.names if n != r["l"].value]
    return list(dict.fromkeys(quads))


def successor_quads(store: GraphStore, graph) -> list:
    """Each former municipality the documents name → the municipality (or two) it became part of."""
    import pyoxigraph as ox

    quads: list = []
    rows = store.select(f"SELECT DISTINCT ?m ?n WHERE {{ GRAPH ?g {{ ?m a <{KG.Municipality}> ; "
                        f"<{DCTERMS.identifier}> ?n }} FILTER(?g != <{graph.value}>) }}")
    for row in sorted(rows, key=lambda r: r["n"].value):
        former = gazetteer().by_number(row["n"].value)
        for number in former.successors if former else ():
            successor = gazetteer().by_number(number)
            iri = ox.NamedNode(store.iri(f"municipality/{number}"))
            quads.append(ox.Quad(row["m"], ox.NamedNode(DCTERMS.isReplacedBy), iri, graph))
            for cls in [KG.Municipality, *STANDARD_TYPES["municipality"]]:
                quads.append(ox.Quad(iri, ox.NamedNode(RDF.type), ox.NamedNode(cls), graph))
            quads.append(ox.Quad(iri, ox.NamedNode(RDFS.label), ox.Literal(successor.name if successor else number),
                                 graph))
    return quads


def refresh_bodies(store: GraphStore) -> None:
    """Rewrite the bodies graph when the bodies the store's documents name changed."""
    store.refresh_graph(store.iri(BODIES_GRAPH), hierarchy_quads(store))
