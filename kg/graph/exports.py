"""The projection (or a neighbourhood of it) for other tools: GraphML, GEXF (Gephi, Cytoscape), CSV.

Attributes are flat strings and numbers, which every tool reads: ``kind``,
``label``, ``degree`` on nodes; ``relations`` read from source to target ("owns; works with"), ``weight``
(pieces of evidence) and the first quote on edges.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kg.errors import QueryError

FORMATS = ("graphml", "gexf", "csv")


def flat(g):
    """A copy of g whose attributes are plain values (the tools cannot read sets or evidence objects)."""
    import networkx as nx

    out = nx.Graph()
    for n, d in g.nodes(data=True):
        out.add_node(n, label=d["label"], kind=d["kind"], degree=g.degree(n))
    for a, b, d in g.edges(data=True):
        first = min(d["evidence"], key=lambda e: (e.date or "", e.document, e.lines))
        out.add_edge(a, b, relations="; ".join(sorted({r.seen_from(a) for r in d["facts"]})), weight=d["weight"],
                     evidence=f"{first.document} lines {first.lines[0]}-{first.lines[1]}: {first.text}")
    return out


def write(g, fmt: str, output: Path) -> list[Path]:
    """Write g in the format; CSV makes two files, OUTPUT-nodes.csv and OUTPUT-edges.csv."""
    import networkx as nx

    if fmt not in FORMATS:
        raise QueryError(f"--format is one of {', '.join(FORMATS)}, not {fmt!r}")
    simple = flat(g)
    if fmt == "graphml":
        nx.write_graphml(simple, output)
        return [output]
    if fmt == "gexf":
        nx.write_gexf(simple, output)
        return [output]
    stem = output.with_suffix("") if output.suffix == ".csv" else output
    nodes, edges = Path(f"{stem}-nodes.csv"), Path(f"{stem}-edges.csv")
    with open(nodes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "kind", "degree"])
        w.writerows([n, d["label"], d["kind"], d["degree"]] for n, d in simple.nodes(data=True))
    with open(edges, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "source_label", "target_label", "relations", "weight", "evidence"])
        w.writerows([a, b, simple.nodes[a]["label"], simple.nodes[b]["label"], d["relations"], d["weight"], d["evidence"]]
                    for a, b, d in simple.edges(data=True))
    return [nodes, edges]
