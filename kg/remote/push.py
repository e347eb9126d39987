"""Load the archive into a SPARQL 1.1 server through the Graph Store Protocol, one named graph per document.

Only what changed is sent: the server keeps, in the graph ``{base}graph/push-manifest``,
the digest of every graph as kg last sent it (``<graph> kg:digest "sha256"``). A graph
whose digest differs is replaced whole with an HTTP PUT, a graph that left the archive
is deleted, and the manifest is written last, so a push that fails half-way is simply
redone by the next one. Graphs on the server that kg never sent are left alone.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox

from kg.export.rdf import graph_names
from kg.remote.endpoint import RemoteStore, sibling
from kg.remote.http import request
from kg.store.graphstore import GraphStore
from kg.vocab import KG

MANIFEST_GRAPH = "graph/push-manifest"
N_TRIPLES = "application/n-triples"


@dataclass
class PushReport:
    """Which graphs were sent, which the server already had, and which were deleted there."""

    graph_store: str
    sent: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"graph_store": self.graph_store, "sent": self.sent, "unchanged": self.unchanged,
                "deleted": self.deleted}


def push(store: GraphStore, endpoint: str, graph_store: str | None = None, progress=None) -> PushReport:
    """Make the server's copy of every named graph of the store equal to the local one.
    progress (kg.render.Progress, or None) is told the number of graphs and each one done."""
    gsp = graph_store or sibling(endpoint, "store")
    manifest = store.iri(MANIFEST_GRAPH)
    before = {r["g"].value: r["d"].value for r in RemoteStore(endpoint, store.base).select(
        f"SELECT ?g ?d WHERE {{ GRAPH <{manifest}> {{ ?g <{KG.digest}> ?d }} }}")}
    report = PushReport(gsp)
    digests: dict[str, str] = {}
    names = graph_names(store.ox)
    if progress is not None:
        progress.total = len(names)
    for name in names:
        if progress is not None:
            progress.advance()
        body = _ntriples(store.ox, name)
        digests[name.value] = digest = hashlib.sha256(body).hexdigest()
        if before.get(name.value) == digest:
            report.unchanged.append(name.value)
            continue
        request("PUT", _graph_url(gsp, name.value), body=body, content_type=N_TRIPLES)
        report.sent.append(name.value)
    for gone in sorted(set(before) - set(digests)):
        request("DELETE", _graph_url(gsp, gone), missing_ok=True)
        report.deleted.append(gone)
    listing = [ox.Triple(ox.NamedNode(g), ox.NamedNode(KG.digest), ox.Literal(d)) for g, d in sorted(digests.items())]
    request("PUT", _graph_url(gsp, manifest), body=ox.serialize(listing, format=ox.RdfFormat.N_TRIPLES),
            content_type=N_TRIPLES)
    return report


def _ntriples(store: ox.Store, name: ox.NamedNode) -> bytes:
    """A graph as N-Triples with its lines sorted, so that equal graphs give equal digests."""
    out = io.BytesIO()
    ox.serialize((q.triple for q in store.quads_for_pattern(None, None, None, name)), out,
                 format=ox.RdfFormat.N_TRIPLES)
    return b"".join(sorted(out.getvalue().splitlines(keepends=True)))


def _graph_url(graph_store: str, graph: str) -> str:
    return graph_store + ("&" if "?" in graph_store else "?") + urlencode({"graph": graph})
