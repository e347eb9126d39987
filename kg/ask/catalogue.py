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
