"""Precomputed tables beside the store, so a cold `kg ask` does not scan every document graph.

The name table is built from the graphs that describe each named thing once (the
entities graph and the derived graphs); meetings and events, described in their
document's graph, are the only kinds read from the documents. The table holds each
named thing once: its IRI, label, aliases, kinds (most specific first) and the
comparison keys a lookup uses (kg.lang.text.key of each name, the short forms of
kg.resolve.typed, the name without a legal form). It is written to ``tables.json``
when the store changes (the ingest calls ``Archive.refresh_tables``) and stamped
with the store's state; a missing, unreadable or stale table is rebuilt from the
graph where it is needed, and written again when the store can be written to.

The SPARQL the tables are built from is all in this module.
"""

from __future__ import annotations

import hashlib
import json
import re

from kg import __version__
from kg.errors import StoreError
from kg.lang.text import key
from kg.resolve.typed import typed_forms
from kg.store.graphstore import (BODIES_GRAPH, ENTITIES_GRAPH, REGIONS_GRAPH, THESAURUS_GRAPH, GraphStore,
                                 write_atomically)
from kg.vocab import CLASS_OF_KIND, KIND_OF_CLASS, KINDS, sparql_prefixes

TABLES_FILE = "tables.json"
INGEST_STATE = "ingest-state.json"  # written by kg.ingest.pipeline: the curation the graph was derived with
TABLES_FORMAT = 1  # raise when what the table holds, or how its keys are made, changes
DERIVED_GRAPHS = (THESAURUS_GRAPH, REGIONS_GRAPH, BODIES_GRAPH)  # rewritten apart from the documents
DOCUMENT_KINDS = ("meeting", "event")  # described in their document's graph, not in the entities graph
_LEGAL_FORM = re.compile(r"\s(?:as|asa|sa|iks|kf|hf|ba|da|rhf)$")
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_OF_CLASS.values())}


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
    """The store's state as far as the tables are concerned: its documents, the curation they were
    derived with (a decision rewrites documents whose text did not change) and the derived graphs."""
    h = hashlib.sha256(f"{TABLES_FORMAT} {__version__}".encode())
    try:
        h.update((store.path / INGEST_STATE).read_bytes())
    except OSError:
        pass
    for name, content in sorted(store.document_hashes().items()):
        h.update(f"\n{name}\t{content}".encode("utf-8", "surrogateescape"))
    graphs = " ".join(f"<{store.iri(g)}>" for g in DERIVED_GRAPHS)
    for r in store.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }} "
                          "GROUP BY ?g ORDER BY ?g"):
        h.update(f"\n{r['g'].value}\t{r['n'].value}".encode())
    return h.hexdigest()


def write_tables(store: GraphStore, state: str | None = None) -> dict:
    """Build the tables from the graph and write them beside it (the ingest calls this at its end)."""
    tables = {"format": TABLES_FORMAT, "stamp": state or stamp(store), "names": build_names(store)}
    write_atomically(store.path / TABLES_FILE, json.dumps(tables, ensure_ascii=False, separators=(",", ":")))
    return tables


def name_table(store) -> list[dict]:
    """The name table: read from the side file when it fits the store, else built (and kept if it can be)."""
    if not isinstance(store, GraphStore):  # a SPARQL server: nothing of ours to keep beside it
        return build_names(store)
    if store.pending():  # a document half-written: its graph may be anything, so ask the graph itself
        return build_names(store)
    state = stamp(store)
    try:
        tables = json.loads((store.path / TABLES_FILE).read_text(encoding="utf-8"))
        if tables.get("format") == TABLES_FORMAT and tables.get("stamp") == state:
            return tables["names"]
    except (OSError, ValueError, AttributeError):
        pass  # missing or unreadable: rebuilt below
    try:
        return write_tables(store, state)["names"]
    except StoreError:  # a store we may not write to: the table serves this process only
        return build_names(store)
