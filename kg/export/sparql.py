"""Ad-hoc SPARQL (``kg sparql``): run any query on the local store or a server, and write its results.

The backend is a GraphStore or a RemoteStore; both answer ``query`` and ``update``, so
this module never asks which one it has. Updates change the data behind the search
index's back, so they run only when the caller allows them.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, check_nesting
from kg.vocab import PREFIXES


# Operations that reach outside the store: a SERVICE call to any server, a LOAD of any file or URL.
_OUTSIDE = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
MAX_QUERY_CHARS = 100_000
MAX_NESTING = 64


def classify(text: str) -> tuple[str, set[str]]:
    """("query" or "update", the outside-reaching operations in it), as the SPARQL parser reads it."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser

    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(text)} characters, at most {MAX_QUERY_CHARS}")
    check_nesting(text, MAX_NESTING, "the query is")
    try:
        try:
            tree, kind = parser.parseQuery(text), "query"
        except ParseException as query_error:
            try:
                tree, kind = parser.parseUpdate(text), "update"
            except ParseException:
                raise QueryError(f"bad SPARQL: line {query_error.lineno}, column {query_error.col}: "
                                 f"{query_error.msg}") from None
    except RecursionError:
        raise QueryError("query nested too deeply for the SPARQL parser; write it flatter") from None
    return kind, {_OUTSIDE[n] for n in _names(tree) if n in _OUTSIDE}


def _names(tree) -> set[str]:
    """The names of every parsed part (rdflib's CompValue) in a parse tree."""
    found, todo = set(), [tree]
    while todo:
        node = todo.pop()
        name = getattr(node, "name", None)
        if isinstance(name, str):
            found.add(name)
        if isinstance(node, dict):
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            todo.extend(node)
    return found


def run_sparql(backend, text: str, *, allow_update: bool = False, allow_outside: bool = False):
    """The results of a query (None for an update that ran). An update runs only when allowed, and
    SERVICE or LOAD (which read other servers or local files) only when allow_outside says so."""
    kind, outside = classify(text)
    if outside and not allow_outside:
        raise QueryError(f"{' and '.join(sorted(outside))} would read other servers or files: "
                         "pass --allow-outside to let it")
    if kind == "update":
        if not allow_update:
            raise QueryError("this is a SPARQL update, which changes the data: pass --allow-update to run it")
        backend.update(text)
        return None
    return backend.query(text)


def result_rows(results) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of any result, for a text table: variables, a boolean, or subject-predicate-object."""
    if isinstance(results, ox.QueryBoolean):
        return ["answer"], [["true" if results else "false"]]
    if isinstance(results, ox.QuerySolutions):
        names = [v.value for v in results.variables]
        return names, [[_cell(row[n]) for n in names] for row in results]
    return ["subject", "predicate", "object"], [[_cell(t.subject), _cell(t.predicate), _cell(t.object)]
                                                  for t in results]


def write_results(results, fmt: str, out: BinaryIO) -> None:
    """SPARQL results JSON or CSV for SELECT and ASK; Turtle, or JSON-LD for json, for CONSTRUCT and DESCRIBE."""
    if isinstance(results, (ox.QueryBoolean, ox.QuerySolutions)):
        formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV}
        if fmt not in formats:
            raise QueryError(f"a SELECT or ASK answer is written as table, json or csv, not {fmt}")
        results.serialize(out, format=formats[fmt])
        return
    formats = {"turtle": ox.RdfFormat.TURTLE, "json": ox.RdfFormat.JSON_LD}
    if fmt == "csv":
        headers, rows = result_rows(results)
        text = io.StringIO()
        csv.writer(text).writerows([headers, *rows])
        out.write(text.getvalue().encode())
        return
    ox.serialize(results, out, format=formats[fmt], prefixes=PREFIXES)


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, ox.Literal) else str(term)
