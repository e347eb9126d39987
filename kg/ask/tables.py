"""Precomputed tables beside the store, so a cold `kg ask` does not scan every document graph.

The name table is built from the graphs that describe each named thing once (the
entities graph and the derived graphs); meetings and events, described in their
document's graph, are the only kinds read from the documents. The table holds each
named thing once: its IRI, label, aliases, kinds (most specific first) and the
comparison keys a lookup uses (kg.lang.text.key of each name, the short forms of
kg.resolve.typed, the name without a legal form). Beside it: the date of the archive's
last meeting (what a question without a date is about), and the facts kg.ask.plans reads,
each with its line span and the document graph that holds it. They are written to ``tables.sqlite``
when the store changes (the ingest calls ``Archive.refresh_tables``), indexed by
each of those names, so a question looks up the few names its words could be and
reads nothing else: at 1,000 documents loading the whole table cost more than the
rest of a cold question. It is stamped with the store's generation token (which
every write to the graph replaces); a missing, unreadable or stale table is rebuilt
from the graph where it is needed, and written again when the store can be written to.

The fact rows are kept a document graph at a time: an ingest or removal that started from
tables in step with the store (``current``) reads the facts of only the graphs it wrote,
drops those of the graphs gone, and copies the rest from the old file
(``write_tables(..., since=..., written=...)``); the name rows too, of only the things those
graphs name (``names_of`` reads a thing's rows by pattern, as ``build_names`` reads them all). Anything else (a crash left the tables
behind the store, a curation decision rewrote it) rebuilds them from the whole graph.

The SPARQL the tables are built from is all in this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from kg import __version__
from kg.errors import StoreError
from kg.lang.text import key
from kg.resolve.typed import typed_forms
from kg.store.graphstore import BODIES_GRAPH, ENTITIES_GRAPH, REGIONS_GRAPH, THESAURUS_GRAPH, GraphStore
from kg.vocab import CLASS_OF_KIND, DCTERMS, KG, KIND_OF_CLASS, KINDS, ORG, PROV, RDF, RDFS, SKOS, sparql_prefixes

TABLES_FILE = "tables.sqlite"
INGEST_STATE = "ingest-state.json"  # written by kg.ingest.pipeline: the curation the graph was derived with
TABLES_FORMAT = 9  # raise when what the table holds, or how its keys are made, changes
DERIVED_GRAPHS = (THESAURUS_GRAPH, REGIONS_GRAPH, BODIES_GRAPH)  # rewritten apart from the documents
SHARED_GRAPHS = (ENTITIES_GRAPH, *DERIVED_GRAPHS)  # where the things of every kind but DOCUMENT_KINDS are named
DOCUMENT_KINDS = ("meeting", "event")  # described in their document's graph, not in the entities graph
_LEGAL_FORM = re.compile(r"\s(?:as|asa|sa|iks|kf|hf|ba|da|rhf)$")
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_OF_CLASS.values())}
FACT_PREDICATES = (KG.worksOn, ORG.hasMember, DCTERMS.subject, KG.partner, KG.onBehalfOf, KG.owner,
                   KG.worksWith)  # what kg.ask.plans reads
GROUP_RELATIONS = (ORG.hasMember, KG.partner)  # a cluster's members, a project's partners
DOCUMENT_GRAPHS = sparql_prefixes() + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d kg:sourceFile ?name } }"
LAST_MEETING = sparql_prefixes() + """
SELECT (MAX(?start) AS ?last) WHERE { GRAPH ?g { ?m a kg:Meeting ; schema:startDate ?start } }"""


def names_query(kind: str, base: str) -> str:
    """Every thing of one kind with its labels and aliases: from the documents' graphs for
    meetings and events, from the entities graph and the derived graphs for the rest."""
    # One query a class, written in (a constant of our vocabulary, not user text):
    # Oxigraph plans this ten times faster than a VALUES list or a bound $type.
    shared = "" if kind in DOCUMENT_KINDS else \
        f"VALUES ?g {{ {' '.join(f'<{base}{g}>' for g in (ENTITIES_GRAPH, *DERIVED_GRAPHS))} }}"
    return sparql_prefixes() + f"""
        SELECT DISTINCT ?e ?label ?alt WHERE {{ {shared}
          GRAPH ?g {{ ?e a <{CLASS_OF_KIND[kind]}> ; rdfs:label ?label . OPTIONAL {{ ?e skos:altLabel ?alt }} }}
        }}"""


def build_names(store) -> list[dict]:
    """The name table from the graph: one row a named thing (any store with ``select`` and ``base``)."""
    return _assemble((kind, r["e"].value, r["label"].value, r["alt"].value if "alt" in r else None)
                     for kind in KINDS for r in store.select(names_query(kind, store.base)))


def names_of(store: GraphStore, things) -> list[dict]:
    """The rows of build_names for these things only (IRIs), each read by pattern: its types,
    labels and aliases in each graph (as names_query reads them: a label with its type in one graph)."""
    import pyoxigraph as ox

    shared = {store.iri(g) for g in SHARED_GRAPHS}

    def by_graph(e, p: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for q in store.ox.quads_for_pattern(e, ox.NamedNode(p), None, None):
            if isinstance(q.graph_name, ox.NamedNode):
                found.setdefault(q.graph_name.value, []).append(q.object.value)
        return found

    def said(e) -> list[tuple]:
        typed = [(g, kind) for g, classes in by_graph(e, RDF.type).items() for kind in KINDS
                 if CLASS_OF_KIND[kind] in classes and (kind in DOCUMENT_KINDS or g in shared)]
        labels, alts = (by_graph(e, RDFS.label), by_graph(e, SKOS.altLabel)) if typed else ({}, {})
        return [(kind, e.value, label, alt) for g, kind in typed
                for label in labels.get(g, ()) for alt in alts.get(g, [None])]

    return _assemble(t for iri in things for t in said(ox.NamedNode(iri)))


def _assemble(said) -> list[dict]:
    """The name rows of what the graph says of things, (kind, thing, label, alias or None), in the
    table's order: by kind, then IRI (an order of the content alone, however the table was built)."""
    things: dict[str, dict] = {}
    for kind, e, label, alt in said:
        row = things.setdefault(e, {"iri": e, "kinds": [], "labels": {}, "alts": {}})
        if kind not in row["kinds"]:
            row["kinds"].append(kind)
        row["labels"][label] = None
        if alt is not None:
            row["alts"][alt] = None
    return sorted((_with_keys(row) for row in things.values()), key=order)


def order(row: dict) -> tuple[int, str]:
    """Where a row stands in the table: by its most specific kind, then its IRI."""
    return _KIND_ORDER[row["kinds"][0]], row["iri"]


def _with_keys(row: dict) -> dict:
    """A row with the comparison keys its lookups use, so loading the table computes none."""
    # the greatest of its labels: any choice made from the labels alone ("SEKRETARIATET" and
    # "Sekretariatet" give one label however the graph lists them)
    label, kinds = max(row["labels"]), sorted(row["kinds"], key=_KIND_ORDER.__getitem__)
    names = [*row["labels"], *row["alts"]]
    bare = _LEGAL_FORM.sub("", key(label)).strip()  # "Lister Nyskaping" for "Lister Nyskaping AS"
    return {"iri": row["iri"], "label": label, "kinds": kinds,
            "aliases": sorted(set(names) - {label}),
            "keys": sorted({key(n) for n in names}),
            "typed": {k: sorted(forms) for k in kinds if (forms := typed_forms(label, k))},
            "bare": bare if bare != key(label) else None}


def _absolute(reference: str) -> bool:
    """Whether an IRI reference has a scheme (RFC 3986: a colon before any slash)."""
    return ":" in reference.split("/", 1)[0]


def stamp(store: GraphStore) -> str:
    """The store's state as far as the tables are concerned: the graph's generation (replaced by
    every write to it), and the curation it was derived with and the kg that reads it."""
    h = hashlib.sha256(f"{TABLES_FORMAT} {__version__} {store.generation()}".encode())
    try:
        h.update((store.path / INGEST_STATE).read_bytes())
    except OSError:
        pass
    return h.hexdigest()


SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
-- a row of build_names, as JSON; ord: where it stands in the table (kg.ask.tables.order)
CREATE TABLE things (n INTEGER PRIMARY KEY, iri TEXT UNIQUE, ord TEXT, row TEXT);
CREATE INDEX things_in_order ON things (ord);
-- every name a thing is looked up by: 'key' (a name's key), 'bare' (without the legal form),
-- 'typed' (a short form, for one kind); length in characters, for the spelling lookup
CREATE TABLE names (name TEXT, how TEXT, kind TEXT, n INTEGER, length INTEGER);
CREATE INDEX names_by_name ON names (name, how);
CREATE INDEX names_by_length ON names (length, name);  -- holds what the spelling lookup reads
CREATE INDEX names_by_thing ON names (n);
-- the facts of FACT_PREDICATES read from the text, each with the line span that states it and the
-- document graph that holds both; IRIs numbered (a third of the size of the IRIs written out), each
-- written once, relative to the store's base IRI where it is under it (a third shorter): short_iri(?)
-- is how a lookup writes one, full_iri(terms.iri) how a read gives it back
CREATE TABLE terms (id INTEGER PRIMARY KEY, iri TEXT UNIQUE);
CREATE TABLE documents (g INTEGER PRIMARY KEY, file TEXT);  -- the graphs whose facts the tables hold
CREATE TABLE facts (p INTEGER, o INTEGER, s INTEGER, span INTEGER, g INTEGER,
                    PRIMARY KEY (p, o, s, span)) WITHOUT ROWID;
CREATE INDEX facts_by_graph ON facts (g);
CREATE INDEX facts_by_subject ON facts (p, s);
-- what an answer quotes of each of those line spans (its document is the graph's file): read from
-- Oxigraph, 800 spans cost a cold question at 10,000 documents 150 ms of scattered reads
CREATE TABLE evidence (span INTEGER PRIMARY KEY, g INTEGER, title TEXT, ls INTEGER, le INTEGER, quote TEXT);
CREATE INDEX evidence_by_graph ON evidence (g);
-- the members of each cluster and the partners of each project on a topic, as one graph g states
-- both the topic and the relation (a document's graph, or a graph derived apart from them)
CREATE TABLE groups (t INTEGER, rel INTEGER, grp INTEGER, member INTEGER, g INTEGER,
                     PRIMARY KEY (t, rel, grp, member, g)) WITHOUT ROWID;
CREATE INDEX groups_by_graph ON groups (g);
-- each attendance (kg:onBehalfOf a body) a document's graph states, with its person, role and meeting
-- as that graph gives them: one row for each combination, NULL for one it leaves out
CREATE TABLE attendance (body INTEGER, att INTEGER, person INTEGER, role TEXT, meeting INTEGER, g INTEGER);
CREATE INDEX attendance_by_body ON attendance (body, g);
CREATE INDEX attendance_by_graph ON attendance (g);
-- the things a graph names a meeting or an event (a document's graph), or names at all (a derived
-- graph): whose name rows to read again when that graph is rewritten or gone
CREATE TABLE placed (g INTEGER, thing INTEGER);
CREATE INDEX placed_by_graph ON placed (g);
"""


class Tables:
    """The tables, read a name at a time (a cold question reads only the rows its words name)."""

    def __init__(self, db: sqlite3.Connection, base: str | None = None):
        self.db = db
        self.base = base if base is not None else self._meta("base") or ""
        db.create_function("short_iri", 1, self.short, deterministic=True)
        db.create_function("full_iri", 1, self.full, deterministic=True)

    def short(self, iri: str) -> str:
        """An IRI as the terms table holds it: relative to the base when it is under it (and the rest
        cannot be taken for an IRI of its own: a relative reference has no colon before its first slash)."""
        rest = iri[len(self.base):]
        return rest if self.base and iri.startswith(self.base) and not _absolute(rest) else iri

    def full(self, term: str) -> str:
        """An IRI from the terms table (the inverse of short)."""
        return term if _absolute(term) else self.base + term

    @classmethod
    def of_contents(cls, contents: dict, state: str = "", path=None) -> "Tables":
        """The tables of what ``build`` read from the graph, in a file at path or in memory."""
        db = sqlite3.connect(path or ":memory:")
        db.executescript(SCHEMA)
        table = cls(db, contents["base"])
        table._write(contents, state)
        table._put_names(contents["names"])
        if contents["facts"] is not None:
            table._add_facts(contents)
        db.commit()
        return table

    def _write(self, contents: dict, state: str) -> None:
        """The meta rows in place of those held."""
        self.db.execute("DELETE FROM meta")
        self.db.executemany("INSERT INTO meta VALUES (?, ?)",
                            [("format", str(TABLES_FORMAT)), ("stamp", state), ("base", self.base),
                             ("last_meeting", contents["last_meeting"]),
                             ("facts", "kept" if contents["facts"] is not None else None)])

    def _put_names(self, rows: list[dict], things=None) -> None:
        """Name rows in place of those of these things (IRIs; of all when None)."""
        db = self.db
        if things is None:
            db.execute("DELETE FROM things")
            db.execute("DELETE FROM names")
        else:
            found = [n for iri in things for n, in db.execute("SELECT n FROM things WHERE iri = ?", (iri,))]
            db.executemany("DELETE FROM names WHERE n = ?", ((n,) for n in found))
            db.executemany("DELETE FROM things WHERE n = ?", ((n,) for n in found))
        start = db.execute("SELECT coalesce(MAX(n), -1) + 1 FROM things").fetchone()[0]
        numbered = list(enumerate(rows, start))
        db.executemany("INSERT INTO things VALUES (?, ?, ?, ?)",
                       ((n, row["iri"], "%02d %s" % order(row), json.dumps(row, ensure_ascii=False))
                        for n, row in numbered))
        names = [(k, "key", None, n) for n, row in numbered for k in row["keys"]]
        names += [(row["bare"], "bare", None, n) for n, row in numbered if row["bare"]]
        names += [(form, "typed", kind, n) for n, row in numbered
                  for kind, forms in row["typed"].items() for form in forms]
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", ((*r, len(r[0])) for r in names))

    def things(self) -> set[str]:
        """Every thing the name table holds (IRIs)."""
        return {iri for iri, in self.db.execute("SELECT iri FROM things")}

    def placed(self, graphs) -> set[str]:
        """The things these graphs name a meeting or event, or (a derived graph) name at all."""
        return {iri for g in graphs for iri, in self.db.execute(
            "SELECT full_iri(t.iri) FROM placed JOIN terms t ON t.id = thing "
            "WHERE g = (SELECT id FROM terms WHERE iri = short_iri(?))",
            (g,))}

    def _add_facts(self, contents: dict) -> None:
        """The fact and group rows of some graphs (none of which the tables hold yet), and those graphs."""
        db, ids = self.db, {}

        def number(iri: str) -> int:
            if iri not in ids:
                db.execute("INSERT OR IGNORE INTO terms (iri) VALUES (short_iri(?))", (iri,))
                ids[iri] = db.execute("SELECT id FROM terms WHERE iri = short_iri(?)", (iri,)).fetchone()[0]
            return ids[iri]

        db.executemany("INSERT OR IGNORE INTO documents VALUES (?, ?)", ((number(g), file) for g, file in contents["documents"]))
        db.executemany("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                       ((number(span), number(g), title, ls, le, quote) for g, span, title, ls, le, quote in contents["evidence"]))
        db.executemany("INSERT OR IGNORE INTO facts VALUES (?, ?, ?, ?, ?)",
                       ((number(p), number(o), number(s), number(span), number(g)) for g, span, s, p, o in contents["facts"]))
        db.executemany("INSERT OR IGNORE INTO groups VALUES (?, ?, ?, ?, ?)",
                       ((number(t), number(rel), number(grp), number(m), number(g))
                        for g, t, grp, rel, m in contents["groups"]))
        db.executemany("INSERT INTO attendance VALUES (?, ?, ?, ?, ?, ?)",
                       ((number(body), number(att), person and number(person), role, meeting and number(meeting),
                         number(g)) for g, body, att, person, role, meeting in contents["attendance"]))
        db.executemany("INSERT INTO placed VALUES (?, ?)", ((number(g), number(e)) for g, e in contents["placed"]))

    def _drop_graphs(self, graphs) -> None:
        """Forget the fact and group rows of these graphs."""
        found = [row for g in graphs
                 if (row := self.db.execute("SELECT id FROM terms WHERE iri = short_iri(?)", (g,)).fetchone())]
        for table in ("documents", "facts", "evidence", "groups", "attendance", "placed"):
            self.db.executemany(f"DELETE FROM {table} WHERE g = ?", found)

    def documents(self) -> set[str]:
        """The document graphs whose facts the tables hold."""
        return {iri for iri, in self.db.execute("SELECT full_iri(iri) FROM documents JOIN terms ON id = g")}

    @classmethod
    def open(cls, path) -> "Tables":
        """A table file, read-only (it is replaced whole, never changed in place)."""
        return cls(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True))

    def _meta(self, name: str) -> str | None:
        found = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return found[0] if found else None

    def stamp(self) -> str | None:
        return self._meta("stamp") if self._meta("format") == str(TABLES_FORMAT) else None

    def last_meeting(self) -> date | None:
        """The date of the archive's latest meeting (what "the meeting" means without a date)."""
        value = self._meta("last_meeting")
        return date.fromisoformat(value) if value else None

    def has_facts(self) -> bool:
        """Whether the fact table was kept (not for a SPARQL server: its graph is asked itself)."""
        return self._meta("facts") is not None

    def _only(self, column: str, iris) -> str:
        """A condition keeping the rows whose column is one of these IRIs (any, when None): a question
        wanting one kind of answer leaves the rest in SQLite, unread (at 10,000 documents "which
        regions work on AI" kept 1 row in 20 of those on the topic)."""
        if iris is None:
            return ""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.wanted")
        self.db.executemany("INSERT OR IGNORE INTO temp.wanted SELECT id FROM terms WHERE iri = short_iri(?)",
                            ((iri,) for iri in iris))
        return f" AND {column} IN (SELECT id FROM temp.wanted)"

    def spans(self, p: str, o: str, subjects=None) -> list[tuple[str, str]]:
        """The line spans stating (s p o), of any s or of these subjects, with each s: (span, s), in order."""
        return [(span, subject) for span, subject, _ in self.stated(p, o, subjects)]

    def stated(self, p: str, o: str, subjects=None) -> list[tuple[str, str, str]]:
        """The line spans stating (s p o), of any s or of these subjects, each with its s and its
        document's graph, in order."""
        ids = dict(self.db.execute("SELECT full_iri(iri), id FROM terms WHERE iri IN (short_iri(?), short_iri(?))", (p, o)))
        if p not in ids or o not in ids:
            return []
        only = self._only("facts.s", subjects)
        return self.db.execute("SELECT full_iri(span.iri), full_iri(subject.iri), full_iri(g.iri) FROM facts "
                               "JOIN terms span ON span.id = facts.span JOIN terms subject ON subject.id = facts.s "
                               f"JOIN terms g ON g.id = facts.g WHERE p = ? AND o = ?{only} ORDER BY 2, 1",
                               (ids[p], ids[o])).fetchall()

    def evidence(self, spans) -> dict[str, tuple[str, str, int, int, str]]:
        """What the tables hold of these line spans: span → (file, section title, first line, last
        line, quote); a span they do not hold (a section, a fact they do not keep) is left out."""
        only = self._only("evidence.span", spans)
        return {span: tuple(rest) for span, *rest in self.db.execute(
            "SELECT full_iri(t.iri), file, title, ls, le, quote FROM evidence JOIN terms t ON t.id = evidence.span "
            f"JOIN documents ON documents.g = evidence.g WHERE TRUE{only}")}

    def said_of(self, s: str, p: str) -> list[tuple[str, str, str]]:
        """The line spans stating (s p something), each with its object and its document's graph, in order."""
        return self.db.execute("SELECT full_iri(span.iri), full_iri(object.iri), full_iri(g.iri) FROM facts "
                               "JOIN terms span ON span.id = facts.span JOIN terms object ON object.id = facts.o "
                               "JOIN terms g ON g.id = facts.g WHERE p = (SELECT id FROM terms WHERE iri = short_iri(?)) "
                               "AND s = (SELECT id FROM terms WHERE iri = short_iri(?)) ORDER BY 2, 1",
                               (p, s)).fetchall()

    def said_with(self, p: str, o: str, q: str, objects=None) -> list[tuple[str, str, str]]:
        """What the spans stating (s p o) also state of the same s by q, of any object or of these:
        (span, s, object of q), in order. One join, where a lookup a subject at a time made a question
        at 10,000 documents read every q of every subject on o (1.2 s for "which regions work on AI")."""
        only = self._only("w.o", objects)
        return self.db.execute("SELECT full_iri(span.iri), full_iri(subject.iri), full_iri(object.iri) FROM facts f "
                               "JOIN facts w ON w.p = (SELECT id FROM terms WHERE iri = short_iri(?)) "
                               "AND w.s = f.s AND w.span = f.span "
                               "JOIN terms span ON span.id = f.span JOIN terms subject ON subject.id = f.s "
                               "JOIN terms object ON object.id = w.o "
                               "WHERE f.p = (SELECT id FROM terms WHERE iri = short_iri(?)) "
                               f"AND f.o = (SELECT id FROM terms WHERE iri = short_iri(?)){only} ORDER BY 2, 3, 1",
                               (q, p, o)).fetchall()

    def groups(self, t: str, rel: str, same_graph: bool = True, members=None) -> list[tuple[str, str, str]]:
        """The groups on topic t (clusters, projects), their members by rel (any, or of these) and each
        line span stating that membership: (group, member, span), in order. same_graph: only the spans
        of the graph that states both the topic and the membership (once for each such graph), else
        every span, once. One join: a lookup a membership at a time cost 861 queries at 10,000 documents."""
        graph_join = "AND f.g = groups.g " if same_graph else ""
        only = self._only("member", members)
        return self.db.execute(f"SELECT {'' if same_graph else 'DISTINCT '}full_iri(c.iri), full_iri(m.iri), "
                               "full_iri(span.iri) FROM groups JOIN facts f ON f.p = groups.rel "
                               f"AND f.o = groups.member AND f.s = groups.grp {graph_join}"
                               "JOIN terms c ON c.id = grp JOIN terms m ON m.id = member JOIN terms span ON span.id = f.span "
                               "JOIN terms g ON g.id = groups.g "
                               "WHERE t = (SELECT id FROM terms WHERE iri = short_iri(?)) AND rel = (SELECT id FROM terms "
                               f"WHERE iri = short_iri(?)){only} ORDER BY 1, 2, {'full_iri(g.iri), ' if same_graph else ''}3",
                               (t, rel)).fetchall()

    def attended(self, body: str) -> list[tuple[str, str, str, str, bool]]:
        """Who a line span says attended for body, as its document's graph gives the attendance: (span,
        attendance, person, role, whether anyone not absent came for body to that meeting in that graph;
        to any meeting of it, when the attendance names none), in order."""
        return self.db.execute(
            "SELECT full_iri(span.iri), full_iri(att.iri), full_iri(person.iri), a.role, EXISTS (SELECT 1 "
            "  FROM attendance came WHERE came.body = a.body AND came.g = a.g "
            "  AND came.meeting = coalesce(a.meeting, came.meeting) AND came.role != 'absent') "
            "FROM terms b JOIN facts f ON f.p = (SELECT id FROM terms WHERE iri = short_iri(?)) AND f.o = b.id "
            "JOIN attendance a ON a.body = f.o AND a.att = f.s AND a.g = f.g "
            "JOIN terms span ON span.id = f.span JOIN terms att ON att.id = a.att "
            "JOIN terms person ON person.id = a.person "
            "WHERE b.iri = short_iri(?) AND a.role IS NOT NULL ORDER BY 3, 1, 2, a.role",
            (KG.onBehalfOf, body)).fetchall()

    def named(self, name: str, how: str) -> list[dict]:
        """The rows a name ('key' or 'bare') is a name of, in the table's order."""
        return self._rows("n IN (SELECT n FROM names WHERE name = ? AND how = ?)", (name, how))

    def typed(self, form: str) -> list[tuple[dict, str]]:
        """The rows a short form names, each with the kind it is a short form for."""
        return [(json.loads(row), kind) for row, kind in self.db.execute(
            "SELECT row, kind FROM names JOIN things USING (n) WHERE name = ? AND how = 'typed' ORDER BY ord",
            (form,))]

    def names(self, shortest: int, longest: int) -> list[str]:
        """Every name of so many characters, once, sorted: read from the index alone (in the order of
        the things they name, 45,000 names at 10,000 documents cost a cold question 0.34 s)."""
        return [name for name, in self.db.execute("SELECT DISTINCT name FROM names WHERE length BETWEEN ? AND ? "
                                                  "ORDER BY name", (shortest, longest))]

    def first_named(self, name: str) -> str:
        """Where the first thing a name names stands in the table (kg.ask.tables.order)."""
        return self.db.execute("SELECT MIN(ord) FROM names JOIN things USING (n) WHERE name = ?", (name,)).fetchone()[0]

    def row(self, iri: str) -> dict | None:
        """The row of one thing, if the table holds it."""
        found = self._rows("iri = ?", (iri,))
        return found[0] if found else None

    def rows(self) -> list[dict]:
        return self._rows("1", ())

    def _rows(self, where: str, args: tuple) -> list[dict]:
        return [json.loads(row) for row, in self.db.execute(f"SELECT row FROM things WHERE {where} ORDER BY ord", args)]


def build_last_meeting(store) -> str | None:
    """The date of the latest meeting in the graph, as written (YYYY-MM-DD)."""
    rows = store.select(LAST_MEETING)
    value = rows[0].get("last") if rows else None
    return value.value[:10] if value is not None else None


def document_graphs(store: GraphStore) -> set[str]:
    """The named graph of every stored document."""
    return {r["g"].value for r in store.select(DOCUMENT_GRAPHS)}


def facts_of(store: GraphStore, graph: str) -> tuple[list[tuple[str, str, str, str, str]], list[tuple]]:
    """The facts of FACT_PREDICATES a document's line spans state, (graph, span, s, p, o), and what an
    answer quotes of those spans, (graph, span, section title, first line, last line, quote). Read by
    pattern, a span at a time: Oxigraph plans the same SPARQL with the graph given as a scan of
    every span in the store."""
    import pyoxigraph as ox

    wanted, g = set(FACT_PREDICATES), ox.NamedNode(graph)
    facts, evidence, titles = [], [], {}
    for e in store.ox.quads_for_pattern(None, ox.NamedNode(RDF.type), ox.NamedNode(KG.Evidence), g):
        stated = [(graph, e.subject.value, q.subject.value, q.predicate.value, q.object.value)
                  for q in store.ox.quads_for_pattern(None, None, None, e.subject) if q.predicate.value in wanted]
        if stated:
            said = {q.predicate.value: q.object for q in store.ox.quads_for_pattern(e.subject, None, None, g)}
            section = said[PROV.wasDerivedFrom]
            if section.value not in titles:
                titles[section.value] = _value(store, section, DCTERMS.title, graph)
            if titles[section.value] is not None:  # as the graph's evidence query, which asks for one
                evidence.append((graph, e.subject.value, titles[section.value], int(said[KG.lineStart].value),
                                 int(said[KG.lineEnd].value), said[KG.quote].value))
            facts += stated
    return facts, evidence


def _value(store: GraphStore, subject, predicate: str, graph: str) -> str | None:
    """The object of the first (subject predicate ?o) in graph (any subject when subject is None)."""
    import pyoxigraph as ox

    quads = store.ox.quads_for_pattern(subject, ox.NamedNode(predicate), None, ox.NamedNode(graph))
    return next((q.object.value for q in quads), None)


def groups_of(store: GraphStore, graph: str) -> list[tuple[str, str, str, str, str]]:
    """The groups a graph gives a topic and members (a cluster's, a project's partners) in the same
    graph: (graph, topic, group, relation, member)."""
    import pyoxigraph as ox

    g = ox.NamedNode(graph)
    topics: dict[str, list[str]] = {}
    for q in store.ox.quads_for_pattern(None, ox.NamedNode(DCTERMS.subject), None, g):
        topics.setdefault(q.subject.value, []).append(q.object.value)
    return sorted({(graph, t, q.subject.value, rel, q.object.value) for rel in GROUP_RELATIONS
                   for q in store.ox.quads_for_pattern(None, ox.NamedNode(rel), None, g)
                   for t in topics.get(q.subject.value, ())})


def attendance_of(store: GraphStore, graph: str) -> list[tuple]:
    """The attendances a document's graph states, each with its person, role and meeting there (None
    for one it does not give; a role by its text): (graph, body, attendance, person, role, meeting)."""
    import pyoxigraph as ox

    g = ox.NamedNode(graph)

    def values(att, p: str) -> list:
        return [q.object.value for q in store.ox.quads_for_pattern(att, ox.NamedNode(p), None, g)] or [None]

    return [(graph, q.object.value, q.subject.value, person, role, meeting)
            for q in store.ox.quads_for_pattern(None, ox.NamedNode(KG.onBehalfOf), None, g)
            for person in values(q.subject, KG.person) for role in values(q.subject, KG.attendanceRole)
            for meeting in values(q.subject, KG.meeting)]


def placed_of(store: GraphStore, graph: str, kinds) -> list[tuple[str, str]]:
    """The things of these kinds a graph gives a type: (graph, thing)."""
    import pyoxigraph as ox

    classes = {CLASS_OF_KIND[k] for k in kinds}
    return sorted({(graph, q.subject.value)
                   for q in store.ox.quads_for_pattern(None, ox.NamedNode(RDF.type), None, ox.NamedNode(graph))
                   if q.object.value in classes})


def typed_things(store: GraphStore) -> set[str]:
    """Every thing the name table could hold: given a type of its kind where names_query reads it."""
    import pyoxigraph as ox

    shared = {t for g in SHARED_GRAPHS for _, t in placed_of(store, store.iri(g), KINDS)}
    return shared | {q.subject.value for k in DOCUMENT_KINDS
                     for q in store.ox.quads_for_pattern(None, ox.NamedNode(RDF.type), ox.NamedNode(CLASS_OF_KIND[k]))
                     if isinstance(q.graph_name, ox.NamedNode)}


def mentioned(store: GraphStore, graph: str) -> set[str]:
    """The IRIs a graph names, as subject or object."""
    import pyoxigraph as ox

    return {t.value for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}


class OneDocument:
    """One document's quads in memory (its graph and its line spans' graphs), looked up by pattern
    as a GraphStore's are (``.ox.quads_for_pattern``): the worker that made them reads their
    table rows (rows_of) with the functions that read a stored document's."""

    def __init__(self, quads):
        self.ox = self
        self._by: dict[tuple, list] = {}  # (graph, predicate or None) → quads
        self._by_subject: dict[tuple, dict] = {}  # (graph, predicate or None) → subject → quads, made when asked
        for q in quads:
            self._by.setdefault((q.graph_name, q.predicate), []).append(q)
            self._by.setdefault((q.graph_name, None), []).append(q)

    def quads_for_pattern(self, s, p, o, g) -> list:
        quads = self._by.get((g, p), ()) if s is None else self._of_subject(g, p).get(s, ())
        return [q for q in quads if o is None or q.object == o]

    def _of_subject(self, g, p) -> dict:
        """The quads of (g, p) by subject: rows_of asks for each line span's and attendance's own quads,
        which a scan of the graph would find at a cost growing with the square of the document."""
        index = self._by_subject.get((g, p))
        if index is None:
            index = self._by_subject[(g, p)] = {}
            for q in self._by.get((g, p), ()):
                index.setdefault(q.subject, []).append(q)
        return index


def rows_of(store, graph: str) -> dict:
    """A document graph's rows of the fact, evidence, group, attendance and placed tables, and its file."""
    facts, evidence = facts_of(store, graph)
    return {"placed": placed_of(store, graph, DOCUMENT_KINDS), "facts": facts, "evidence": evidence,
            "groups": groups_of(store, graph), "attendance": attendance_of(store, graph),
            "file": _value(store, None, KG.sourceFile, graph)}


def _joined(graphs, rows: dict[str, dict]) -> dict:
    """The rows of these document graphs, one table after another, in the order of the graphs."""
    graphs = sorted(graphs)
    return {"documents": [(g, rows[g]["file"]) for g in graphs],
            **{t: [r for g in graphs for r in rows[g][t]] for t in ("placed", "facts", "evidence", "groups", "attendance")}}


def build_facts(store: GraphStore, graphs) -> dict:
    """The fact and group rows of these document graphs, and of the graphs kept apart from the
    documents (rewritten at every ingest, so always read again)."""
    shared = [store.iri(g) for g in SHARED_GRAPHS]
    derived = [store.iri(g) for g in DERIVED_GRAPHS]
    contents = _joined(graphs, {g: rows_of(store, g) for g in graphs})
    contents["placed"] += [p for g in derived for p in placed_of(store, g, KINDS)]
    contents["groups"] += [r for g in shared for r in groups_of(store, g)]
    return contents


def build(store, *, facts: bool, graphs=None) -> dict:
    """What the tables hold, read from the graph (the fact tables only when asked for: of the
    document graphs given, else of every one)."""
    contents = {"base": store.base, "names": build_names(store), "last_meeting": build_last_meeting(store),
                "facts": None, "evidence": None, "groups": None, "documents": None,
                "attendance": None, "placed": None}
    if facts:
        contents |= build_facts(store, document_graphs(store) if graphs is None else graphs)
    return contents


def built(store) -> Tables:
    """The tables built from the graph, for this process only (a SPARQL server's: no fact table)."""
    return Tables.of_contents(build(store, facts=isinstance(store, GraphStore)))


def current(store: GraphStore) -> Tables | None:
    """The tables beside the store if they are in step with it (what an ingest may start from)."""
    path = store.path / TABLES_FILE
    try:
        table = Tables.open(path) if path.is_file() and not store.pending() else None
        return table if table is not None and table.stamp() == stamp(store) and table.has_facts() else None
    except sqlite3.Error:
        return None


class Rewrite:
    """The tables being brought up to the store while an ingest changes it, in a file of their own
    beside it, renamed over the old one when done (a reader sees one whole table or the other).
    The rows of the documents an ingest writes are added as each chunk is written (`add`, with rows
    the workers read from the quads they made: rows_of on OneDocument); what only the whole store
    can say (the names, the graphs apart from the documents, the last meeting) is read at the end
    (`finish`). since: the tables as they were in step with the store before it changed, which are
    then brought up to it; without them, they are built anew from the whole graph."""

    def __init__(self, store: GraphStore, since: Tables | None = None):
        self.store, self.since = store, since
        self.path = store.path / TABLES_FILE
        self.tmp = _own_temporary(self.path)
        self.read: set[str] = set()  # document graphs whose rows were added
        self.replaced: set[str] = set()  # the things their old rows named a meeting or event
        try:
            if since is not None:
                since.db.close()
                shutil.copyfile(self.path, self.tmp)
            # added to by the ingest's writer thread, finished by its main thread (never both at once)
            self.table = Tables(sqlite3.connect(self.tmp, check_same_thread=False),
                                None if since is not None else store.base)
            if since is None:
                self.table.db.executescript(SCHEMA)
            self.held = self.table.documents()  # the document graphs the tables held before
        except (OSError, sqlite3.Error) as e:
            self._failed(e)

    def add(self, rows: dict[str, dict]) -> None:
        """The rows of documents just written (graph → rows_of), in place of those their graphs had."""
        try:
            self.replaced |= self.table.placed(rows)
            self.table._drop_graphs(rows)
            self.table._add_facts(_joined(rows, rows))
            self.table.db.commit()
        except sqlite3.Error as e:
            self._failed(e)
        self.read.update(rows)

    def finish(self, state: str | None = None, written: set[str] = frozenset()) -> Tables:
        """The rest read from the store, and the file in place of the old one. written: the document
        graphs written since `since` (a graph no longer in the store is gone)."""
        try:
            gone = self.read - document_graphs(self.store)  # written, then taken out by the same ingest
            self.table._drop_graphs(gone)
            self.read -= gone
            if self.since is None:
                self._build(state or stamp(self.store))
            else:
                _update(self.table, self.store, state or stamp(self.store), written, self.read, self.replaced, self.held)
            self.table.db.close()
            os.replace(self.tmp, self.path)
        except (OSError, sqlite3.Error) as e:
            self._failed(e)
        return Tables.open(self.path)

    def abandon(self) -> None:
        """Leave the old tables as they are (the ingest stopped: they are stale, and rebuilt when next needed)."""
        self.table.db.close()
        self.tmp.unlink(missing_ok=True)

    def _build(self, state: str) -> None:
        contents = build(self.store, facts=True, graphs=document_graphs(self.store) - self.read)
        self.table._write(contents, state)
        self.table._put_names(contents["names"])
        self.table._add_facts(contents)
        self.table.db.commit()

    def _failed(self, e: Exception):
        self.tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {self.path}: {getattr(e, 'strerror', None) or e}") from None


def _own_temporary(path: Path) -> Path:
    """A file beside the tables for one Rewrite alone, named by its process: a reader that rebuilds
    stale tables while an ingest writes its own must not take the ingest's file. Those left by a
    process that has ended (a crash) are removed first, and so is the one name older kgs shared."""
    path.with_name(f".{path.name}.tmp").unlink(missing_ok=True)
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        pid = old.name[len(path.name) + 2:].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            old.unlink(missing_ok=True)
    return path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal: only asks whether the process exists
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # another user's
        pass
    return True


def write_tables(store: GraphStore, state: str | None = None, *, since: Tables | None = None,
                 written: set[str] = frozenset()) -> Tables:
    """Build the tables from the graph and write them beside it (see Rewrite): since, the tables as they
    were in step with the store before it changed, and written, the document graphs written since:
    only their facts are read."""
    return Rewrite(store, since).finish(state, written)


def _update(table: Tables, store: GraphStore, state: str, written: set[str], read=frozenset(),
            replaced=frozenset(), held: set[str] | None = None) -> None:
    """Bring a copy of tables that were in step with the store to it after documents were written
    or removed: the facts of the graphs written or gone are dropped, those written read again
    (unless read already: read, and replaced, the things their old rows named a meeting or event);
    the name rows read again are those of the things the graphs written name (an entity is described
    in the entities graph only by the documents that name it: kg.store.graphstore), of those the
    graphs rewritten or gone named a meeting or event, of those a derived graph names, and, when a
    graph was rewritten or gone, of those come or gone (the entities no document names any more).
    held: the document graphs the tables held before anything was read."""
    now, held = document_graphs(store), table.documents() if held is None else held
    todo = (now - held) | (set(written) & now)
    shared = [store.iri(g) for g in SHARED_GRAPHS]
    unread = [*(held - now), *(todo - set(read)), *shared]
    stale = set(replaced) | table.placed(unread)
    table._drop_graphs(unread)
    contents = build_facts(store, todo - set(read)) | {"last_meeting": build_last_meeting(store)}
    touched = (stale | {t for _, t in contents["placed"]} | table.placed(read)
               | {iri for g in todo for iri in mentioned(store, g)})
    if (held & todo) | (held - now):  # a graph rewritten or gone: the entities it alone named are gone too
        touched |= typed_things(store) ^ table.things()
    table._put_names(names_of(store, sorted(touched)), touched)
    table._write(contents, state)
    table._add_facts(contents)
    table.db.commit()


def tables(store) -> Tables:
    """The tables: the side file when it fits the store, else built (and kept if it can be)."""
    if not isinstance(store, GraphStore) or store.pending():
        # a SPARQL server (nothing of ours beside it), or a document half-written (its graph may be
        # anything): the graph itself is asked
        return built(store)
    state = stamp(store)
    path = store.path / TABLES_FILE
    try:
        if path.is_file():
            table = Tables.open(path)
            if table.stamp() == state:
                return table
    except sqlite3.Error:
        pass  # unreadable: rebuilt below
    try:
        return write_tables(store, state)
    except StoreError:  # a store we may not write to: the table serves this process only
        return built(store)
