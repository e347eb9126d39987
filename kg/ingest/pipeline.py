"""Ingest: run read → parse → extract → resolve → store → index for each document.

A document is stored whole or not at all: its quads replace its named graph
in one step, then its sections replace its index entries; if indexing fails
the old graph is put back. A file that cannot be read is reported with its
reason and skipped; the rest of the batch goes on. An unchanged file (same
content hash, same curation) is not redone.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import BadInput
from kg.extract import extract
from kg.extract.graph import DocGraph
from kg.lang.text import key
from kg.model import SourceText
from kg.parse import parse
from kg.read import SUFFIXES, read_file
from kg.resolve.curation import Curation
from kg.resolve.resolver import FUZZY_KINDS, resolve
from kg.search.sections import sections_in_store
from kg.store.graphstore import GraphStore
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

    def to_json(self) -> dict:
        return {"ingested": [d.to_json() for d in self.ingested], "unchanged": self.unchanged,
                "skipped": self.skipped}


def expand(paths: list[Path]) -> tuple[list[Path], list[dict]]:
    """Files to read: named files, and the readable files under named folders."""
    files, skipped = [], []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            files.append(p)
        else:
            skipped.append({"path": str(p), "reason": "no such file or folder"})
    return files, skipped


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
    unplaced = [{"line": n, "text": t} for n, t in sorted(set(g.unclassified))]
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

    def __init__(self, store: GraphStore, index, curation: Curation):
        self.store = store
        self.index = index
        self.curation = curation

    def _state_path(self) -> Path:
        return self.store.path / "ingest-state.json"

    def _curation_changed(self) -> bool:
        p = self._state_path()
        state = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
        return state.get("curation") != self.curation.digest

    def _save_state(self) -> None:
        self._state_path().write_text(json.dumps({"curation": self.curation.digest}), encoding="utf-8")

    def ingest(self, paths: list[Path], *, force: bool = False) -> IngestReport:
        report = IngestReport()
        files, report.skipped = expand(paths)
        hashes = self.store.document_hashes()
        redo_all = self._curation_changed() and bool(hashes)
        known = _known_entities(self.store)
        names = set()
        for path in files:
            if path.name in names:
                report.skipped.append({"path": str(path), "reason": f"another file named {path.name} is in this batch"})
                continue
            names.add(path.name)
            try:
                source = read_file(path)
            except BadInput as e:
                report.skipped.append({"path": str(path), "reason": str(e)})
                continue
            if not force and not redo_all and hashes.get(source.name) == source.content_hash:
                report.unchanged.append(source.name)
                continue
            try:
                report.ingested.append(self._store_document(source, known))
            except Exception as e:  # one bad document must not stop the batch
                reason = f"could not be read as minutes: {type(e).__name__}: {e}"
                report.skipped.append({"path": str(path), "reason": reason, "trace": traceback.format_exc(limit=3)})
        if redo_all:
            done = {d.document for d in report.ingested} | set(report.unchanged)
            for name in sorted(set(hashes) - done):
                source = self.store.load_source(name)
                if source is not None:
                    self._store_document(source, known)
        self._save_state()
        self.store.flush()
        return report

    def _store_document(self, source: SourceText, known) -> DocumentReport:
        g = build(source, self.store, self.curation, known)
        quads = to_quads(g, self.store.base)
        graph = g.document.iri
        old = self.store.replace_graph(graph, quads)
        try:
            # the sections as the store now holds them, so the index cannot drift from the graph
            self.index.replace_document(source.name, sections_in_store(self.store, graph).get(source.name, []))
        except BaseException:
            self.store.restore_graph(graph, old)
            raise
        self.store.save_source(source)
        for node in g.entities():
            if node.kind in known and node.iri:
                known[node.kind].setdefault(key(node.label), (node.label, node.iri))
        return _report(g)
