"""The persisted graph: an on-disk Oxigraph store, one named graph per document.

Layout of a store directory::

    kg.json       base IRI and format version (fixed when the store is made)
    oxigraph/     the RDF store (pyoxigraph)
    index/        the full-text index of sections (kg.search)
    sources/      the text each document was read as (gzipped JSON), to re-derive it when curation changes
    pending/      one marker per document whose graph and index are being written (kg.ingest)
    curation.txt  the user's decisions (kg.resolve.curation), applied on every ingest
    tables.sqlite the name table a cold `kg ask` reads (kg.ask.tables), rebuilt whenever stale
    generation    a token every write to the graph replaces, so a table can tell it is stale

A document is known by its identity, the path it was ingested under
("minutes/2022/referat.txt"); files under sources/ and pending/ are named by a
hash of it, so any name (slashes, newlines, odd bytes) is a safe file name.

Commands that only read open the store read-only, so they work while an
ingest writes, and never hold the lock a writer needs.
Questions are answered through pyoxigraph directly; rdflib is only used by export.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import uuid
import zlib
from dataclasses import fields
from pathlib import Path

from kg.errors import StoreError
from kg.model import SourceText
from kg.vocab import KG, RDF

# 1: sources/<file name>.json, documents known by bare file name;
# 2: each fact's evidence a reified statement, each document repeating its entities' types and labels
FORMAT_VERSION = 3
DEFAULT_BASE = "https://example.org/kg/"
# graphs derived from the thesaurus and the lexicons, beside the documents' graphs
THESAURUS_GRAPH = "graph/thesaurus"
REGIONS_GRAPH = "graph/regions"  # kg.ask.regions
BODIES_GRAPH = "graph/bodies"  # kg.extract.background
ENTITIES_GRAPH = "graph/entities"  # type, labels and identifiers of every entity a document names, once
GENERATION_FILE = "generation"
_SOURCE_FIELDS = {f.name for f in fields(SourceText)}


def with_entities_graph(sparql: str, base: str) -> str:
    """A query with ``$entities`` written as the IRI of the graph that describes entities once per store."""
    return sparql.replace("$entities", f"<{base}{ENTITIES_GRAPH}>")


def source_record(source: SourceText, path: Path | None) -> bytes:
    """What the store keeps of a document's source (GraphStore.save_source): its JSON, gzipped (the
    JSON of a document's blocks is five times its text, and compresses to a fifth). Made where the
    document was prepared, so that an ingest's writer only writes the bytes."""
    record = {**_fields_of(source), "path": os.fsdecode(path.resolve()) if path else None}
    data = json.dumps(record, default=_fields_of).encode("ascii")  # \u escapes: odd bytes survive
    return gzip.compress(data, compresslevel=6, mtime=0)


def _fields_of(record) -> dict:
    """A dataclass's fields as JSON writes them (what dataclasses.asdict gives, without its deep copy)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def file_key(identity: str) -> str:
    """A file name for anything keyed by a document identity."""
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write a file whole or not at all (temp file, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from None


class GraphStore:
    def __init__(self, path: Path, *, base_iri: str | None = None, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._ox = None
        cfg = self.path / "kg.json"
        if cfg.is_file():
            conf = _read_config(cfg)
            if base_iri and base_iri != conf["base_iri"]:
                raise StoreError(f"store {self.path} uses base IRI {conf['base_iri']}; "
                                 f"IRIs must stay stable, so it cannot change to {base_iri}")
            self.base = conf["base_iri"]
            if conf.get("format", 1) < FORMAT_VERSION:
                if read_only:
                    raise StoreError(f"the store at {self.path} was written by an older kg (format {conf.get('format', 1)}, "
                                     f"this kg reads format {FORMAT_VERSION}): run `kg --store {self.path} reindex` "
                                     "once to upgrade it in place")
                self._upgrade(cfg, conf)
        elif cfg.exists():
            raise StoreError(f"{cfg} is not a file: it should hold the store's configuration")
        elif create and not read_only:
            self.base = base_iri or DEFAULT_BASE
            if not self.base.endswith(("/", "#")):
                self.base += "/"
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot make the store folder {self.path}: {e.strerror or e} "
                                 "(choose another with --store)") from None
            write_atomically(cfg, json.dumps({"base_iri": self.base, "format": FORMAT_VERSION}, indent=2))
        else:
            raise StoreError(f"no kg store at {self.path}: run `kg ingest` first (or choose one with --store)")

    def _upgrade(self, cfg: Path, conf: dict) -> None:
        """Bring a store of an older format up to this one, in place (documents keep their names)."""
        if conf.get("format", 1) < 2:
            self._upgrade_sources()
        if self.exists:
            from kg.store.upgrade import upgrade_graphs

            upgrade_graphs(self)
            self.flush()
        write_atomically(cfg, json.dumps({**conf, "format": FORMAT_VERSION}, indent=2))

    def _upgrade_sources(self) -> None:
        """Format 1 kept sources under the file's bare name."""
        d = self.path / "sources"
        for old in sorted(d.glob("*.json")) if d.is_dir() else ():
            try:
                data = json.loads(old.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if "path" in data:
                continue  # already in the new layout
            source = SourceText(**{k: v for k, v in data.items() if k in _SOURCE_FIELDS})
            self.save_source(source.name, source_record(source, None))
            old.unlink()

    @property
    def exists(self) -> bool:
        return (self.path / "oxigraph").exists()

    @property
    def ox(self):
        """The pyoxigraph Store, opened on first use (read-only for commands that only read)."""
        if self._ox is None:
            import pyoxigraph

            where = self.path / "oxigraph"
            try:
                if self.read_only:
                    if not where.is_dir():
                        raise StoreError(f"no kg store at {self.path}: run `kg ingest` first")
                    self._ox = _open_read_only(where)
                else:
                    self._ox = pyoxigraph.Store(str(where))
            except (OSError, RuntimeError) as e:  # pyoxigraph says "Corruption: ..." as a RuntimeError
                raise StoreError(f"cannot open the store at {self.path}: {_open_problem(where, e)}") from None
        return self._ox

    def iri(self, local: str) -> str:
        return self.base + local

    def generation(self) -> str:
        """The token of the graph's last change (empty for a store no write of this kg touched)."""
        try:
            return (self.path / GENERATION_FILE).read_text(encoding="utf-8")
        except OSError:
            return ""

    def _changing(self) -> None:
        """Say the graph is about to change: a new generation token, written before the change so
        that a crash in the middle still leaves anything stamped with the old token stale."""
        write_atomically(self.path / GENERATION_FILE, uuid.uuid4().hex)

    # -- documents --------------------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        """Source file name → content hash of every stored document."""
        q = ("SELECT ?name ?hash WHERE { GRAPH ?g { ?d <https://w3id.org/kg-minutes/ns#sourceFile> ?name ; "
             "<https://w3id.org/kg-minutes/ns#contentHash> ?hash } }")
        return {r["name"].value: r["hash"].value for r in self.ox.query(q)}

    def document_graph(self, identity: str) -> str | None:
        """The named graph holding a stored document."""
        import pyoxigraph as ox

        q = "SELECT ?g ?name WHERE { GRAPH ?g { ?d <https://w3id.org/kg-minutes/ns#sourceFile> ?name } }"
        rows = self.select(q, {"name": ox.Literal(identity)})
        return rows[0]["g"].value if rows else None

    def replace_graph(self, graph: str, quads: list) -> None:
        """Put quads in place of a named graph's content, in one transaction (small graphs)."""
        import pyoxigraph as ox

        self._changing()
        g = ox.NamedNode(graph)
        if next(self.ox.quads_for_pattern(None, None, None, g), None) is not None:
            self.ox.remove_graph(g)
        self.ox.extend(quads)

    def refresh_graph(self, graph: str, quads: list) -> None:
        """Replace a derived graph (thesaurus, regions, bodies) only when its content changed,
        so a command that changes nothing writes nothing."""
        import pyoxigraph as ox

        if set(quads) != set(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))):
            self.replace_graph(graph, quads)

    def write_document_graphs(self, graphs: list[str], nquads: bytes, descriptions: bytes = b"") -> None:
        """Documents' graphs (their own and their line spans') in place of their old ones, and what
        they say of the entities they name (N-Quads of the entities graph), in one bulk load: a few
        microseconds a quad, where a transaction a document costs several times that. A description
        the store holds already is not loaded again (a bulk load keeps every copy it is given until
        RocksDB compacts the files). Not atomic: the ingest's pending markers cover a crash (a span's
        name is computed from its section, lines and quote, so writing the document again writes
        the same span graphs)."""
        import pyoxigraph as ox

        self._changing()
        named: set = set()
        for graph in graphs:
            named |= self._drop_document(graph)
        # a chunk's documents describe the same entities again and again: each line read once
        unique = b"\n".join(set(descriptions.splitlines()))
        new = [q for q in ox.parse(unique, format=ox.RdfFormat.N_QUADS) if q not in self.ox]
        self.ox.bulk_load(nquads + ox.serialize(new, format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
        self._forget_unnamed(named)

    def remove_document_graph(self, graph: str) -> None:
        """Take out a document's graph, its line spans' graphs, and the description of every
        entity no other document names."""
        self._changing()
        self._forget_unnamed(self._drop_document(graph))

    def _drop_document(self, graph: str) -> set:
        """Remove a document's graph and the graphs of its line spans (the spans first: a cut
        leaves the document's graph listing those still there); return the entities it named."""
        import pyoxigraph as ox

        g, entities = ox.NamedNode(graph), ox.NamedNode(self.iri(ENTITIES_GRAPH))
        spans: set[str] = set()
        checked: dict = {}
        for q in self.ox.quads_for_pattern(None, None, None, g):
            if q.object.value == KG.Evidence and q.predicate.value == RDF.type:
                spans.add(q.subject.value)
            for term in (q.subject, q.object):
                if isinstance(term, ox.NamedNode) and term not in checked:
                    checked[term] = next(self.ox.quads_for_pattern(term, None, None, entities), None) is not None
        for name in (*sorted(spans), graph):
            self.ox.remove_graph(ox.NamedNode(name))
        return {term for term, is_entity in checked.items() if is_entity}

    def _forget_unnamed(self, named: set) -> None:
        """Remove from the entities graph each of these entities that no document states anything
        about any more (with the nodes minted under its IRI, a municipality's numberings)."""
        import pyoxigraph as ox

        entities = ox.NamedNode(self.iri(ENTITIES_GRAPH))
        shared = self.iri("graph/")
        for e in named:
            uses = (q for pattern in ((e, None, None, None), (None, None, e, None))
                    for q in self.ox.quads_for_pattern(*pattern))
            if any(not q.graph_name.value.startswith(shared) for q in uses):
                continue
            own = [q for q in self.ox.quads_for_pattern(e, None, None, entities)]
            for q in list(own):
                if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(e.value + "/"):
                    own += self.ox.quads_for_pattern(q.object, None, None, entities)
            for q in own:
                self.ox.remove(q)

    def flush(self) -> None:
        if self._ox is not None and not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        """Release the store (and its lock) so another Archive in this process can open it."""
        self.flush()
        self._ox = None

    # -- sources ----------------------------------------------------------
    def _source_path(self, identity: str) -> Path:
        return self.path / "sources" / f"{file_key(identity)}.json.gz"

    def _legacy_source_path(self, identity: str) -> Path:
        """Where a store written before sources were gzipped keeps a document's source (read as it is)."""
        return self.path / "sources" / f"{file_key(identity)}.json"

    def save_source(self, identity: str, record: bytes) -> None:
        """Keep the text a document was read as, and the file it came from (to tell a move from a
        copy): its `source_record`."""
        (self.path / "sources").mkdir(exist_ok=True)
        write_atomically(self._source_path(identity), record)
        self._legacy_source_path(identity).unlink(missing_ok=True)

    def load_source(self, identity: str) -> tuple[SourceText, Path | None] | None:
        """The stored text of a document and the file it was read from, if kept."""
        p = self._source_path(identity)
        try:
            try:
                data = json.loads(gzip.decompress(p.read_bytes()))
            except FileNotFoundError:
                p = self._legacy_source_path(identity)
                data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError, zlib.error) as e:
            raise StoreError(f"{p}: unreadable stored source of {identity!r} ({e}); "
                             f"`kg ingest --force` on its file rewrites it") from None
        path = data.get("path")
        return SourceText(**{k: v for k, v in data.items() if k in _SOURCE_FIELDS}), Path(path) if path else None

    def remove_source(self, identity: str) -> None:
        self._source_path(identity).unlink(missing_ok=True)
        self._legacy_source_path(identity).unlink(missing_ok=True)

    # -- pending documents (a graph and an index entry being written) ------
    def mark_pending(self, identity: str) -> None:
        """Say, before touching a document, that its graph and index may disagree until cleared."""
        d = self.path / "pending"
        d.mkdir(exist_ok=True)
        write_atomically(d / f"{file_key(identity)}.json", json.dumps({"document": identity}, ensure_ascii=False))

    def clear_pending(self, identity: str) -> None:
        (self.path / "pending" / f"{file_key(identity)}.json").unlink(missing_ok=True)

    def pending(self) -> list[str]:
        """Documents a crash left half-written (graph and index may disagree)."""
        d = self.path / "pending"
        out = []
        for p in sorted(d.glob("*.json")) if d.is_dir() else ():
            try:
                out.append(json.loads(p.read_text(encoding="utf-8"))["document"])
            except (OSError, ValueError, KeyError):
                p.unlink(missing_ok=True)  # a marker cut short: its document was not touched yet
        return out

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
        except (OSError, RuntimeError, ValueError) as e:
            raise StoreError(f"the query failed: {e}") from None

    def update(self, sparql: str) -> None:
        self._changing()
        try:
            self.ox.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"bad SPARQL update: {e}") from None
        except (OSError, RuntimeError, ValueError) as e:
            raise StoreError(f"the update failed: {e}") from None


def solution_rows(results) -> list[dict]:
    """SELECT results as dicts of the bound variables (an unbound one is left out)."""
    names = [v.value for v in results.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in results]


def _open_read_only(where: Path):
    """A read-only view of the store. A writer compacting at that moment can remove a file the view
    was about to open ("No such file"); opening again sees the files that replaced it."""
    import time

    import pyoxigraph

    for attempt in range(10):
        try:
            return pyoxigraph.Store.read_only(str(where))
        except (OSError, RuntimeError) as e:
            if "No such file" not in str(e) or attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))


def _read_config(cfg: Path) -> dict:
    try:
        conf = json.loads(cfg.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{cfg}: not a kg store configuration ({e})") from None
    if not isinstance(conf, dict) or not isinstance(conf.get("base_iri"), str):
        raise StoreError(f"{cfg}: no base_iri in the store configuration; add "
                         f'"base_iri": "{DEFAULT_BASE}" (or the base IRI the store was made with)')
    return conf


def _open_problem(where: Path, e: Exception) -> str:
    """The true reason a store did not open, and what to do."""
    text = str(e)
    if isinstance(e, PermissionError) or "Permission denied" in text or "Read-only file system" in text:
        return f"permission denied ({text.strip()}); use a store you can write, or run as its owner"
    if "lock" in text.lower():
        return "another kg command is writing to it; wait for it to finish"
    if "Corruption" in text or "CURRENT" in text or "MANIFEST" in text:
        return (f"its files are damaged ({text.strip()[:200]}); restore the folder from a backup, "
                "or ingest the minutes again into a new store")
    return f"{text.strip()[:300]}"
