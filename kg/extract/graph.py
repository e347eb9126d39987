"""The graph one document yields: nodes, facts and the evidence of each fact."""

from __future__ import annotations

from typing import Callable

from kg.lang.text import key
from kg.model import Evidence, Fact, Iri, Literal, Minutes, Node, Section, Span


class DocGraph:
    """Nodes and facts read from one document, before IRIs are assigned.

    Entities are kept once per (kind, name); structural nodes (meeting,
    attendance, grant ...) are kept as given. Every fact may carry evidence.
    """

    def __init__(self, minutes: Minutes):
        self.minutes = minutes
        self.nodes: list[Node] = []
        self.facts: list[Fact] = []
        self._entities: dict[tuple[str, str], Node] = {}
        self.document: Node | None = None
        self.meeting: Node | None = None
        self.body: Node | None = None
        self.unclassified: list[tuple[int, str]] = []  # names nothing could place
        self.short_forms: dict[str, Node] = {}  # a short form the minutes introduced ("Romsdal Regionråd (ROR)") → its body
        self._seen: set[tuple] = set()

    # -- nodes ----------------------------------------------------------
    def entity(self, kind: str, label: str, *, surface: str | None = None, **props) -> Node:
        """The one node of this document for a thing of a kind and name."""
        k = (kind, key(label))
        node = self._entities.get(k)
        if node is None:
            node = Node(kind=kind, label=label, props=dict(props))
            self._entities[k] = node
            self.nodes.append(node)
        else:
            for p, v in props.items():
                node.props.setdefault(p, v)
        if surface and surface != node.label:
            node.aliases.add(surface)
        return node

    def find(self, kind: str, label: str) -> Node | None:
        return self._entities.get((kind, key(label)))

    def entities(self, kind: str | None = None) -> list[Node]:
        return [n for n in self._entities.values() if kind is None or n.kind == kind]

    def struct(self, kind: str, label: str, local: Callable[[], str], **props) -> Node:
        node = Node(kind=kind, label=label, props=dict(props), local=local)
        self.nodes.append(node)
        return node

    def merge(self, keep: Node, drop: Node) -> None:
        """Fold drop into keep (same thing read under two names in one document)."""
        if keep is drop:
            return
        keep.aliases |= drop.aliases | {drop.label}
        for p, v in drop.props.items():
            keep.props.setdefault(p, v)
        self.nodes = [n for n in self.nodes if n is not drop]
        for k, v in list(self._entities.items()):
            if v is drop:
                self._entities[k] = keep
        self.facts = [Fact(keep if f.subject is drop else f.subject, f.predicate,
                           keep if f.object is drop else f.object, f.evidence) for f in self.facts]

    # -- facts ----------------------------------------------------------
    def fact(self, s: Node, p: str, o: Node | Literal | Iri | str | int, ev: Evidence | None = None) -> None:
        if not isinstance(o, (Node, Literal, Iri)):
            o = Literal(o)
        k = (id(s), p, id(o) if isinstance(o, Node) else o,
             (ev.section.n, ev.span.start, ev.span.end) if ev else None)
        if k not in self._seen:
            self._seen.add(k)
            self.facts.append(Fact(s, p, o, ev))

    def evidence(self, section: Section, first: int | None = None, last: int | None = None,
                 quote: str | None = None) -> Evidence:
        """Evidence in a section: a line span (the whole section by default) and its words."""
        span = Span(first or section.span.start, last or first or section.span.end)
        if quote is None:
            lines = self.minutes.source.lines[span.start - 1: span.end]
            quote = " ".join(line.strip() for line in lines if line.strip())
        return Evidence(section, span, quote.strip())
