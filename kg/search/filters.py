"""Filters that narrow a search to some sections: dates, actor, body, kind, topic, year, mentions.

They come from options (--from, --actor, --mentions ...) and from "field:value" words in the
query; both end here, as one whoosh filter query. Names compare by kg.lang.text.key (case and
punctuation do not matter); a topic is any label of a thesaurus concept, in any language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from whoosh.query import And, Or, Term, TermRange

from kg.errors import QueryError
from kg.lang.dates import MONTHS, TEXT_DATE, parse_numeric
from kg.lang.text import key
from kg.lang.thesaurus import thesaurus

_MONTH_YEAR = re.compile(rf"({'|'.join(MONTHS)})\.?\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}")
OPTIONS = {"date_from": "--from", "date_to": "--to"}
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
        if self.date_from is not None or self.date_to is not None:
            start = date_bound(self.date_from, "date_from") if self.date_from is not None else None
            end = date_bound(self.date_to, "date_to") if self.date_to is not None else None
            parts.append(TermRange("date", start, end))
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


def date_bound(value: str, name: str) -> str:
    """An ISO date from a date, a month or a year as people write them ("2022-05-20",
    "20.05.2022", "20. mai 2022", "mai 2022", "2022"); a month or a year counts from its first
    day in --from and to its last in --to. QueryError names the option."""
    text, last = value.strip(), name == "date_to"
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12, 31).isoformat() if last else f"{text}-01-01"
        if m := _MONTH_YEAR.fullmatch(text):
            year, month = int(m[2]), MONTHS[m[1].lower()]
            return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1).isoformat()
        if _NUMERIC.fullmatch(text) and (day := parse_numeric(text)):
            return day.isoformat()
        if (m := TEXT_DATE.fullmatch(text)) and m["year"] and not m["d2"]:
            return dt.date(int(m["year"]), MONTHS[m["mon"].lower()], int(m["d1"])).isoformat()
    except ValueError:
        pass
    raise QueryError(f"{OPTIONS.get(name, name)} takes a date like 2022-05-20, 20.05.2022, \"20. mai 2022\", "
                     f"\"mai 2022\" or 2022, not {value!r}")


def resolve_names(wanted: tuple[str, ...], known: list[str], what: str) -> tuple[str, ...]:
    """Each wanted name as the one known name it stands for: itself, or the only name whose
    words it begins ("Osloregionen" for "Osloregionens faggruppe Næringssamarbeidet").
    QueryError lists the choices when a short name fits several, or none."""
    keys = {key(name): name for name in known}
    out = []
    for name in wanted:
        if key(name) in keys:
            out.append(name)
            continue
        words = key(name).split()
        fits = sorted(n for k, n in keys.items() if _begins_words(words, k.split()))
        if len(fits) == 1:
            out.append(fits[0])
        elif fits:
            raise QueryError(f"{what} {name!r} fits several: {'; '.join(fits)}")
        else:
            raise QueryError(f"no {what} {name!r} in the index" + (f"; {what}s: {'; '.join(sorted(known))}" if known else ""))
    return tuple(out)


def _begins_words(words: list[str], name: list[str]) -> bool:
    """Each word begins a word of name, in order."""
    i = 0
    for w in words:
        while i < len(name) and not name[i].startswith(w):
            i += 1
        if i == len(name):
            return False
        i += 1
    return True
