"""Ingest: run read → parse → extract → resolve → store → index for each document.

A document is known by its identity: its path under the folder given to
`kg ingest`, prefixed by that folder's name or by --collection
("minutes/2022/referat.txt"), so two files named referat.txt never replace
each other. A file moved or renamed with the same content is recognised by
its content hash and moved in the store, not stored twice.

Documents are prepared (read → quads, kg.ingest.prepare) in worker processes
and written by this one a chunk at a time: one bulk load of the graph and one
index commit for up to CHUNK_DOCUMENTS documents, in a thread of its own while
the workers prepare the next chunk. Graph and index are written
as a pair: pending markers for the chunk are written first and cleared when
both are in, and the next ingest redoes (or removes) any document whose marker
a crash left, and says so. A file that cannot be read, or that is over a limit
(kg.read.limits), is reported with its reason and skipped; the rest of the
batch goes on. Each result is handed to the caller as soon as it is known, in
the order of the files: a document once its chunk is written. An unchanged
file (same content hash, same curation) is not redone.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import BadInput, KgError
from kg.ingest.prepare import DocumentReport, Job, Prepared, Preparer, Settings, stale
from kg.lang.morphology import morphology
from kg.lang.text import key
from kg.model import SourceText
from kg.read import DOCUMENT_SUFFIXES, SUFFIXES, unsupported
from kg.read.limits import DEFAULT, Limits
from kg.resolve.curation import Curation
from kg.resolve.resolver import FUZZY_KINDS
from kg.search.sections import sections_in_store
from kg.store.graphstore import GraphStore, write_atomically


@dataclass
class IngestReport:
    ingested: list[DocumentReport] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    renamed: list[dict] = field(default_factory=list)   # {"from": old identity, "to": new identity}
    repaired: list[str] = field(default_factory=list)   # documents a crash had left half-written

    def to_json(self) -> dict:
        return {"ingested": [d.to_json() for d in self.ingested], "unchanged": self.unchanged,
                "skipped": self.skipped, "renamed": self.renamed, "repaired": self.repaired,
                "not_placed": [{"text": text, "where": where} for text, where in not_placed(self.ingested).items()]}


def not_placed(reports: list[DocumentReport]) -> dict[str, list[dict]]:
    """Each text the parser could not place, once, with every document and line it came from:
    the same heading or signature repeated in forty files is one thing to look at, not forty."""
    grouped: dict[str, list[dict]] = {}
    for d in reports:
        for u in d.unplaced:
            grouped.setdefault(u["text"], []).append({"document": d.document, "line": u.get("line")})
    return grouped


# Told each result as soon as it is known: ("ingested", DocumentReport), ("unchanged", name),
# ("skipped", {"path", "reason"}), ("renamed", {"from", "to"}) or ("repaired", name).
Listener = Callable[[str, object], None]


def printable(name: str) -> str:
    """A file name as one line of valid text: odd bytes as \\xNN, line breaks and controls escaped."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


@dataclass(frozen=True)
class Entry:
    """A file to read, and the identity its document has in the store."""

    path: Path
    identity: str


def identity_of(path: Path, root: Path | None, collection: str | None) -> str:
    """The document's name in the store: its path under root, after the root's name (or the collection)."""
    if root is None:  # a file named on its own: its folder's name is the prefix
        prefix = collection if collection is not None else Path(os.path.abspath(path)).parent.name
        parts = [path.name]
    else:
        prefix = collection if collection is not None else Path(os.path.abspath(root)).name
        parts = list(path.relative_to(root).parts)
    return printable("/".join(p for p in [prefix, *parts] if p))


def expand(paths: list[Path], collection: str | None = None) -> tuple[list[Entry], list[dict]]:
    """Files to read (named files, and files with a readable suffix under named folders)."""
    files: list[Entry] = []
    skipped: list[dict] = []
    for p in paths:
        if p.is_dir():
            files.extend(_walk(p, collection, skipped))
        elif p.exists() or p.is_symlink():
            files.append(Entry(p, identity_of(p, None, collection)))
        else:
            skipped.append({"path": printable(str(p)), "reason": "no such file or folder"})
    return files, skipped


def _walk(root: Path, collection: str | None, skipped: list[dict]) -> list[Entry]:
    """The readable files under root, in name order; hidden ones left out, linked folders named, not followed."""
    out = []
    for folder, dirs, names in os.walk(root, onerror=lambda e: skipped.append(
            {"path": printable(e.filename or str(root)), "reason": f"cannot list the folder: {e.strerror}"})):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if (here / d).is_symlink():
                skipped.append({"path": printable(str(here / d)),
                                "reason": "a link to a folder: not followed (name the folder itself)"})
        for name in sorted(names):
            suffix = Path(name).suffix.lower()
            if not name.startswith(".") and suffix in SUFFIXES:
                out.append(Entry(here / name, identity_of(here / name, root, collection)))
            elif not name.startswith(".") and suffix in DOCUMENT_SUFFIXES:
                skipped.append({"path": printable(str(here / name)), "reason": unsupported(suffix)})
    return out


def _known_entities(store: GraphStore) -> dict[str, dict[str, tuple[str, str]]]:
    """Bodies and projects already in the store by name key, to match a new spelling against."""
    from kg.vocab import CLASS_OF_KIND, RDFS

    out: dict[str, dict[str, tuple[str, str]]] = {}
    for kind in FUZZY_KINDS:
        rows = store.select(f"SELECT DISTINCT ?e ?l WHERE {{ GRAPH ?g {{ ?e a <{CLASS_OF_KIND[kind]}> ; <{RDFS.label}> ?l }} }}")
        out[kind] = {key(r["l"].value): (r["l"].value, r["e"].value) for r in rows}
    return out


CHUNK_DOCUMENTS = 250  # documents written with one bulk load of the graph and one commit of the index
# the first chunk of a batch is small, so that the writer starts as soon as the workers have a few
# documents ready, where it waited for 250 (the writer's work is the longer, so it sets the pace)
FIRST_CHUNK_DOCUMENTS = 25
CHUNK_BYTES = 64_000_000  # or fewer, when their N-Quads come to this much


@dataclass
class _Ready:
    """A prepared document waiting in the chunk for its write."""

    prepared: Prepared
    twin: str | None = None  # the stored document it takes the place of (same content, another name)
    told_as: str | None = "ingested"  # or "repaired", or None: derived again from its stored source, quietly

    @property
    def identity(self) -> str:
        return self.prepared.job.identity


@dataclass
class _Chunk:
    """Documents accepted and not yet written, the named graphs they will hold, and the results
    that follow them in input order (told after them, so results come in the order of the files)."""

    ready: list[_Ready] = field(default_factory=list)
    order: list = field(default_factory=list)  # each a _Ready or a (kind, item) to tell
    size: int = 0
    owners: dict[str, str] = field(default_factory=dict)  # named graph → document
    limit: int = FIRST_CHUNK_DOCUMENTS  # documents it takes: CHUNK_DOCUMENTS once the first is written

    def add(self, r: _Ready) -> None:
        self.ready.append(r)
        self.order.append(r)
        self.size += len(r.prepared.nquads) + len(r.prepared.descriptions)
        self.owners[r.prepared.graph] = r.identity

    @property
    def full(self) -> bool:
        return len(self.ready) >= self.limit or self.size >= CHUNK_BYTES


@dataclass
class _Writing:
    """A chunk being written by a thread of its own while the documents after it are prepared and
    accepted, and the results to tell once it is written."""

    ready: list[_Ready]
    order: list
    owners: dict[str, str]
    thread: threading.Thread | None = None
    error: KgError | None = None  # the store cannot be written: the ingest stops
    failed: dict | None = None  # the chunk could not be stored: its documents are told skipped

    def run(self, write: Callable[[list[_Ready]], None]) -> None:
        try:
            write(self.ready)
        except KgError as e:
            self.error = e
        except Exception as e:  # their pending markers stay: the next ingest redoes or removes them
            self.failed = {"reason": f"could not be stored: {type(e).__name__}: {e}",
                           "trace": traceback.format_exc(limit=3)}


class Ingestor:
    """Ingests batches of files into one store and its index: documents prepared in `jobs`
    processes, written by this one a chunk at a time (one chunk written while the next is filled)."""

    def __init__(self, store: GraphStore, index, curation: Curation, limits: Limits = DEFAULT, jobs: int = 1,
                 tables=None):
        self.store = store
        self.index = index
        self.tables = tables  # a kg.ask.tables.Rewrite: each chunk's table rows are added as it is written
        self.curation = curation
        self.limits = limits
        self.jobs = jobs
        self.known: dict[str, dict[str, tuple[str, str]]] = {}
        self.added: list[tuple[str, str]] = []  # (kind, name key) of each body added to known, in order
        self.written: list[str] = []  # documents whose graphs this ingest bulk-loaded
        self.written_graphs: set[str] = set()  # and their graphs' IRIs (whose table rows are read again)
        self._writing: _Writing | None = None

    def _state_path(self) -> Path:
        return self.store.path / "ingest-state.json"

    def _curation_changed(self) -> bool:
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        return state.get("curation") != self.curation.digest

    def _preparer(self, stored: dict[str, str]) -> Preparer:
        return Preparer(Settings(self.store.base, self.curation, self.limits, stored), self.known, self.added,
                        self.store.path / "scratch", self.jobs)

    def ingest(self, paths: list[Path], *, force: bool = False, collection: str | None = None,
               listener: Listener | None = None) -> IngestReport:
        report = IngestReport()

        def tell(kind: str, item) -> None:
            getattr(report, kind).append(item)
            if listener is not None:
                listener(kind, item)

        self.known = _known_entities(self.store)
        self.added, self.written, self.written_graphs = [], [], set()
        morphology().persist_in(self.index.path)  # topic tagging in process reuses the analyses cached beside the index
        self.repair(tell)
        files, skipped = expand(paths, collection)
        for s in skipped:
            tell("skipped", s)
        hashes = self.store.document_hashes()
        named: dict[str, set[str]] = {}  # content hash → the stored documents with it
        for name, h in hashes.items():
            named.setdefault(h, set()).add(name)
        redo_all = self._curation_changed() and bool(hashes)
        batch = {e.identity for e in files}
        seen: set[str] = set()
        chunk = _Chunk()
        say = functools.partial(self._say, chunk, tell=tell)
        with self._preparer({} if force or redo_all else dict(hashes)) as preparer:
            for p in preparer.prepared((Job(e.identity, e.path) for e in files), len(files)):
                identity, shown = p.job.identity, printable(str(p.job.path))
                if identity in seen:
                    say("skipped", {"path": shown, "reason": f"another file in this batch is also {identity}; "
                                     "ingest the folders one at a time with --collection NAME"})
                    continue
                seen.add(identity)
                if p.unchanged:
                    say("unchanged", identity)
                    continue
                twin = self._twin(p.source, hashes, named) if p.source else None
                if twin in batch or (twin and self._still_there(twin, p.source.content_hash)):
                    say("skipped", {"path": shown, "reason": f"same content as {twin}, which is stored: "
                                     "not ingested twice"})
                    continue
                try:
                    p = self._accept(p, preparer, chunk, twin, "ingested")
                except BadInput as e:
                    say("skipped", {"path": shown, "reason": str(e)})
                    continue
                if p.problem:
                    say("skipped", {"path": shown, **p.problem})
                    continue
                if twin:
                    named[hashes.pop(twin)].discard(twin)
                if identity in hashes:
                    named[hashes[identity]].discard(identity)
                hashes[identity] = p.source.content_hash
                named.setdefault(p.source.content_hash, set()).add(identity)
                if chunk.full:
                    self._write(chunk, tell)
            self._write(chunk, tell)
            self._settle(tell)
            if redo_all:  # the curation changed: every other stored document is derived again
                done_now = {d.document for d in report.ingested} | set(report.unchanged)
                self._redo(sorted(set(hashes) - done_now), preparer, None, tell)
        write_atomically(self._state_path(), json.dumps({"curation": self.curation.digest}))
        self.store.flush()
        return report

    def repair(self, tell: Callable[[str, object], None]) -> None:
        """Redo each document a crash left between graph and index, from its stored source (or take it out)."""
        pending = self.store.pending()
        if pending:
            with self._preparer({}) as preparer:
                self._redo(pending, preparer, "repaired", tell)

    def _redo(self, identities: list[str], preparer: Preparer, told_as: str | None, tell) -> None:
        """Derive stored documents again from their stored sources; one that cannot be is taken out whole."""
        jobs, lost = [], []
        for identity in identities:
            loaded = self.store.load_source(identity)
            if loaded is None:
                lost.append(identity)
            else:
                jobs.append(Job(identity, loaded[1], loaded[0]))
        chunk = _Chunk()
        for p in preparer.prepared(jobs, len(jobs)):
            try:
                p = self._accept(p, preparer, chunk, None, told_as)
            except BadInput:
                lost.append(p.job.identity)
                continue
            if p.problem:
                lost.append(p.job.identity)
            if chunk.full:
                self._write(chunk, tell)
        self._write(chunk, tell)
        self._settle(tell)
        for identity in lost:  # never left half-written
            self.remove_document(identity)
            if told_as:
                tell(told_as, identity)

    def _accept(self, p: Prepared, preparer: Preparer, chunk: _Chunk, twin: str | None,
                told_as: str | None) -> Prepared:
        """Take a prepared document into the chunk (unless it has a problem), its bodies into the known table."""
        if not p.problem and stale(p, self.added, self.known):  # resolved against a copy of the table that lacked a name
            p = preparer.again(p)
        if p.problem:
            return p
        writing = self._writing.owners if self._writing else {}
        owner = chunk.owners.get(p.graph) or writing.get(p.graph) or self._owner_of(p.graph)
        if owner not in (None, p.job.identity):
            raise BadInput(f"its document IRI <{p.graph}> is already {owner}'s; rename the file "
                           "or ingest it with another --collection")
        chunk.add(_Ready(p, twin, told_as))
        for kind, k, label, iri in p.bodies:
            if k not in self.known[kind]:
                self.known[kind][k] = (label, iri)
                self.added.append((kind, k))
        return p

    def _say(self, chunk: _Chunk, kind: str, item, tell) -> None:
        """Tell a result now, or after the documents before it (in the chunk, or being written) are written."""
        if chunk.ready:
            chunk.order.append((kind, item))
        elif self._writing is not None:
            self._writing.order.append((kind, item))
        else:
            tell(kind, item)

    def _write(self, chunk: _Chunk, tell) -> None:
        """Start writing a chunk (`_write_ready`, under pending markers) in a thread, once the chunk
        before it is written and told: the workers go on preparing the documents after it meanwhile,
        where they had waited for the whole write (the window of jobs in flight is a few documents)."""
        writing = _Writing(chunk.ready, chunk.order, chunk.owners)
        chunk.ready, chunk.order, chunk.size, chunk.owners = [], [], 0, {}
        self._settle(tell)
        if writing.ready:
            chunk.limit = CHUNK_DOCUMENTS
            writing.thread = threading.Thread(target=writing.run, args=(self._write_ready,), name="kg-ingest-writer")
            writing.thread.start()
        self._writing = writing

    def _settle(self, tell) -> None:
        """Wait for the chunk being written, then tell its results in input order."""
        writing, self._writing = self._writing, None
        if writing is None:
            return
        if writing.thread is not None:
            writing.thread.join()
        if writing.error is not None:
            raise writing.error  # the store cannot be written (disk full, permissions): no use going on
        order = writing.order
        if writing.failed is not None:
            path = lambda x: printable(str(x.prepared.job.path or x.identity))
            order = [("skipped", {"path": path(x), **writing.failed}) if isinstance(x, _Ready) else x for x in order]
        for x in order:
            if not isinstance(x, _Ready):
                tell(*x)
                continue
            if x.twin:
                self.remove_document(x.twin)
                tell("renamed", {"from": x.twin, "to": x.identity})
            if x.told_as == "ingested":
                tell("ingested", x.prepared.report)
            elif x.told_as:
                tell(x.told_as, x.identity)

    def _write_ready(self, ready: list[_Ready]) -> None:
        """Sources, then graphs (one bulk load), then index entries (one commit), all under pending markers."""
        for r in ready:
            self.store.mark_pending(r.identity)
        for r in ready:
            self.store.save_source(r.prepared.source.name, r.prepared.kept_source)
        self.store.write_document_graphs([r.prepared.graph for r in ready], b"".join(r.prepared.nquads for r in ready),
                                         b"".join(r.prepared.descriptions for r in ready))
        # the sections as the store now holds them, so the index cannot drift from the graph
        sections = sections_in_store(self.store, [r.prepared.graph for r in ready])
        self.index.replace_documents({r.identity: sections.get(r.identity, []) for r in ready})
        for r in ready:
            self.store.clear_pending(r.identity)
        if self.tables is not None:
            self.tables.add({r.prepared.graph: r.prepared.rows for r in ready})
        self.written.extend(r.identity for r in ready)
        self.written_graphs.update(r.prepared.graph for r in ready)

    def _twin(self, source: SourceText, hashes: dict[str, str], named: dict[str, set[str]]) -> str | None:
        """A stored document of another name with the same content (the file moved, or was copied)."""
        if source.name in hashes:
            return None  # a changed file keeps its name: no twin to look for
        return min(named.get(source.content_hash, ()), default=None)

    def _still_there(self, identity: str, content_hash: str) -> bool:
        """Whether the file a document was read from is still where it was, with that content (a copy, not a move)."""
        loaded = self.store.load_source(identity)
        path = loaded[1] if loaded else None
        try:
            return path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == content_hash
        except OSError:
            return False

    def _owner_of(self, graph: str) -> str | None:
        """The document a named graph holds, if any."""
        import pyoxigraph as ox

        q = "SELECT ?name ?g WHERE { GRAPH ?g { ?d <https://w3id.org/kg-minutes/ns#sourceFile> ?name } }"
        rows = self.store.select(q, {"g": ox.NamedNode(graph)})
        return rows[0]["name"].value if rows else None

    def remove_document(self, identity: str) -> None:
        """Take a document out of graph, index and sources, under its pending marker."""
        self.store.mark_pending(identity)
        self.store.remove_source(identity)
        graph = self.store.document_graph(identity)
        if graph is not None:
            self.store.remove_document_graph(graph)
        self.index.remove_document(identity)
        self.store.clear_pending(identity)
