"""JSON-LD that reads as plain JSON: short keys from data/rdf/context.jsonld, one object per node.

pyoxigraph writes only expanded JSON-LD (every key a full IRI, every value an object),
which is RDF but not what a JSON user expects. This writer compacts with the published
context as it streams: a value that fits the definition of one of its predicate's terms is written under the
short key as a plain string, number or language map; any other value is written under
the full predicate IRI in expanded form, so nothing is lost and no JSON-LD processor
is needed to write it. Triples must arrive grouped by subject (``union_triples`` does).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO, Iterable

import pyoxigraph as ox

from kg.paths import DATA_DIR
from kg.vocab import RDF, XSD

CONTEXT_FILE = DATA_DIR / "rdf" / "context.jsonld"


@dataclass(frozen=True)
class Term:
    """One key of the context: the predicate it stands for and how its values are written."""

    key: str
    coerce: str | None = None      # "@id", "@vocab", a datatype IRI, or None
    language_map: bool = False


@dataclass(frozen=True)
class Context:
    body: dict                     # the "@context" object, written into every export
    terms: dict[str, list[Term]]   # predicate IRI → its terms, tried in order
    vocab: dict[str, str]          # class or individual IRI → its short name


@cache
def context() -> Context:
    body = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    prefixes = {k: v for k, v in body.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else curie

    terms: dict[str, list[Term]] = {}
    vocab: dict[str, str] = {}
    for key, value in body.items():
        if key.startswith("@") or key in prefixes or value in ("@id", "@type"):
            continue
        if isinstance(value, str):
            iri = expand(value)
            if key[0].isupper():
                vocab[iri] = key
            else:
                terms.setdefault(iri, []).append(Term(key))
        else:
            coerce = value.get("@type")
            terms.setdefault(expand(value["@id"]), []).append(
                Term(key, coerce if coerce in (None, "@id", "@vocab") else expand(coerce),
                     value.get("@container") == "@language"))
    return Context(body, terms, vocab)


def write_jsonld(triples: Iterable[ox.Triple], out: BinaryIO) -> int:
    """Write ``{"@context": ..., "@graph": [node, ...]}``; returns the number of triples written."""
    ctx = context()
    count = 0
    out.write(b'{\n"@context": ' + json.dumps(ctx.body, ensure_ascii=False).encode() + b',\n"@graph": [')
    first = True
    for subject, group in itertools.groupby(triples, key=lambda t: t.subject):
        node = {"id": _id(subject)}
        for t in group:
            count += 1
            _add(node, t, ctx)
        out.write((b"\n" if first else b",\n") + json.dumps(_singles(node), ensure_ascii=False).encode())
        first = False
    out.write(b"\n]}\n")
    return count


def _add(node: dict, t: ox.Triple, ctx: Context) -> None:
    p, o = t.predicate.value, t.object
    if p == RDF.type and isinstance(o, ox.NamedNode):
        node.setdefault("type", []).append(ctx.vocab.get(o.value, o.value))
        return
    for term in ctx.terms.get(p, ()):
        if term.language_map:
            if isinstance(o, ox.Literal) and o.language:
                node.setdefault(term.key, {}).setdefault(o.language, []).append(o.value)
                return
            continue
        value = _compact(o, term, ctx)
        if value is not None:
            node.setdefault(term.key, []).append(value)
            return
    node.setdefault(p, []).append(_expanded(o))


def _compact(o, term: Term, ctx: Context):
    """The plain JSON form of a value under its term, or None when the term's definition does not fit it."""
    if isinstance(o, (ox.NamedNode, ox.BlankNode)):
        if term.coerce == "@id":
            return _id(o)
        if term.coerce == "@vocab":
            return ctx.vocab.get(o.value, o.value)
        return None
    if o.language:
        return None
    datatype = o.datatype.value
    if term.coerce is not None:
        return o.value if datatype == term.coerce else None
    if datatype == XSD.string:
        return o.value
    if datatype == XSD.integer and o.value.lstrip("-").isdigit() and str(int(o.value)) == o.value:
        return int(o.value)
    return None


def _expanded(o) -> dict:
    if isinstance(o, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _id(o)}
    if o.language:
        return {"@value": o.value, "@language": o.language}
    return {"@value": o.value, "@type": o.datatype.value}


def _id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _singles(node: dict) -> dict:
    """One value is written as itself, several as a list (JSON-LD reads both the same)."""
    out = {}
    for key, values in node.items():
        if isinstance(values, dict):
            out[key] = {lang: v[0] if len(v) == 1 else v for lang, v in values.items()}
        elif isinstance(values, list) and len(values) == 1:
            out[key] = values[0]
        else:
            out[key] = values
    return out
