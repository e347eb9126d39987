"""Ingest: run read → parse → extract → resolve → store → index for each document.

A document is known by its identity: its path under the folder given to
`kg ingest`, prefixed by that folder's name or by --collection
("minutes/2022/referat.txt"), so two files named referat.txt never replace
each other. A file moved or renamed with the same content is recognised by
its content hash and moved in the store, not stored twice.

Graph and index are written as a pair: a pending marker is written first and
cleared when both are in, and the next ingest redoes (or removes) any
document whose marker a crash left, and says so. A file that cannot be read,
or that is over a limit (kg.read.limits), is reported with its reason and
skipped; the rest of the batch goes on. Each result is handed to the caller
as soon as it is known. An unchanged file (same content hash, same curation)
is not redone.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import BadInput, KgError
from kg.extract import extract
from kg.extract.graph import DocGraph
from kg.lang.morphology import morphology
from kg.lang.text import key
from kg.model import SourceText
from kg.parse import parse
from kg.read import SUFFIXES, read_file
from kg.read.limits import DEFAULT, Limits, time_limit
from kg.resolve.curation import Curation
from kg.resolve.resolver import FUZZY_KINDS, resolve
from kg.search.sections import sections_in_store
from kg.store.graphstore import GraphStore, write_atomically
from kg.store.triples import to_quads


@dataclass
class DocumentReport:
    document: str
    sections: int
    entities: int
    meeting_date: str | None = None
    body: str | None = None
    attendees: int = 0
    unplaced: list[dict] = field(default_factory=list)
    # how much was read of each part ("roundtable_actors", "projects", "amounts", "decisions", "actions",
    # "events"), so a secretariat sees at once whether a file was read well
    found: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"document": self.document, "sections": self.sections, "entities": self.entities,
                "meeting_date": self.meeting_date, "body": self.body, "attendees": self.attendees,
                "found": self.found, "unplaced": self.unplaced}


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
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                out.append(Entry(here / name, identity_of(here / name, root, collection)))
    return out


def _known_entities(store: GraphStore) -> dict[str, dict[str, tuple[str, str]]]:
    """Bodies and projects already in the store by name key, to match a new spelling against."""
    from kg.vocab import CLASS_OF_KIND, RDFS

    out: dict[str, dict[str, tuple[str, str]]] = {}
    for kind in FUZZY_KINDS:
        rows = store.select(f"SELECT DISTINCT ?e ?l WHERE {{ GRAPH ?g {{ ?e a <{CLASS_OF_KIND[kind]}> ; <{RDFS.label}> ?l }} }}")
        out[kind] = {key(r["l"].value): (r["l"].value, r["e"].value) for r in rows}
    return out


def build(source: SourceText, store: GraphStore, curation: Curation, known) -> DocGraph:
    """The resolved graph of one document."""
    g = extract(parse(source))
    resolve(g, store.base, curation, known)
    return g


def _report(g: DocGraph) -> DocumentReport:
    m = g.minutes
    kinds = {"person", "municipality", "region", "organisation", "institution", "programme", "cluster",
             "project", "place", "topic"}
    entities = [n for n in g.entities() if n.kind in kinds]
    events = [n for n in g.nodes if n.kind == "event"]
    # names nothing could place, and lines of an attendance list that gave no person and no body
    unplaced = [{"line": n, "text": t} for n, t in sorted(set(g.unclassified) | set(m.unplaced))]
    guessed = [{"line": None, "text": f"{n.label} (kind guessed: {n.kind})"} for n in entities if n.props.get("guessed")]
    return DocumentReport(
        document=m.source.name, sections=len(m.sections), entities=len(entities) + len(events),
        meeting_date=m.meeting_date.isoformat() if m.meeting_date else None,
        body=g.body.label if g.body else None, attendees=len(m.attendance), unplaced=unplaced + guessed,
        found=_found(g))


def _found(g: DocGraph) -> dict[str, int]:
    """How many of each part of the minutes were read: round-table actors, projects, amounts, decisions ..."""
    from kg.vocab import KG

    count = lambda kind: sum(1 for n in g.nodes if n.kind == kind)
    return {"roundtable_actors": len({id(f.object) for f in g.facts if f.predicate == KG.actor}),
            "projects": count("project"), "clusters": count("cluster"), "amounts": count("amount"),
            "decisions": count("decision"), "actions": count("action"), "events": count("event")}


class Ingestor:
    """Ingests batches of files into one store and its index."""

    def __init__(self, store: GraphStore, index, curation: Curation, limits: Limits = DEFAULT):
        self.store = store
        self.index = index
        self.curation = curation
        self.limits = limits

    def _state_path(self) -> Path:
        return self.store.path / "ingest-state.json"

    def _curation_changed(self) -> bool:
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        return state.get("curation") != self.curation.digest

    def ingest(self, paths: list[Path], *, force: bool = False, collection: str | None = None,
               listener: Listener | None = None) -> IngestReport:
        report = IngestReport()

        def tell(kind: str, item) -> None:
            getattr(report, kind).append(item)
            if listener is not None:
                listener(kind, item)

        known = _known_entities(self.store)
        morphology().persist_in(self.index.path)  # topic tagging reuses the analyses cached beside the index
        self.repair(known, tell)
        files, skipped = expand(paths, collection)
        for s in skipped:
            tell("skipped", s)
        hashes = self.store.document_hashes()
        redo_all = self._curation_changed() and bool(hashes)
        batch = {e.identity for e in files}
        seen: set[str] = set()
        for entry in files:
            shown = printable(str(entry.path))
            if entry.identity in seen:
                tell("skipped", {"path": shown, "reason": f"another file in this batch is also {entry.identity}; "
                                 "ingest the folders one at a time with --collection NAME"})
                continue
            seen.add(entry.identity)
            try:
                with time_limit(self.limits.seconds):
                    source = read_file(entry.path, entry.identity, self.limits)
                    if not force and not redo_all and hashes.get(entry.identity) == source.content_hash:
                        tell("unchanged", entry.identity)
                        continue
                    twin = self._twin(source, hashes)
                    if twin in batch or (twin and self._still_there(twin, source.content_hash)):
                        raise BadInput(f"same content as {twin}, which is stored: not ingested twice")
                    g = build(source, self.store, self.curation, known)
            except BadInput as e:
                tell("skipped", {"path": shown, "reason": str(e)})
                continue
            except Exception as e:  # one bad document must not stop the batch
                tell("skipped", {"path": shown, "reason": f"could not be read as minutes: {type(e).__name__}: {e}",
                                 "trace": traceback.format_exc(limit=3)})
                continue
            try:
                done = self._store_document(source, entry.path, g, known)
            except BadInput as e:
                tell("skipped", {"path": shown, "reason": str(e)})
                continue
            except KgError:
                raise  # the store cannot be written (disk full, permissions): no use going on
            except Exception as e:  # its pending marker stays: the next ingest redoes or removes it
                tell("skipped", {"path": shown, "reason": f"could not be stored: {type(e).__name__}: {e}",
                                 "trace": traceback.format_exc(limit=3)})
                continue
            if twin:
                self.remove_document(twin)
                hashes.pop(twin, None)
                tell("renamed", {"from": twin, "to": entry.identity})
            hashes[entry.identity] = source.content_hash
            tell("ingested", done)
        if redo_all:
            done_now = {d.document for d in report.ingested} | set(report.unchanged)
            for name in sorted(set(hashes) - done_now):
                loaded = self.store.load_source(name)
                if loaded is not None:
                    self._store_document(loaded[0], loaded[1], None, known)
        write_atomically(self._state_path(), json.dumps({"curation": self.curation.digest}))
        self.store.flush()
        return report

    def repair(self, known, tell: Callable[[str, object], None]) -> None:
        """Redo each document a crash left between graph and index, from its stored source (or take it out)."""
        for identity in self.store.pending():
            loaded = self.store.load_source(identity)
            try:
                if loaded is None:
                    raise BadInput("its source was not kept")
                self._store_document(loaded[0], loaded[1], None, known)
            except Exception:  # what cannot be redone is taken out whole, never left half-written
                self.remove_document(identity)
            tell("repaired", identity)

    def _twin(self, source: SourceText, hashes: dict[str, str]) -> str | None:
        """A stored document of another name with the same content (the file moved, or was copied)."""
        if source.name in hashes:
            return None  # a changed file keeps its name: no twin to look for
        return next((name for name, h in sorted(hashes.items()) if h == source.content_hash), None)

    def _still_there(self, identity: str, content_hash: str) -> bool:
        """Whether the file a document was read from is still where it was, with that content (a copy, not a move)."""
        loaded = self.store.load_source(identity)
        path = loaded[1] if loaded else None
        try:
            return path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == content_hash
        except OSError:
            return False

    def _store_document(self, source: SourceText, path: Path | None, g: DocGraph | None, known) -> DocumentReport:
        """Graph, index and source of one document, as a pair the pending marker guards."""
        if g is None:
            g = build(source, self.store, self.curation, known)
        quads = to_quads(g, self.store.base)
        graph = g.document.iri
        owner = self._owner_of(graph)
        if owner not in (None, source.name):
            raise BadInput(f"its document IRI <{graph}> is already {owner}'s; rename the file "
                           "or ingest it with another --collection")
        self.store.mark_pending(source.name)
        self.store.save_source(source, path)
        self.store.write_document_graph(graph, quads)
        # the sections as the store now holds them, so the index cannot drift from the graph
        self.index.replace_document(source.name, sections_in_store(self.store, graph).get(source.name, []))
        self.store.clear_pending(source.name)
        for node in g.entities():
            if node.kind in known and node.iri:
                known[node.kind].setdefault(key(node.label), (node.label, node.iri))
        return _report(g)

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
            self.store.remove_graph(graph)
        self.index.remove_document(identity)
        self.store.clear_pending(identity)
