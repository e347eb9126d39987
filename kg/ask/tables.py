"""Precomputed tables beside the store, so a cold `kg ask` does not scan every document graph.

The name table is built from the graphs that describe each named thing once (the
entities graph and the derived graphs); meetings and events, described in their
document's graph, are the only kinds read from the documents. The table holds each
named thing once: its IRI, label, aliases, kinds (most specific first) and the
comparison keys a lookup uses (kg.lang.text.key of each name, the short forms of
kg.resolve.typed, the name without a legal form). Beside it: the date of the archive's
last meeting (what a question without a date is about). They are written to ``tables.sqlite``
when the store changes (the ingest calls ``Archive.refresh_tables``), indexed by
each of those names, so a question looks up the few names its words could be and
reads nothing else: at 1,000 documents loading the whole table cost more than the
rest of a cold question. It is stamped with the store's generation token (which
every write to the graph replaces); a missing, unreadable or stale table is rebuilt
from the graph where it is needed, and written again when the store can be written to.

The SPARQL the tables are built from is all in this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from datetime import date

from kg import __version__
from kg.errors import StoreError
from kg.lang.text import key
from kg.resolve.typed import typed_forms
from kg.store.graphstore import BODIES_GRAPH, ENTITIES_GRAPH, REGIONS_GRAPH, THESAURUS_GRAPH, GraphStore
from kg.vocab import CLASS_OF_KIND, KG, KIND_OF_CLASS, KINDS, ORG, sparql_prefixes

TABLES_FILE = "tables.sqlite"
INGEST_STATE = "ingest-state.json"  # written by kg.ingest.pipeline: the curation the graph was derived with
TABLES_FORMAT = 5  # raise when what the table holds, or how its keys are made, changes
DERIVED_GRAPHS = (THESAURUS_GRAPH, REGIONS_GRAPH, BODIES_GRAPH)  # rewritten apart from the documents
DOCUMENT_KINDS = ("meeting", "event")  # described in their document's graph, not in the entities graph
_LEGAL_FORM = re.compile(r"\s(?:as|asa|sa|iks|kf|hf|ba|da|rhf)$")
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_OF_CLASS.values())}
FACT_PREDICATES = (KG.worksOn, ORG.hasMember)  # what kg.ask.plans reads from the fact table
# the span's type checked by FILTER EXISTS: a join on it makes Oxigraph read every span first
FACTS = sparql_prefixes() + f"""
SELECT ?span ?s ?p ?o WHERE {{
  VALUES ?p {{ {' '.join(f'<{p}>' for p in FACT_PREDICATES)} }}
  GRAPH ?span {{ ?s ?p ?o }} FILTER EXISTS {{ ?span a kg:Evidence }}
}}"""
CLUSTERS = sparql_prefixes() + """
SELECT DISTINCT ?t ?cluster ?member WHERE { GRAPH ?g { ?cluster org:hasMember ?member ; dcterms:subject ?t } }"""
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
    things: dict[str, dict] = {}
    for kind in KINDS:
        for r in store.select(names_query(kind, store.base)):
            row = things.setdefault(r["e"].value, {"iri": r["e"].value, "kinds": [], "labels": {}, "alts": {}})
            if kind not in row["kinds"]:
                row["kinds"].append(kind)
            row["label"] = r["label"].value
            row["labels"][r["label"].value] = None
            if "alt" in r:
                row["alts"][r["alt"].value] = None
    return [_with_keys(row) for row in things.values()]


def _with_keys(row: dict) -> dict:
    """A row with the comparison keys its lookups use, so loading the table computes none."""
    label, kinds = row["label"], sorted(row["kinds"], key=_KIND_ORDER.__getitem__)
    names = [*row["labels"], *row["alts"]]
    bare = _LEGAL_FORM.sub("", key(label)).strip()  # "Lister Nyskaping" for "Lister Nyskaping AS"
    return {"iri": row["iri"], "label": label, "kinds": kinds,
            "aliases": sorted(set(names) - {label}),
            "keys": sorted({key(n) for n in names}),
            "typed": {k: sorted(forms) for k in kinds if (forms := typed_forms(label, k))},
            "bare": bare if bare != key(label) else None}


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
CREATE TABLE things (n INTEGER PRIMARY KEY, row TEXT);  -- a row of build_names, as JSON, in its order
-- every name a thing is looked up by: 'key' (a name's key), 'bare' (without the legal form),
-- 'typed' (a short form, for one kind); length in characters, for the spelling lookup
CREATE TABLE names (name TEXT, how TEXT, kind TEXT, n INTEGER, length INTEGER);
CREATE INDEX names_by_name ON names (name, how);
CREATE INDEX names_by_length ON names (length);
-- the facts of FACT_PREDICATES read from the text, each with the line span that states it, their
-- IRIs numbered in sorted order (a third of the size of the IRIs written out, and the same order)
CREATE TABLE terms (id INTEGER PRIMARY KEY, iri TEXT UNIQUE);
CREATE TABLE facts (p INTEGER, o INTEGER, s INTEGER, span INTEGER, PRIMARY KEY (p, o, s, span)) WITHOUT ROWID;
-- the members of each cluster on a topic, as one graph states both (CLUSTERS)
CREATE TABLE clusters (t INTEGER, cluster INTEGER, member INTEGER, PRIMARY KEY (t, cluster, member)) WITHOUT ROWID;
"""


class Tables:
    """The tables, read a name at a time (a cold question reads only the rows its words name)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    @classmethod
    def of_contents(cls, contents: dict, state: str = "", path=None) -> "Tables":
        """The tables of what ``build`` read from the graph, in a file at path or in memory."""
        rows = contents["names"]
        db = sqlite3.connect(path or ":memory:")
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("format", str(TABLES_FORMAT)), ("stamp", state), ("last_meeting", contents["last_meeting"]),
                        ("facts", "kept" if contents["facts"] is not None else None)])
        facts, clusters = contents["facts"] or [], contents["clusters"] or []
        number = {iri: n for n, iri in enumerate(sorted({iri for row in facts + clusters for iri in row}))}
        db.executemany("INSERT INTO terms VALUES (?, ?)", ((n, iri) for iri, n in number.items()))
        db.executemany("INSERT OR IGNORE INTO facts VALUES (?, ?, ?, ?)",
                       ((number[p], number[o], number[s], number[span]) for span, s, p, o in facts))
        db.executemany("INSERT OR IGNORE INTO clusters VALUES (?, ?, ?)",
                       ((number[t], number[c], number[m]) for t, c, m in clusters))
        db.executemany("INSERT INTO things VALUES (?, ?)",
                       ((n, json.dumps(row, ensure_ascii=False)) for n, row in enumerate(rows)))
        names = [(k, "key", None, n) for n, row in enumerate(rows) for k in row["keys"]]
        names += [(row["bare"], "bare", None, n) for n, row in enumerate(rows) if row["bare"]]
        names += [(form, "typed", kind, n) for n, row in enumerate(rows)
                  for kind, forms in row["typed"].items() for form in forms]
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", ((*r, len(r[0])) for r in names))
        db.commit()
        return cls(db)

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

    def spans(self, s: str | None, p: str, o: str) -> list[tuple[str, str]]:
        """The line spans stating (s p o), with each subject when s is None: (span, subject), in order."""
        ids = dict(self.db.execute("SELECT iri, id FROM terms WHERE iri IN (?, ?, ?)", (p, o, s or "")))
        if p not in ids or o not in ids or (s is not None and s not in ids):
            return []
        return self.db.execute("SELECT span.iri, subject.iri FROM facts JOIN terms span ON span.id = facts.span "
                               "JOIN terms subject ON subject.id = facts.s WHERE p = ? AND o = ?"
                               + ("" if s is None else " AND s = ?") + " ORDER BY facts.s, facts.span",
                               (ids[p], ids[o], *(() if s is None else (ids[s],)))).fetchall()

    def cluster_members(self, t: str) -> list[tuple[str, str]]:
        """The clusters on topic t and their members: (cluster, member), in order."""
        return self.db.execute("SELECT c.iri, m.iri FROM clusters JOIN terms c ON c.id = cluster "
                               "JOIN terms m ON m.id = member WHERE t = (SELECT id FROM terms WHERE iri = ?) "
                               "ORDER BY cluster, member", (t,)).fetchall()

    def named(self, name: str, how: str) -> list[dict]:
        """The rows a name ('key' or 'bare') is a name of, in the table's order."""
        return self._rows("n IN (SELECT n FROM names WHERE name = ? AND how = ?)", (name, how))

    def typed(self, form: str) -> list[tuple[dict, str]]:
        """The rows a short form names, each with the kind it is a short form for."""
        return [(json.loads(row), kind) for row, kind in self.db.execute(
            "SELECT row, kind FROM names JOIN things USING (n) WHERE name = ? AND how = 'typed' ORDER BY n",
            (form,))]

    def names(self, shortest: int, longest: int) -> list[str]:
        """Every name of so many characters, in the order of the first thing it names."""
        return [name for name, in self.db.execute("SELECT name FROM names WHERE length BETWEEN ? AND ? "
                                                  "GROUP BY name ORDER BY MIN(n), name", (shortest, longest))]

    def rows(self) -> list[dict]:
        return self._rows("1", ())

    def _rows(self, where: str, args: tuple) -> list[dict]:
        return [json.loads(row) for row, in self.db.execute(f"SELECT row FROM things WHERE {where} ORDER BY n", args)]


def build_last_meeting(store) -> str | None:
    """The date of the latest meeting in the graph, as written (YYYY-MM-DD)."""
    rows = store.select(LAST_MEETING)
    value = rows[0].get("last") if rows else None
    return value.value[:10] if value is not None else None


def build_facts(store) -> list[tuple[str, str, str, str]]:
    """Every fact of FACT_PREDICATES read from the text: (span, s, p, o)."""
    return [(r["span"].value, r["s"].value, r["p"].value, r["o"].value) for r in store.select(FACTS)]


def build_clusters(store) -> list[tuple[str, str, str]]:
    """Every cluster's topics and members, as one graph states both: (topic, cluster, member)."""
    return [(r["t"].value, r["cluster"].value, r["member"].value) for r in store.select(CLUSTERS)]


def build(store, *, facts: bool) -> dict:
    """What the tables hold, read from the graph (the fact tables only when asked for)."""
    return {"names": build_names(store), "last_meeting": build_last_meeting(store),
            "facts": build_facts(store) if facts else None, "clusters": build_clusters(store) if facts else None}


def built(store) -> Tables:
    """The tables built from the graph, for this process only (a SPARQL server's: no fact table)."""
    return Tables.of_contents(build(store, facts=isinstance(store, GraphStore)))


def write_tables(store: GraphStore, state: str | None = None) -> Tables:
    """Build the tables from the graph and write them beside it (the ingest calls this at its end):
    into a new file, renamed over the old one, so a reader sees one whole table or the other."""
    path = store.path / TABLES_FILE
    tmp = path.with_name(f".{path.name}.tmp")
    contents = build(store, facts=True)
    try:
        tmp.unlink(missing_ok=True)
        Tables.of_contents(contents, state or stamp(store), tmp).db.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as e:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {path}: {getattr(e, 'strerror', None) or e}") from None
    return Tables.open(path)


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
