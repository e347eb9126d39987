"""Filters that narrow a search to some sections: dates, actor, body, kind, topic, year, mentions.

They come from options (--from, --actor, --mentions ...) and from "field:value" words in the
query; both end here, as one whoosh filter query. Names compare by kg.lang.text.key (case and
punctuation do not matter); a topic is any label of a thesaurus concept, in any language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from whoosh.query import And, Or, Term, TermRange

from kg.errors import QueryError
from kg.lang.text import key
from kg.lang.thesaurus import thesaurus

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
KINDS = ("header", "attendance", "agenda", "roundtable", "events", "other")


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    actor: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # entity labels (the API resolves names through the graph)
    _fields = ("actor", "body", "kind", "topic", "year", "mentions")

    def plus(self, more: dict[str, list[str]]) -> Filters:
        """These filters and the query's own "field:value" filters (all must hold)."""
        return replace(self, **{name: (*getattr(self, name), *values) for name, values in more.items()})

    def query(self):
        """The whoosh filter query, or None when nothing is filtered."""
        parts = []
        for name, value in (("date_from", self.date_from), ("date_to", self.date_to)):
            if value is not None and not _is_iso_date(value):
                raise QueryError(f"{name} must be a date like 2022-05-20, not {value!r}")
        if self.date_from is not None or self.date_to is not None:
            parts.append(TermRange("date", self.date_from, self.date_to))
        for name in self._fields:
            values = getattr(self, name)
            if values:
                parts.append(And([self._term(name, v) for v in values]))
        return And(parts) if parts else None

    def _term(self, name: str, value: str):
        if name == "kind":
            if value not in KINDS:
                raise QueryError(f"kind:{value} is no section kind; kinds are: {', '.join(KINDS)}")
            return Term("kind", value)
        if name == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise QueryError(f"year:{value} is no year; write it like year:2022")
            return Term("year", value)
        if name == "topic":
            return Or([Term("topic", k) for k in topic_keys(value)])
        return Term(f"{name}_key" if name in ("actor", "body") else "mention", key(value))


def topic_keys(label: str) -> list[str]:
    """The index keys of a topic and its narrower topics ("digitalisering" takes in "KI")."""
    th = thesaurus()
    concept = th.lookup(label)
    if concept is None:
        raise QueryError(f"no topic {label!r} in the thesaurus (data/thesaurus.ttl)")
    slugs, todo = {concept.slug}, [concept.slug]
    while todo:
        slug = todo.pop()
        for c in th.concepts:
            if slug in c.broader and c.slug not in slugs:
                slugs.add(c.slug)
                todo.append(c.slug)
    return sorted(key(th.by_slug[s].label) for s in slugs)


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(_ISO_DATE.fullmatch(value))
