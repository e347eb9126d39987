"""Questions about the network's shape: paths, neighbourhoods, rank, co-attendance, communities, timelines.

Every function takes the projection (kg.graph.projection) and node IRIs, and
returns plain dataclasses with ``to_json()`` and ``to_text()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from kg.errors import NotFound, QueryError

ACTOR_KINDS = ("municipality", "region", "organisation", "institution", "cluster")
MEASURES = ("degree", "betweenness", "pagerank")
# Exact betweenness is O(nodes × edges); above this many nodes it is estimated from a fixed sample.
BETWEENNESS_SAMPLE = 500


@dataclass
class Node:
    id: str
    label: str
    kind: str

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "kind": self.kind}


@dataclass
class Edge:
    source: Node
    target: Node
    relations: list[str]
    weight: int
    evidence: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"source": self.source.to_json(), "target": self.target.to_json(), "relations": self.relations,
                "weight": self.weight, "evidence": [e.to_json() for e in self.evidence]}

    def to_text(self, evidence: int = 1) -> str:
        lines = [f"{self.source.label} ({self.source.kind}) —{' / '.join(self.relations)}— "
                 f"{self.target.label} ({self.target.kind})  [{self.weight}]"]
        for e in self.evidence[:evidence]:
            lines.append(f"    {e.date or ''} {e.document} · {e.section} · lines {e.lines[0]}-{e.lines[1]}".rstrip())
            lines.append(f"      “{_clip(e.text)}”")
        return "\n".join(lines)


@dataclass
class Path:
    edges: list[Edge]

    def to_json(self) -> dict:
        return {"length": len(self.edges), "edges": [e.to_json() for e in self.edges]}

    def to_text(self) -> str:
        return "\n".join(e.to_text() for e in self.edges)


@dataclass
class Neighbourhood:
    centre: Node
    depth: int
    nodes: list[tuple[Node, int]]   # node and its distance
    edges: list[Edge]

    def to_json(self) -> dict:
        return {"centre": self.centre.to_json(), "depth": self.depth,
                "nodes": [dict(n.to_json(), distance=d) for n, d in self.nodes],
                "edges": [e.to_json() for e in self.edges]}

    def to_text(self) -> str:
        """Each thing under the nearer thing it is linked to, with the relation read outwards."""
        into: dict[str, list[Edge]] = {}
        for e in self.edges:
            into.setdefault(e.target.id, []).append(e)
        distance = {self.centre.id: 0, **{n.id: d for n, d in self.nodes}}
        lines = []
        for n, d in self.nodes:
            via = [e for e in into.get(n.id, []) if distance[e.source.id] == d - 1]
            words = " / ".join(via[0].relations) + " " if via else ""
            source = f"  (via {via[0].source.label})" if via and d > 1 else ""
            lines.append(f"{'  ' * (d - 1)}{words}{n.label} ({n.kind}){source}")
        return "\n".join(lines) or "(none)"


@dataclass
class Ranked:
    by: str
    rows: list[tuple[Node, float]]

    def to_json(self) -> dict:
        return {"by": self.by, "ranking": [dict(n.to_json(), score=round(s, 6)) for n, s in self.rows]}

    def to_text(self) -> str:
        """Degrees are counts of evidence, printed as whole numbers; the other measures as fractions."""
        score = (lambda s: f"{s:6.0f}") if self.by == "degree" else (lambda s: f"{s:8.4f}")
        return "\n".join(f"{score(s)}  {n.label} ({n.kind})" for n, s in self.rows) or "(none)"


@dataclass
class Pairs:
    rows: list[tuple[Node, Node, int]]

    def to_json(self) -> dict:
        return {"pairs": [{"a": a.to_json(), "b": b.to_json(), "shared_meetings": w} for a, b, w in self.rows]}

    def to_text(self) -> str:
        return "\n".join(f"{w:4d}  {a.label} — {b.label}" for a, b, w in self.rows) or "(none)"


@dataclass
class Community:
    members: list[Node]
    topics: list[tuple[str, int]]   # topic label and how many members work on it

    def to_json(self) -> dict:
        return {"members": [m.to_json() for m in self.members],
                "shared_topics": [{"topic": t, "members": n} for t, n in self.topics]}


@dataclass
class Communities:
    groups: list[Community]

    def to_json(self) -> dict:
        return {"communities": [c.to_json() for c in self.groups]}

    def to_text(self) -> str:
        out = []
        for i, c in enumerate(self.groups, 1):
            out.append(f"{i}. " + ", ".join(m.label for m in c.members))
            if c.topics:
                out.append("   shared topics: " + ", ".join(f"{t} ({n})" for t, n in c.topics))
        return "\n".join(out) or "(none)"


@dataclass
class Timeline:
    subject: Node
    entries: list[tuple[str | None, Edge]]   # date and the edge read then

    def to_json(self) -> dict:
        return {"subject": self.subject.to_json(),
                "entries": [{"date": d, "relations": e.relations, "other": e.target.to_json(),
                             "evidence": [x.to_json() for x in e.evidence]} for d, e in self.entries]}

    def to_text(self) -> str:
        return "\n".join(f"{d or '????-??-??'}  {' / '.join(e.relations)} {e.target.label} ({e.target.kind})"
                         f"  “{_clip(e.evidence[0].text, 90)}”" for d, e in self.entries) or "(none)"


def node(g, iri: str) -> Node:
    if iri not in g:
        raise NotFound(f"{iri} is not in the network (it has no relation to anything)")
    d = g.nodes[iri]
    return Node(iri, d["label"], d["kind"])


def edge(g, a: str, b: str) -> Edge:
    """The link from a to b, its relations in words read from a ("owns", not "owner")."""
    d = g.edges[a, b]
    return Edge(node(g, a), node(g, b), sorted({r.seen_from(a) for r in d["facts"]}), d["weight"],
                sorted(d["evidence"], key=_by_date))


def facts(g, a: str, b: str) -> list[tuple[str, list]]:
    """Each relation from a to b in words read from a, with the evidence for it, by date."""
    out: dict[str, list] = {}
    for relation, evidence in g.edges[a, b]["facts"].items():
        found = out.setdefault(relation.seen_from(a), [])
        found.extend(e for e in evidence if e not in found)
    return [(words, sorted(evidence, key=_by_date)) for words, evidence in sorted(out.items())]


def _by_date(e) -> tuple:
    return (e.date or "", e.document, e.lines)


def path(g, a: str, b: str, *, through_topics: bool = False) -> Path:
    """The shortest chain of relations from a to b; topics are shared by too many to say much, so skipped."""
    import networkx as nx

    node(g, a), node(g, b)
    view = g if through_topics else nx.subgraph_view(g, filter_node=lambda n: n in (a, b) or g.nodes[n]["kind"] != "topic")
    try:
        chain = nx.shortest_path(view, a, b)
    except nx.NetworkXNoPath:
        raise NotFound(f"{g.nodes[a]['label']} and {g.nodes[b]['label']} are not connected") from None
    return Path([edge(g, x, y) for x, y in zip(chain, chain[1:])])


def neighbours(g, centre: str, depth: int = 1, kinds: tuple[str, ...] = ()) -> Neighbourhood:
    """The things up to depth links away; with kinds, only things of those kinds (the links pass through them only)."""
    import networkx as nx

    if depth < 1:
        raise QueryError("--depth must be 1 or more")
    node(g, centre)
    if kinds:
        whole = g
        g = nx.subgraph_view(whole, filter_node=lambda n: n == centre or whole.nodes[n]["kind"] in kinds)
    dist = nx.single_source_shortest_path_length(g, centre, cutoff=depth)
    sub = g.subgraph(dist)
    nodes = sorted(((node(g, n), d) for n, d in dist.items() if n != centre),
                   key=lambda nd: (nd[1], nd[0].kind, nd[0].label.casefold()))
    # each edge read outwards from the centre: "Bærum owns Smart Fornebu"
    edges = [edge(g, x, y) if (dist[x], x) <= (dist[y], y) else edge(g, y, x) for x, y in sub.edges]
    # the centre's own links first, then outwards, each by name: the same order whatever order the store gave
    edges.sort(key=lambda e: (dist[e.source.id], e.source.label.casefold(), e.target.label.casefold(), e.target.id))
    return Neighbourhood(node(g, centre), depth, nodes, edges)


def rank(g, by: str = "degree", kind: str | None = None, limit: int = 20) -> Ranked:
    """The most central things: degree (weighted by evidence), betweenness, or PageRank."""
    import networkx as nx

    if by not in MEASURES:
        raise QueryError(f"--by is one of {', '.join(MEASURES)}, not {by!r}")
    if by == "degree":
        scores = dict(g.degree(weight="weight"))
    elif by == "betweenness":
        k = min(len(g), BETWEENNESS_SAMPLE) if len(g) > BETWEENNESS_SAMPLE else None
        scores = nx.betweenness_centrality(g, k=k, seed=0)
    else:
        scores = pagerank(g)
    rows = [(node(g, n), s) for n, s in scores.items() if kind is None or g.nodes[n]["kind"] == kind]
    rows.sort(key=lambda r: (-r[1], r[0].label.casefold()))
    return Ranked(by, rows[:limit])


def pagerank(g, damping: float = 0.85, tol: float = 1e-9, rounds: int = 100) -> dict[str, float]:
    """PageRank by power iteration over the evidence weights (networkx's own needs scipy)."""
    n = len(g)
    if n == 0:
        return {}
    strength = dict(g.degree(weight="weight"))
    rank_of = dict.fromkeys(g, 1.0 / n)
    for _ in range(rounds):
        dangling = damping * sum(rank_of[v] for v in g if strength[v] == 0) / n
        new = {}
        for v in g:
            inflow = sum(rank_of[u] * d["weight"] / strength[u] for u, d in g.adj[v].items() if strength[u])
            new[v] = (1 - damping) / n + dangling + damping * inflow
        done = sum(abs(new[v] - rank_of[v]) for v in g) < n * tol
        rank_of = new
        if done:
            break
    return rank_of


def coattendance(g, limit: int = 20) -> Pairs:
    """Pairs of people by the number of meetings both attended."""
    shared: dict[tuple[str, str], int] = {}
    for meeting in (n for n, d in g.nodes(data=True) if d["kind"] == "meeting"):
        people = sorted(p for p in g.adj[meeting] if g.nodes[p]["kind"] == "person")
        for a, b in combinations(people, 2):
            shared[a, b] = shared.get((a, b), 0) + 1
    rows = [(node(g, a), node(g, b), w) for (a, b), w in shared.items()]
    rows.sort(key=lambda r: (-r[2], r[0].label.casefold(), r[1].label.casefold()))
    return Pairs(rows[:limit])


def communities(g, min_size: int = 2) -> Communities:
    """Groups of actors tied by collaborations, projects, clusters and shared people (Louvain, fixed seed)."""
    import networkx as nx

    actors = {n for n, d in g.nodes(data=True) if d["kind"] in ACTOR_KINDS}
    ties = nx.Graph()
    ties.add_nodes_from(actors)
    for a, b, d in g.edges(data=True):
        if a in actors and b in actors:
            ties.add_edge(a, b, weight=ties.get_edge_data(a, b, {"weight": 0})["weight"] + d["weight"])
    for middle, d in g.nodes(data=True):   # two actors tied through a project or a person
        if d["kind"] in ("project", "person"):
            for a, b in combinations(sorted(n for n in g.adj[middle] if n in actors), 2):
                ties.add_edge(a, b, weight=ties.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    ties.remove_nodes_from([n for n, deg in ties.degree() if deg == 0])
    groups = []
    for members in nx.community.louvain_communities(ties, weight="weight", seed=0):
        if len(members) < min_size:
            continue
        counts: dict[str, int] = {}
        for m in members:
            for t in g.adj[m]:
                if g.nodes[t]["kind"] == "topic":
                    counts[g.nodes[t]["label"]] = counts.get(g.nodes[t]["label"], 0) + 1
        topics = sorted(((t, c) for t, c in counts.items() if c >= 2), key=lambda tc: (-tc[1], tc[0]))
        groups.append(Community(sorted((node(g, m) for m in members), key=lambda x: x.label.casefold()), topics))
    groups.sort(key=lambda c: (-len(c.members), c.members[0].label.casefold()))
    return Communities(groups)


def timeline(g, subject: str) -> Timeline:
    """Everything the minutes relate to the subject, by the date of the meeting it was read at."""
    me = node(g, subject)
    entries = []
    for other in g.adj[subject]:
        said: dict = {}   # one entry per piece of evidence, with every relation it supports
        for words, evidence in facts(g, subject, other):
            for ev in evidence:
                said.setdefault(ev, []).append(words)
        for ev, relations in said.items():
            entries.append((ev.date, Edge(me, node(g, other), relations, 1, [ev])))
    entries.sort(key=lambda de: (de[0] or "9999", de[1].target.label.casefold()))
    return Timeline(node(g, subject), entries)


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
