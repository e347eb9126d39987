"""Named queries: SPARQL files in queries/ whose leading comments describe them.

A query file starts with comment lines::

    # title: Regions that work on a topic
    # description: ...
    # relation: work report
    # answer: region
    # param topic: topic

``relation`` names the relations of the question grammar (``words.py``) the
query answers, ``answer`` the kinds of thing it answers, ``needs`` the
modifiers a question must carry for it ("most", "never", "first", "each",
"open", "not") and ``uses`` those it reads when given ("overdue"): the composer
picks a query by these and by the kinds of the question's arguments.
Parameters are the query's ``$variables`` (read from the query text, like
datasette's ``:name``); ``# param`` says what kind of thing fills each one.
They are bound as RDF terms through pyoxigraph substitutions, never pasted
into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import NotFound, QueryError
from kg.paths import QUERIES_DIR

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_FACT = re.compile(r"GRAPH\s+\?fact\s*\{([^{}]*)\}")  # a fact read from a line span: GRAPH ?fact { s p o }


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    sparql: str
    params: dict[str, str]          # parameter → slot kind
    relations: tuple[str, ...] = field(default=())
    answers: tuple[str, ...] = field(default=())
    needs: frozenset[str] = field(default=frozenset())
    uses: frozenset[str] = field(default=frozenset())
    path: Path | None = None
    facts: tuple[tuple[str, str, str], ...] = field(default=())  # the patterns of the facts it reads: s p o
    hidden: tuple[str, ...] = field(default=())  # variables selected only to tell those facts apart


def _fact_patterns(path: Path, text: str, projected: str) -> tuple[tuple, tuple[str, ...], str]:
    """The facts a query reads from line spans (``GRAPH ?fact { s p o }``), and the query made to
    tell them apart. One span can state several facts that make an answer, and each is a source
    (``evidence_count``), so the query selects each pattern's variables and, when it has more than
    one pattern, which one matched (``VALUES ?fact_pattern { i }``; a BIND there would keep
    Oxigraph from reordering the joins)."""
    found = [tuple(m.group(1).split()) for m in _FACT.finditer(text)]
    if any(len(f) != 3 for f in found):
        raise QueryError(f"{path.name}: a fact pattern is one triple, GRAPH ?fact {{ s p o }}")
    patterns = tuple(dict.fromkeys(found))
    variables = [t[1:] for f in patterns for t in f if t.startswith("?") and t not in ("?answer", "?fact")]
    if len(patterns) > 1:
        variables.append("fact_pattern")
        text = _FACT.sub(lambda m: f"{m.group(0)} VALUES ?fact_pattern {{ {patterns.index(tuple(m.group(1).split()))} }}",
                         text)
    hidden = tuple(v for v in dict.fromkeys(variables) if "*" not in projected and not re.search(rf"\?{v}\b", projected))
    if hidden:
        text = re.sub(r"^SELECT(\s+DISTINCT)?", lambda m: m.group(0) + "".join(f" ?{v}" for v in hidden), text,
                      count=1, flags=re.M)
    return patterns, hidden, text


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = re.match(r"^#\s*(\w+)\s*(?P<arg>[\w]*)\s*:\s*(?P<value>.*)$", line)
        if m:
            k = m.group(1).lower()
            meta.setdefault(k, []).append(f"{m['arg']}={m['value']}" if m["arg"] else m["value"])
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    declared = dict(p.split("=", 1) for p in meta.get("param", []))
    # $entities is no parameter: the runner writes in the store's entities graph (with_entities_graph)
    params = {name: declared.get(name, "text").strip() for name in dict.fromkeys(_PARAM.findall(body))
              if name != "entities"}
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b", body, re.S | re.I)
    unprojected = [p for p in params if select and "*" not in select.group(1) and f"${p}" not in select.group(1)]
    if unprojected:  # pyoxigraph binds only variables the query projects
        raise QueryError(f"{path.name}: list {', '.join('$' + p for p in unprojected)} after SELECT to bind it")
    facts, hidden, text = _fact_patterns(path, text, select.group(1) if select else "*")
    return NamedQuery(
        name=path.stem,
        title=(meta.get("title") or [path.stem])[0].strip(),
        description=" ".join(meta.get("description", [])).strip(),
        sparql=text,
        params=params,
        relations=tuple(" ".join(meta.get("relation", [])).split()),
        answers=tuple(" ".join(meta.get("answer", [])).split()),
        needs=frozenset(" ".join(meta.get("needs", [])).split()),
        uses=frozenset(" ".join(meta.get("uses", [])).split()),
        facts=facts,
        hidden=hidden,
        path=path,
    )


@cache
def catalogue(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query in the folder, by name."""
    return {q.name: q for q in (parse_query_file(p) for p in sorted(folder.glob("*.rq")))}


def get_query(name: str) -> NamedQuery:
    try:
        return catalogue()[name]
    except KeyError:
        raise NotFound(f"no named query {name!r}; `kg queries` lists them") from None
