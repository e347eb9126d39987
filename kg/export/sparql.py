"""Ad-hoc SPARQL (``kg sparql``): run any query on the local store or a server, and write its results.

The backend is a GraphStore or a RemoteStore; both answer ``query`` and ``update``, so
this module never asks which one it has. Updates change the data behind the search
index's back, so they run only when the caller allows them.
"""

from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.vocab import PREFIXES


# After the prologue (PREFIX, BASE, comments), an update starts with one of these words.
_UPDATE = re.compile(r"""^(?:\s+|\#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*
                         (?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b""", re.I | re.X)


def is_update(text: str) -> bool:
    return bool(_UPDATE.match(text))


def run_sparql(backend, text: str, *, allow_update: bool = False):
    """The results of a query (None for an update that ran); an update without permission is refused."""
    if is_update(text):
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
