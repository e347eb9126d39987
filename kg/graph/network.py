"""The network face of an archive: names in, analytics, exports and pictures out.

Names are resolved the way `kg show` resolves them (label, alias, close
spelling; ambiguity reported); the projection is built once per store
version and kept for the life of the object. By default only what the minutes
state counts; ``with_lexicon`` adds the body lexicon's region members, whose
relations read "(lexicon)".
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from kg.errors import NotFound
from kg.graph import analytics
from kg.lang.text import key
from kg.store.graphstore import GraphStore


class Network:
    def __init__(self, store: GraphStore, find: Callable[[str], object], *, with_lexicon: bool = False):
        self.store = store
        self.find = find          # name → an entity with .id (Archive.find_entity)
        self.with_lexicon = with_lexicon
        self._graph = None

    @property
    def graph(self):
        if self._graph is None:
            from kg.graph.projection import minutes_only, projection

            whole = projection(self.store)
            self._graph = whole if self.with_lexicon else minutes_only(whole)
        return self._graph

    def iri(self, name: str) -> str:
        """The thing a name stands for; with the lexicon, a region only it knows is found by its label."""
        try:
            return self.find(name).id
        except NotFound:
            hits = [n for n, d in self.graph.nodes(data=True) if key(d["label"]) == key(name)]
            if len(hits) != 1:
                raise
            return hits[0]

    def facts(self, iri: str) -> list[tuple[analytics.Node, str, list]]:
        """Every relation of a thing in words read from it: (other thing, words, evidence); none if unlinked."""
        g = self.graph
        if iri not in g:
            return []
        return [(analytics.node(g, other), words, evidence) for other in g.adj[iri]
                for words, evidence in analytics.facts(g, iri, other)]

    def path(self, a: str, b: str, *, through_topics: bool = False) -> analytics.Path:
        return analytics.path(self.graph, self.iri(a), self.iri(b), through_topics=through_topics)

    def neighbours(self, name: str, depth: int = 1, kinds: tuple[str, ...] = ()) -> analytics.Neighbourhood:
        return analytics.neighbours(self.graph, self.iri(name), depth, kinds)

    def rank(self, by: str = "degree", kind: str | None = None, limit: int = 20) -> analytics.Ranked:
        return analytics.rank(self.graph, by, kind, limit)

    def coattendance(self, limit: int = 20) -> analytics.Pairs:
        return analytics.coattendance(self.graph, limit)

    def communities(self) -> analytics.Communities:
        return analytics.communities(self.graph)

    def timeline(self, name: str) -> analytics.Timeline:
        return analytics.timeline(self.graph, self.iri(name))

    def export(self, fmt: str, output: Path, *, around: str | None = None, depth: int = 1) -> list[Path]:
        """The whole graph, or the neighbourhood of one thing, as GraphML, GEXF or CSV."""
        from kg.graph.exports import write

        g = self.graph
        if around is not None:
            hood = self.neighbours(around, depth)
            g = g.subgraph([hood.centre.id] + [n.id for n, _ in hood.nodes])
        return write(g, fmt, output)

    def picture(self, name: str, output: Path, *, fmt: str = "html", depth: int = 1,
                kinds: tuple[str, ...] = ()) -> Path:
        from kg.graph.viz import write

        return write(self.neighbours(name, depth, kinds), fmt, output)
