"""Region membership from the body lexicon, kept as its own named graph so queries can roll up.

The minutes rarely say which municipalities make up a region, but
data/lexicon/bodies.toml does (``members``) where it is certain. The graph
``{base}graph/regions`` states ``region org:hasMember municipality`` for every
member municipality the store knows, plus the region's type and label, so
"which regions work on X" can answer a region through the member that did the
work. It is rewritten only when the store's municipalities change.
"""

from __future__ import annotations

from kg.lang.text import slug
from kg.lang.bodies import lexicon
from kg.lang.gazetteer import gazetteer
from kg.store.graphstore import REGIONS_GRAPH, GraphStore
from kg.vocab import KG, ORG, RDF, RDFS


def lexicon_members() -> dict[str, list[str]]:
    """Region label → the 2024 numbers of its member municipalities, from the lexicon."""
    out: dict[str, list[str]] = {}
    for known in {id(k): k for k in lexicon().names.values()}.values():
        if known.kind == "region" and known.members:
            numbers = [m.number for name in known.members for m in gazetteer().lookup(name)[:1]]
            out[known.label] = numbers
    return out


def membership_quads(store: GraphStore) -> list:
    """The quads of the regions graph for the municipalities now in the store."""
    import pyoxigraph as ox

    graph = ox.NamedNode(store.iri(REGIONS_GRAPH))
    kind = (ox.NamedNode(RDF.type), ox.NamedNode(KG.Municipality))

    def present(iri: str) -> bool:  # one index lookup a member, whatever the size of the store
        return next(store.ox.quads_for_pattern(ox.NamedNode(iri), *kind, None), None) is not None

    quads = []
    for label, numbers in sorted(lexicon_members().items()):
        members = [m for m in (store.iri(f"municipality/{n}") for n in numbers) if present(m)]
        if not members:
            continue
        region = ox.NamedNode(store.iri(f"region/{slug(label)}"))
        for cls in (KG.Region, ORG.OrganizationalCollaboration, ORG.Organization):
            quads.append(ox.Quad(region, ox.NamedNode(RDF.type), ox.NamedNode(cls), graph))
        quads.append(ox.Quad(region, ox.NamedNode(RDFS.label), ox.Literal(label), graph))
        quads += [ox.Quad(region, ox.NamedNode(ORG.hasMember), ox.NamedNode(m), graph) for m in members]
    return quads


def refresh_regions(store: GraphStore) -> None:
    """Rewrite the regions graph when the store's municipalities changed since it was written."""
    store.refresh_graph(store.iri(REGIONS_GRAPH), membership_quads(store))
