"""A SPARQL 1.1 server that answers like the local store, so the named queries run unchanged on it.

SPARQL over HTTP has no parameter binding, so ``bind_terms`` does what pyoxigraph's
substitutions do locally: every occurrence of a bound variable becomes the RDF term,
written in N-Triples syntax (``str()`` of a pyoxigraph term, escaped by pyoxigraph),
and a projected one becomes ``(term AS ?name)``. A VALUES clause would not do: the
named queries filter on their parameters inside ``GRAPH ?g { }``, a group that SPARQL
evaluates before joining anything outside it, so ``FILTER(?start >= $date)`` would
see an unbound ``$date`` and drop every row.

The queries that gather evidence and labels read the union of the document graphs, so
the server must use the union of its named graphs as the default graph (docs/rdf-model.md
says how for Oxigraph, Fuseki and GraphDB).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pyoxigraph as ox

from kg.remote.http import RemoteError, request
from kg.store.graphstore import solution_rows

RESULTS_JSON = "application/sparql-results+json"
ACCEPT = f"{RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8"
FORM = "application/x-www-form-urlencoded"

# Strings, IRIs and comments are copied as they are; a variable elsewhere may be bound.
_TOKEN = re.compile(r"""
    (?P<skip>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
            |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*)
  | (?P<select>\bSELECT\b) | (?P<group>\bGROUP\s+BY\b)
  | (?P<end>\bWHERE\b|[{}]|\b(?:HAVING|ORDER|LIMIT|OFFSET|VALUES)\b)
  | [?$](?P<var>[A-Za-z_][A-Za-z0-9_]*)
""", re.X | re.I)


def bind_terms(sparql: str, bindings: dict[str, object]) -> str:
    """The query with each bound variable replaced by its term, as pyoxigraph's substitutions bind it.

    The query's own SELECT keeps the variable as ``(term AS ?name)``; a sub-query's SELECT
    drops it (``AS`` may not rebind a variable the sub-query binds), and GROUP BY groups by
    ``(term)``, one group, as grouping by the bound variable did.
    """
    if not bindings:
        return sparql
    state = {"selects": 0, "in": None}  # "in": "projection" or "group" while inside one

    def replace(m: re.Match) -> str:
        if m["select"]:
            state["selects"] += 1
            state["in"] = "projection"
        elif m["group"]:
            state["in"] = "group"
        elif m["end"]:
            state["in"] = None
        elif m["var"] in bindings:
            term = str(bindings[m["var"]])
            if state["in"] == "projection":
                return f"({term} AS ?{m['var']})" if state["selects"] == 1 else ""
            return f"({term})" if state["in"] == "group" else term
        return m[0]

    return _TOKEN.sub(replace, sparql)


def sibling(endpoint: str, oxigraph_name: str) -> str:
    """Another service of the server: Oxigraph's ``/query`` has ``/update`` and ``/store`` beside it;
    elsewhere the endpoint's own URL (a Fuseki dataset URL serves query, update and graph store)."""
    head, _, last = endpoint.rstrip("/").rpartition("/")
    return f"{head}/{oxigraph_name}" if last == "query" else endpoint


class RemoteStore:
    """Answers ``select`` (with bindings), ``query`` and ``update`` from a SPARQL 1.1 server."""

    def __init__(self, endpoint: str, base: str, *, update_endpoint: str | None = None):
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or sibling(endpoint, "update")
        self.base = base

    def select(self, sparql: str, bindings: dict | None = None) -> list[dict]:
        """Rows of a SELECT, parameters bound as terms (see ``bind_terms``)."""
        return solution_rows(self.query(bind_terms(sparql, bindings or {})))

    def query(self, sparql: str):
        """QuerySolutions or QueryBoolean for SELECT and ASK, a list of triples for CONSTRUCT and DESCRIBE."""
        resp = request("POST", self.endpoint, body=urlencode({"query": sparql}).encode(), content_type=FORM,
                       accept=ACCEPT)
        try:
            if resp.media_type.startswith("application/sparql-results"):
                return ox.parse_query_results(resp.body, format=ox.QueryResultsFormat.from_media_type(resp.media_type))
            return [q.triple for q in ox.parse(resp.body, format=ox.RdfFormat.from_media_type(resp.media_type))]
        except (ValueError, SyntaxError) as e:
            raise RemoteError(f"{self.endpoint} answered {resp.media_type or 'without a media type'} "
                              f"that kg cannot read: {e}") from None

    def update(self, sparql: str) -> None:
        request("POST", self.update_endpoint, body=urlencode({"update": sparql}).encode(), content_type=FORM)
