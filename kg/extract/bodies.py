"""Making the node for a named body or place, with what the lexicon knows of it."""

from __future__ import annotations

from rapidfuzz import fuzz

from kg.extract.graph import DocGraph
from kg.lang.text import key, squash
from kg.model import Node
from kg.lang.bodies import FUZZY_MIN, classify


def body_node(g: DocGraph, name: str, *, default_kind: str, classify_name: bool = True) -> Node:
    """The node of a body or place named in the document.

    A name that is a close spelling of a body already read in this document
    ("Mossregionen" beside "Mosseregionen") is the same body; the variant is
    kept as an alias. Municipalities are never matched by spelling.
    """
    name = squash(name).strip(" .,:;*")
    c = classify(name) if classify_name else None
    kind, label = (c.kind, c.label) if c else (default_kind, name[:1].upper() + name[1:])
    if kind == "place" and default_kind != "place":
        kind = "region"  # a place that attends or reports ("Nedre Eiker") acts as a sub-region
    if kind != "municipality" and not g.find(kind, label):
        for other in g.entities(kind):
            if len(key(label)) >= 8 and fuzz.ratio(key(label), key(other.label)) >= FUZZY_MIN:
                other.aliases.add(name)
                return other
    props = {}
    if c and c.municipality:
        props["municipalities"] = c.municipality
    node = g.entity(kind, label, surface=name, **props)
    if c and c.known:
        known = c.known
        # the lexicon's parent of a body (a ministry above an agency) is not what the document says:
        # it lives in the bodies graph (kg.extract.background), never in the document's graph
        for topic in known.topics:
            node.props.setdefault("topics", set()).add(topic)
    if c is None and classify_name and kind != "place":
        node.props["guessed"] = True
    return node


