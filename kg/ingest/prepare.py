"""One document read into its quads on its own: read → parse → extract → resolve → quads.

Documents are independent, so an ingest prepares them in a pool of worker processes
(`kg ingest --jobs N`) while its one writer stores what is ready. A worker resolves
against a copy of the store's known bodies and projects (the known table) taken when the
document was handed out; the writer takes results in input order and prepares again, in
its own process and against the live table, a document that looked up a name the table
gained since that copy (see `stale`). So the store is the same for any --jobs.
"""

from __future__ import annotations

import os
import pickle
import shutil
import threading
import traceback
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import BadInput
from kg.extract import extract
from kg.extract.graph import DocGraph
from kg.lang.text import key
from kg.model import SourceText
from kg.parse import parse
from kg.read import read_file
from kg.read.limits import Limits, time_limit
from kg.resolve.curation import Curation
from kg.resolve.resolver import resolve
from kg.store.graphstore import ENTITIES_GRAPH

POOL_MIN_DOCUMENTS = 8  # fewer than this are prepared in process: starting workers costs more


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


@dataclass(frozen=True)
class Settings:
    """What every document is prepared with, the same in every worker."""

    base: str
    curation: Curation
    limits: Limits
    stored: dict[str, str]  # identity → content hash of the stored documents a file may leave unchanged


@dataclass(frozen=True)
class Job:
    """A document to prepare: a file to read, or a stored text to derive again (source given)."""

    identity: str
    path: Path | None
    source: SourceText | None = None


@dataclass
class Prepared:
    """What became of one job; `problem` set when it could not be read (`source` None) or built."""

    job: Job
    source: SourceText | None = None
    unchanged: bool = False
    problem: dict | None = None  # {"reason", "trace"?}
    graph: str | None = None  # the document's named graph
    nquads: bytes = b""  # its own graph and its line spans' graphs
    descriptions: bytes = b""  # what it says of the entities it names, for the store's entities graph
    rows: dict = field(default_factory=dict)  # its rows of the tables beside the store (kg.ask.tables.rows_of)
    report: DocumentReport | None = None
    bodies: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, name key, label, IRI)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (kind, name key) not in the known table
    seen: int = 0  # how many additions to the known table the copy it was resolved against held


def build(source: SourceText, base: str, curation: Curation, known) -> tuple[DocGraph, list[tuple[str, str]]]:
    """The resolved graph of one document, and the names it did not find in known."""
    g = extract(parse(source))
    return g, resolve(g, base, curation, known)


def prepare(job: Job, settings: Settings, known, seen: int = 0) -> Prepared:
    """Read, build and turn one document into N-Quads; what goes wrong is told in `problem`."""
    import pyoxigraph as ox

    from kg.ask.tables import OneDocument, rows_of
    from kg.store.triples import to_quads

    source = job.source
    try:
        with time_limit(settings.limits.seconds):
            if source is None:
                source = read_file(job.path, job.identity, settings.limits)
                if settings.stored.get(job.identity) == source.content_hash:
                    return Prepared(job, source, unchanged=True)
            g, missed = build(source, settings.base, settings.curation, known)
    except BadInput as e:
        return Prepared(job, source, problem={"reason": str(e)})
    except Exception as e:  # one bad document must not stop the batch
        return Prepared(job, source, problem={"reason": f"could not be read as minutes: {type(e).__name__}: {e}",
                                              "trace": traceback.format_exc(limit=3)})
    quads = to_quads(g, settings.base)
    entities = ox.NamedNode(settings.base + ENTITIES_GRAPH)
    own = [q for q in quads if q.graph_name != entities]
    bodies = [(n.kind, key(n.label), n.label, n.iri) for n in g.entities() if n.kind in known and n.iri]
    return Prepared(job, source, graph=g.document.iri, nquads=ox.serialize(own, format=ox.RdfFormat.N_QUADS),
                    descriptions=ox.serialize([q for q in quads if q.graph_name == entities],
                                              format=ox.RdfFormat.N_QUADS),
                    rows=rows_of(OneDocument(own), g.document.iri),
                    report=_report(g), bodies=bodies, missed=missed, seen=seen)


def stale(p: Prepared, added: list[tuple[str, str]], known: dict) -> bool:
    """Whether a name the known table gained after p's copy of it could have resolved p otherwise:
    the same name key, or one close enough for the resolver's spelling match. A name the live table
    now holds under the very IRI p gave it resolves as it did (the resolver's exact match comes
    before any spelling match): a later document naming a body an earlier one in flight added."""
    from rapidfuzz import fuzz

    from kg.lang.bodies import FUZZY_MIN

    since = added[p.seen:]
    given = {(kind, k): iri for kind, k, _, iri in p.bodies}
    settled = {(kind, k) for kind, k in p.missed if k in known[kind] and known[kind][k][1] == given.get((kind, k))}
    return any(kind == new_kind and (k == new or (len(k) >= 8 and fuzz.ratio(k, new) >= FUZZY_MIN))
               for kind, k in p.missed if (kind, k) not in settled for new_kind, new in since)


class Preparer:
    """Prepares jobs and hands the results back in input order: in this process, or in a pool
    of `jobs` worker processes that keep a few documents each in flight."""

    def __init__(self, settings: Settings, known: dict, added: list, scratch: Path, jobs: int = 1):
        self.settings = settings
        self.known = known  # the live table, filled by the writer as documents are accepted
        self.added = added  # (kind, name key) of each addition to it, in order
        # where the workers' copies of the table go: in the store, which one ingest at a time writes,
        # so what a killed ingest left there is cleared by the next one (on entry) instead of piling up in /tmp
        self.scratch = scratch
        self.jobs = max(1, jobs)
        self._pool = None
        self._copy: tuple[str, int] | None = None  # (file of the table's copy, additions it holds)
        self._copies: deque[Path] = deque()

    def __enter__(self) -> "Preparer":
        shutil.rmtree(self.scratch, ignore_errors=True)
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        shutil.rmtree(self.scratch, ignore_errors=True)

    def prepared(self, jobs: Iterable[Job], count: int) -> Iterator[Prepared]:
        """Each job's result, in order (count: how many there are, to choose pool or process)."""
        if self.jobs == 1 or count < POOL_MIN_DOCUMENTS:
            for job in jobs:
                yield prepare(job, self.settings, self.known, len(self.added))
            return
        window: deque = deque()
        for job in jobs:
            window.append(self._submit(job))
            if len(window) >= 4 * self.jobs:
                yield self._result(window.popleft())
        while window:
            yield self._result(window.popleft())

    def again(self, p: Prepared) -> Prepared:
        """Prepare a stale result once more against the live table: in a worker when there are
        workers, so that this process (whose other thread writes the chunk before) is not held up."""
        job = Job(p.job.identity, p.job.path, p.source)
        if self._pool is None:
            return prepare(job, self.settings, self.known, len(self.added))
        return self._result(self._submit(job, live=True))

    def _submit(self, job: Job, live: bool = False):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["kg.ingest.prepare"])
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start_worker,
                                             initargs=(self.settings,))
            self.scratch.mkdir(parents=True, exist_ok=True)
        return job, self._pool, self._pool.submit(_prepare_in_worker, job, *self._table_copy(live))

    def _table_copy(self, live: bool = False) -> tuple[str, int]:
        """A file holding the known table as it is now, written again when it has grown by a few
        names (live: by any)."""
        grown = len(self.added) - self._copy[1] if self._copy else None
        if grown is None or grown >= (1 if live else max(1, len(self.added) // 50)):
            where = self.scratch / f"known-{len(self.added)}.pickle"
            tmp = where.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(self.known, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, where)
            self._copy = (str(where), len(self.added))
            self._copies.append(where)
            if len(self._copies) > 4 * self.jobs + 1:  # no job in flight can still name the oldest
                self._copies.popleft().unlink()
        return self._copy

    def _result(self, submitted) -> Prepared:
        from concurrent.futures.process import BrokenProcessPool

        job, pool, future = submitted
        try:
            return future.result()
        except BrokenProcessPool:
            if pool is not self._pool:  # in flight when another document broke the pool: try it again
                return self._result(self._submit(job))
            pool.shutdown(wait=False)
            self._pool = None  # a reader brought its worker down: the next job starts a new pool
            return Prepared(job, problem={"reason": "could not be read as minutes: the process reading it stopped"})


# -- in a worker process

_settings: Settings | None = None
_table: tuple[str, int, dict] | None = None  # (file, additions held, the table)


def _start_worker(settings: Settings) -> None:
    global _settings
    _settings = settings
    threading.Thread(target=_exit_with_parent, daemon=True).start()


def _exit_with_parent() -> None:
    """End this worker when the ingest that started it ends, however it ends: a worker of a killed
    ingest would otherwise wait for work for ever (its own end of the job queue keeps it open),
    with its morphology processes, ~100 MB each."""
    from multiprocessing import parent_process
    from multiprocessing.connection import wait

    parent = parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(1)


def _prepare_in_worker(job: Job, copy: str, seen: int) -> Prepared:
    global _table
    if _table is None or _table[0] != copy:
        _table = (copy, seen, pickle.loads(Path(copy).read_bytes()))
    return prepare(job, _settings, _table[2], _table[1])


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
