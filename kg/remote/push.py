"""Load the archive into a SPARQL 1.1 server, one named graph per document with its line spans' graphs.

Only what changed is sent: the server keeps, in the graph ``{base}graph/push-manifest``,
the digest of every document (its graph and its line spans' graphs together) and of every
other graph (entities, thesaurus, regions, bodies) as kg last sent it
(``<graph> kg:digest "sha256"``). Changed documents go in SPARQL UPDATE requests of a few
megabytes each, however many line spans they have: a query for the line spans the server's
copies list, then one update that drops those copies and inserts the new ones. Every other
changed graph is replaced whole with an HTTP PUT (Graph Store Protocol); a document or graph
that left the archive is deleted, and the manifest is written last, so a push that fails
half-way is simply redone by the next one. Graphs on the server that kg never sent are left alone.
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
from kg.vocab import KG, RDF

MANIFEST_GRAPH = "graph/push-manifest"
N_TRIPLES = "application/n-triples"
UPDATE_BYTES = 4_000_000  # documents sent together in one SPARQL UPDATE, up to about this size


@dataclass
class PushReport:
    """Which documents and graphs were sent, which the server already had, and which were deleted there."""

    graph_store: str
    sent: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"graph_store": self.graph_store, "sent": self.sent, "unchanged": self.unchanged,
                "deleted": self.deleted}


def push(store: GraphStore, endpoint: str, graph_store: str | None = None, progress=None) -> PushReport:
    """Make the server's copy of every named graph of the store equal to the local one.
    progress (kg.render.Progress, or None) is told the number of documents and graphs and each one done."""
    gsp = graph_store or sibling(endpoint, "store")
    remote = RemoteStore(endpoint, store.base)
    manifest = store.iri(MANIFEST_GRAPH)
    before = {r["g"].value: r["d"].value for r in remote.select(
        f"SELECT ?g ?d WHERE {{ GRAPH <{manifest}> {{ ?g <{KG.digest}> ?d }} }}")}
    report = PushReport(gsp)
    digests: dict[str, str] = {}
    units = _units(store.ox)
    if progress is not None:
        progress.total = len(units)
    shared = store.iri("graph/")
    batch: dict[str, str] = {}  # document → INSERT DATA of its graphs
    for name, spans in units.items():
        if progress is not None:
            progress.advance()
        graphs = {g: _ntriples(store.ox, g) for g in [name, *spans]}
        body = b"".join(f"# {g.value}\n".encode() + text for g, text in graphs.items()) if spans else graphs[name]
        digests[name.value] = digest = hashlib.sha256(body).hexdigest()
        if before.get(name.value) == digest:
            report.unchanged.append(name.value)
            continue
        report.sent.append(name.value)
        if name.value.startswith(shared):  # a graph of the whole store (entities, thesaurus, ...): one PUT
            request("PUT", _graph_url(gsp, name.value), body=graphs[name], content_type=N_TRIPLES)
            continue
        batch[name.value] = _insert(graphs)
        if sum(map(len, batch.values())) >= UPDATE_BYTES:
            _replace(remote, batch)
            batch = {}
    gone = sorted(set(before) - set(digests))
    _replace(remote, {**batch, **dict.fromkeys(gone, "")})
    report.deleted += gone
    listing = [ox.Triple(ox.NamedNode(g), ox.NamedNode(KG.digest), ox.Literal(d)) for g, d in sorted(digests.items())]
    request("PUT", _graph_url(gsp, manifest), body=ox.serialize(listing, format=ox.RdfFormat.N_TRIPLES),
            content_type=N_TRIPLES)
    return report


def _units(store: ox.Store) -> dict[ox.NamedNode, list[ox.NamedNode]]:
    """Each graph that is no document's line span → the line spans its graph describes (sorted)."""
    evidence = (ox.NamedNode(RDF.type), ox.NamedNode(KG.Evidence))
    names = graph_names(store)
    spans = {name: sorted({q.subject for q in store.quads_for_pattern(None, *evidence, name)
                           if isinstance(q.subject, ox.NamedNode)}, key=lambda s: s.value) for name in names}
    owned = {s for listed in spans.values() for s in listed}
    return {name: listed for name, listed in spans.items() if name not in owned}


def _ntriples(store: ox.Store, name: ox.NamedNode) -> bytes:
    """A graph as N-Triples with its lines sorted, so that equal graphs give equal digests."""
    out = io.BytesIO()
    ox.serialize((q.triple for q in store.quads_for_pattern(None, None, None, name)), out,
                 format=ox.RdfFormat.N_TRIPLES)
    return b"".join(sorted(out.getvalue().splitlines(keepends=True)))


def _replace(remote: RemoteStore, documents: dict[str, str]) -> None:
    """Documents' graphs in place of the server's copies, in two requests: a query for the line
    spans the server's copies list, and one update that drops those, drops the documents' graphs
    and inserts the new ones (none for a document that left)."""
    if not documents:
        return
    listed = remote.select(f"SELECT DISTINCT ?span WHERE {{ VALUES ?d {{ {' '.join(f'<{d}>' for d in documents)} }} "
                           f"GRAPH ?d {{ ?span a <{KG.Evidence}> }} }}")
    drops = [f"DROP SILENT GRAPH <{g}>" for g in [*sorted(r["span"].value for r in listed), *documents]]
    remote.update(" ;\n".join(drops + [text for text in documents.values() if text]))


def _insert(graphs: dict[ox.NamedNode, bytes]) -> str:
    """An INSERT DATA of graphs given as N-Triples (whose lines are SPARQL triples as they are)."""
    return "INSERT DATA {\n" + "\n".join(f"GRAPH <{name.value}> {{\n{text.decode('utf-8')}}}"
                                          for name, text in graphs.items()) + "\n}"


def _graph_url(graph_store: str, graph: str) -> str:
    return graph_store + ("&" if "?" in graph_store else "?") + urlencode({"graph": graph})
