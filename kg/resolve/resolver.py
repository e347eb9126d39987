"""Give every node of a document its IRI: one node per real thing, across documents.

Order: the user's curation (rename, merge, alias, kind) first; then nodes of
this document that now share a name are folded, and people written two ways in
it (kg/resolve/people.py); then IRIs: municipalities by
their number (an ambiguous name such as Herøy goes to the county most of the
document's other municipalities lie in), bodies by a name already in the
store when it is a close spelling of it, everything else by its normalised
name. People are never matched by spelling: near-duplicates are only proposed
(kg candidates).
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from kg.extract.graph import DocGraph
from kg.lang.text import key, slug
from kg.model import Node
from kg.lang.bodies import FUZZY_MIN
from kg.resolve.curation import Curation
from kg.resolve.people import fold_people

FUZZY_KINDS = ("region", "organisation", "institution", "programme", "cluster", "project")


def _curate(g: DocGraph, node: Node, cur: Curation) -> None:
    split = cur.split_for(g.minutes.source.name, node.label)
    if split:
        node.aliases.add(node.label)
        node.label = split
        node.curated = True
        return
    for name in [node.label, *sorted(node.aliases)]:
        new = cur.label_for(name)
        if new and key(new) != key(node.label):
            node.aliases.add(node.label)
            node.label = new
            node.curated = True
            break
    kind = cur.kind_for(node.label) or next((cur.kind_for(a) for a in node.aliases if cur.kind_for(a)), None)
    if kind and kind != node.kind:
        node.kind = kind
        node.curated = True


def _fold_duplicates(g: DocGraph) -> None:
    seen: dict[tuple[str, str], Node] = {}
    for node in list(g.entities()):
        k = (node.kind, key(node.label))
        if k in seen and seen[k] is not node:
            g.merge(seen[k], node)
        else:
            seen[k] = node


def _municipality_number(node: Node, county_votes: Counter) -> str:
    candidates = node.props.get("municipalities") or []
    if not candidates:
        return slug(node.label)
    if len(candidates) > 1:
        candidates = sorted(candidates, key=lambda m: -county_votes[m.county])
    m = candidates[0]
    node.props["municipality"] = m
    node.label = m.name
    # minutes and questions name it "Odda kommune" as often as "Odda"
    node.aliases |= {f"{n} kommune" for n in m.names[:1] if not key(n).endswith(("kommune", "herad"))}
    return m.number


def resolve(g: DocGraph, base: str, cur: Curation,
            known: dict[str, dict[str, tuple[str, str]]]) -> list[tuple[str, str]]:
    """Set node.iri on every entity of the document graph. Returns the (kind, name key) pairs that
    found no body of that name in known: what a body stored since could have answered otherwise."""
    missed: list[tuple[str, str]] = []
    for node in g.entities():
        _curate(g, node, cur)
    _fold_duplicates(g)
    fold_people(g)
    votes = Counter(m.county for n in g.entities("municipality")
                    for m in n.props.get("municipalities", []) if len(n.props.get("municipalities", [])) == 1)
    for node in g.entities():
        if node.kind == "municipality":
            node.iri = f"{base}municipality/{_municipality_number(node, votes)}"
            continue
        if node.kind in FUZZY_KINDS and not node.curated:
            table = known.get(node.kind, {})
            if key(node.label) not in table:
                missed.append((node.kind, key(node.label)))
            match = _known_match(node, table, cur)
            if match:
                label, iri = match
                if key(label) != key(node.label):
                    node.aliases.add(node.label)
                    node.label = label
                node.iri = iri
                continue
        node.iri = f"{base}{node.kind}/{slug(node.label)}"
    return missed


def _known_match(node: Node, known: dict[str, tuple[str, str]], cur: Curation) -> tuple[str, str] | None:
    """A body already in the store under this name or a close spelling of it."""
    k = key(node.label)
    if k in known:
        return known[k]
    if len(k) < 8:
        return None
    for match, score, _ in process.extract(k, list(known), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=3):
        label, iri = known[match]
        if not cur.are_distinct(label, node.label):
            return label, iri
    return None
