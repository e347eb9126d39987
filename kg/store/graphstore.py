"""The persisted graph: an on-disk Oxigraph store, one named graph per document.

Layout of a store directory::

    kg.json       base IRI and format version (fixed when the store is made)
    oxigraph/     the RDF store (pyoxigraph)
    index/        the full-text index of sections (kg.search)
    sources/      the text each document was read as, to re-derive it when curation changes
    curation.txt  the user's decisions (kg.resolve.curation), applied on every ingest

Questions are answered through pyoxigraph directly; rdflib is only used by export.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from kg.errors import StoreError
from kg.model import SourceText

FORMAT_VERSION = 1
DEFAULT_BASE = "https://example.org/kg/"
THESAURUS_GRAPH = "graph/thesaurus"


class GraphStore:
    def __init__(self, path: Path, *, base_iri: str | None = None, create: bool = True):
        self.path = Path(path)
        self._ox = None
        cfg = self.path / "kg.json"
        if cfg.exists():
            try:
                conf = json.loads(cfg.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise StoreError(f"{cfg}: not a kg store configuration ({e})") from None
            if base_iri and base_iri != conf["base_iri"]:
                raise StoreError(f"store {self.path} uses base IRI {conf['base_iri']}; "
                                 f"IRIs must stay stable, so it cannot change to {base_iri}")
            self.base = conf["base_iri"]
        elif create:
            self.base = base_iri or DEFAULT_BASE
            if not self.base.endswith(("/", "#")):
                self.base += "/"
            self.path.mkdir(parents=True, exist_ok=True)
            cfg.write_text(json.dumps({"base_iri": self.base, "format": FORMAT_VERSION}, indent=2), encoding="utf-8")
        else:
            raise StoreError(f"no kg store at {self.path}: run `kg ingest` first")

    @property
    def exists(self) -> bool:
        return (self.path / "oxigraph").exists()

    @property
    def ox(self):
        """The pyoxigraph Store, opened on first use."""
        if self._ox is None:
            import pyoxigraph

            try:
                self._ox = pyoxigraph.Store(str(self.path / "oxigraph"))
            except OSError as e:
                raise StoreError(f"cannot open the store at {self.path}: {e} "
                                 "(is another kg command writing to it?)") from None
        return self._ox

    def iri(self, local: str) -> str:
        return self.base + local

    # -- documents --------------------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        """Source file name → content hash of every stored document."""
        q = ("SELECT ?name ?hash WHERE { GRAPH ?g { ?d <https://w3id.org/kg-minutes/ns#sourceFile> ?name ; "
             "<https://w3id.org/kg-minutes/ns#contentHash> ?hash } }")
        return {r["name"].value: r["hash"].value for r in self.ox.query(q)}

    def replace_graph(self, graph: str, quads: list) -> list:
        """Put quads in place of a named graph's content; returns the old content to undo with."""
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        old = list(self.ox.quads_for_pattern(None, None, None, g))
        if old:
            self.ox.remove_graph(g)
        self.ox.extend(quads)
        return old

    def restore_graph(self, graph: str, old: list) -> None:
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        self.ox.remove_graph(g)
        if old:
            self.ox.extend(old)

    def remove_graph(self, graph: str) -> None:
        import pyoxigraph as ox

        self.ox.remove_graph(ox.NamedNode(graph))

    def flush(self) -> None:
        if self._ox is not None:
            self._ox.flush()

    def close(self) -> None:
        """Release the store (and its lock) so another Archive in this process can open it."""
        if self._ox is not None:
            self._ox.flush()
            self._ox = None

    # -- sources ----------------------------------------------------------
    def save_source(self, source: SourceText) -> None:
        d = self.path / "sources"
        d.mkdir(exist_ok=True)
        tmp = d / f".{source.name}.json.tmp"
        tmp.write_text(json.dumps(asdict(source), ensure_ascii=False), encoding="utf-8")
        tmp.replace(d / f"{source.name}.json")

    def load_source(self, name: str) -> SourceText | None:
        p = self.path / "sources" / f"{name}.json"
        if not p.exists():
            return None
        return SourceText(**json.loads(p.read_text(encoding="utf-8")))

    def remove_source(self, name: str) -> None:
        (self.path / "sources" / f"{name}.json").unlink(missing_ok=True)

    # -- queries ----------------------------------------------------------
    def select(self, sparql: str, bindings: dict | None = None) -> list[dict]:
        """Rows of a SELECT over the union of all graphs, parameters bound (never pasted)."""
        import pyoxigraph as ox

        return solution_rows(self.query(sparql, {ox.Variable(k): v for k, v in (bindings or {}).items()}))

    def query(self, sparql: str, substitutions: dict | None = None):
        """Any SPARQL query over the union of all graphs: QuerySolutions, QueryBoolean or QueryTriples."""
        try:
            return self.ox.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
        except SyntaxError as e:
            raise StoreError(f"bad SPARQL: {e}") from None

    def update(self, sparql: str) -> None:
        try:
            self.ox.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"bad SPARQL update: {e}") from None


def solution_rows(results) -> list[dict]:
    """SELECT results as dicts of the bound variables (an unbound one is left out)."""
    names = [v.value for v in results.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in results]
