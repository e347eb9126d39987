"""Reading a user's query before whoosh sees it: checking its syntax and expanding synonyms.

Whoosh's parser quietly turns broken syntax into something else ("AND" alone becomes a
search for the word "and"), so the structure is checked here and errors say where.
Synonyms are expanded on the query text, which keeps the parser's syntax for everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import QueryError
from kg.lang.synonyms import SynonymTable

BINARY = {"AND", "OR", "ANDNOT", "ANDMAYBE"}
OPERATORS = BINARY | {"NOT"}
SPECIAL = set('*?~^[]{}')  # wildcard, fuzzy, boost and range syntax: not a plain word

FILTER_FIELDS = ("actor", "body", "kind", "topic", "year", "mentions")  # "field:value" in a query

_TOKEN = re.compile(
    rf'(?P<filter>(?:{"|".join(FILTER_FIELDS)}):(?:"[^"]*"|[^\s()"]*))'
    r'|(?P<phrase>"[^"]*"[^\s()"]*)|(?P<quote>")|(?P<lparen>\()|(?P<rparen>\))|(?P<word>[^\s()"]+)'
)


@dataclass(frozen=True)
class Token:
    kind: str  # "word" | "phrase" | "op" | "lparen" | "rparen" | "filter"
    text: str
    start: int  # offset in the query string

    @property
    def plain(self) -> bool:
        """A bare word without operator or wildcard meaning: may be a synonym or misspelt."""
        return self.kind == "word" and not SPECIAL & set(self.text)


def lex(query: str) -> list[Token]:
    """The query's tokens; QueryError if quotes, brackets or operators do not fit together."""
    tokens = _tokens(query)
    if not tokens:
        raise QueryError("empty query")
    _check(tokens)
    return tokens


def split_filters(query: str) -> tuple[list[Token], dict[str, list[str]]]:
    """The search tokens and the field filters ("actor:Bærum", 'body:"Vestlandsrådet"').

    A filter narrows the whole query, so it may not stand inside brackets or next to an
    operator; a query of filters alone (no tokens left) matches every section they allow.
    """
    tokens = _tokens(query)
    if not tokens:
        raise QueryError("empty query")
    filters: dict[str, list[str]] = {}
    depth = 0
    for i, tok in enumerate(tokens):
        depth += {"lparen": 1, "rparen": -1}.get(tok.kind, 0)
        if tok.kind != "filter":
            continue
        name, value = tok.text.split(":", 1)
        where = f"at character {tok.start + 1}"
        if not value.strip('"').strip():
            raise QueryError(f"{name}: {where} needs a value, e.g. {name}:Bærum")
        neighbours = [t for t in (tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None) if t]
        if depth or any(t.kind == "op" for t in neighbours):
            raise QueryError(f"{tok.text} {where} filters the whole query: put it outside brackets and operators")
        filters.setdefault(name, []).append(value.strip('"').strip())
    rest = [t for t in tokens if t.kind != "filter"]
    if rest:
        _check(rest)
    return rest, filters


def _tokens(query: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "quote":
            raise QueryError(f'unbalanced quote: the " at character {m.start() + 1} is never closed')
        if kind == "word" and m.group() in OPERATORS:
            kind = "op"
        tokens.append(Token(kind, m.group(), m.start()))
    return tokens


def _check(tokens: list[Token]) -> None:
    depth = 0
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        where = f"at character {tok.start + 1}"
        if tok.kind == "lparen":
            depth += 1
            if after is not None and after.kind == "rparen":
                raise QueryError(f"empty brackets {where}")
        elif tok.kind == "rparen":
            depth -= 1
            if depth < 0:
                raise QueryError(f"')' {where} has no matching '('")
        elif tok.kind == "op":
            if tok.text in BINARY and (before is None or before.kind in ("op", "lparen")):
                raise QueryError(f"{tok.text} {where} needs a search word before it")
            negation_follows = after is not None and after.text == "NOT" and tok.text != "NOT"
            if after is None or (after.kind in ("op", "rparen") and not negation_follows):
                raise QueryError(f"{tok.text} {where} needs a search word after it")
    if depth > 0:
        opening = [t for t in tokens if t.kind == "lparen"][-depth]
        raise QueryError(f"'(' at character {opening.start + 1} is never closed")


def expand(tokens: list[Token], synonyms: SynonymTable, lemmas=lambda word: ()) -> tuple[str, list[Token]]:
    """Query text with every synonym phrase turned into an OR of its ring's phrases, and the
    plain words left over (those a spelling check may correct).

    Longer phrases win: "Horizon Europe" is looked up before "Horizon" and "Europe". A word
    that names no ring as written is looked up by its lemmas ("turistskatten": turistskatt).
    """
    out: list[str] = []
    loose: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "phrase" and tok.text.endswith('"') and synonyms.rings_for(tok.text[1:-1]):
            out.append(_ring_group(synonyms.rings_for(tok.text[1:-1]), tok.text[1:-1]))
            i += 1
            continue
        if not tok.plain:
            out.append(tok.text)
            i += 1
            continue
        run = 1  # plain words from here, counted only as far as the longest synonym (linear in words)
        while i + run < len(tokens) and run < synonyms.longest and tokens[i + run].plain:
            run += 1
        for n in range(run, 0, -1):
            phrase = " ".join(_bare(t.text) for t in tokens[i : i + n])
            rings = synonyms.rings_for(phrase)
            if rings:
                out.append(_ring_group(rings, phrase))
                i += n
                break
        else:
            rings = [r for lemma in lemmas(_bare(tok.text)) for r in synonyms.rings_for(lemma)]
            out.append(_ring_group(rings, _bare(tok.text)) if rings else tok.text)
            if not rings:
                loose.append(tok)
            i += 1
    return " ".join(out), loose


def _bare(word: str) -> str:
    return word.strip(".,;:!?")


def _ring_group(rings: list[tuple[str, ...]], typed: str) -> str:
    """The rings' members OR-ed, the one the user typed first and counting double, so that a
    section with the typed word ranks above one with a synonym only."""
    members: dict[str, str] = {}
    for m in (m.replace('"', "") for ring in rings for m in ring):
        members.setdefault(m.casefold(), m)
    first = members.pop(typed.casefold(), typed.replace('"', ""))
    return "(" + " OR ".join([_member(first) + "^2", *map(_member, members.values())]) + ")"


def _member(phrase: str) -> str:
    """A one-word member bare, so it is read as a word (with all its lemmas), not as a phrase."""
    return phrase if re.fullmatch(r"\w+", phrase) else f'"{phrase}"'
