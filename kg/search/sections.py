"""The sections to index, read from the graph store: the one source of the index's content.

Ingest indexes a document's sections as the store holds them right after its graph is
replaced, and `kg reindex` rebuilds the whole index the same way, so the index cannot hold a
section (or a title, actor, topic) that the graph does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.lang.thesaurus import thesaurus
from kg.search.index import IndexedSection, fingerprint
from kg.lang.morphology import APERTIUM_HINT, Apertium, morphology
from kg.store.graphstore import with_entities_graph
from kg.vocab import sparql_prefixes

_SECTIONS = """
SELECT ?g ?s ?file ?title ?kind ?start ?end ?text ?actor ?date ?body WHERE { $graphs GRAPH ?g {
  ?s a kg:Section ; dcterms:isPartOf ?d ; dcterms:title ?title ; kg:sectionKind ?kind ;
     kg:lineStart ?start ; kg:lineEnd ?end ; schema:text ?text .
  ?d kg:sourceFile ?file .
  OPTIONAL { ?s kg:actor ?a . GRAPH $entities { ?a rdfs:label ?actor } }
  OPTIONAL { ?s kg:meeting ?m . ?m schema:startDate ?date }
  OPTIONAL { ?s kg:meeting ?m . ?m schema:organizer ?o . GRAPH $entities { ?o rdfs:label ?body } }
} }"""
# $graphs: the documents' graphs asked for (VALUES ?g), a lookup each, not a scan of the store
_TOPICS = """
SELECT ?g ?s ?t WHERE { $graphs GRAPH ?g { ?s a kg:Section ; dcterms:subject ?t } }"""
_MENTIONS = """
SELECT ?g ?s ?label WHERE { $graphs GRAPH ?g { ?s a kg:Section ; schema:mentions ?e . GRAPH $entities { ?e rdfs:label ?label } } }"""


def sections_in_store(store, graphs: list[str] | None = None) -> dict[str, list[IndexedSection]]:
    """Document name → its sections in line order; of these named graphs (an ingest's chunk:
    three queries for all of them, where three a document cost 4 ms of the writer's), or of all."""
    def select(query: str) -> list[dict]:
        return store.select(sparql_prefixes() + with_entities_graph(query, store.base).replace("$graphs", values))

    values = "" if graphs is None else f"VALUES ?g {{ {' '.join(_iri(g) for g in graphs)} }}"
    topics = _many(select(_TOPICS), "t")
    mentions = _many(select(_MENTIONS), "label")
    by_slug = thesaurus().by_slug
    out: dict[str, list[IndexedSection]] = {}
    seen: set[str] = set()
    for r in select(_SECTIONS):
        s = r["s"].value
        if s in seen:  # an entity given two labels by two documents gives two rows
            continue
        seen.add(s)
        out.setdefault(r["file"].value, []).append(IndexedSection(
            document=r["file"].value,
            section_id=s,
            title=r["title"].value,
            kind=r["kind"].value,
            actor=r["actor"].value if "actor" in r else None,
            body=r["body"].value if "body" in r else None,
            date=r["date"].value[:10] if "date" in r else None,
            lines=(int(r["start"].value), int(r["end"].value)),
            text=r["text"].value,
            topics=tuple(_topic_label(t, by_slug) for t in topics.get(s, ())),
            mentions=tuple(mentions.get(s, ())),
        ))
    for sections in out.values():
        sections.sort(key=lambda x: x.lines)
    return out


def _iri(graph: str) -> str:
    """A graph's IRI as SPARQL writes it, by pyoxigraph (which refuses a string that is no IRI)."""
    import pyoxigraph as ox

    return str(ox.NamedNode(graph))


def _many(rows: list[dict], name: str) -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["s"].value, set()).add(r[name].value)
    return {s: sorted(values) for s, values in out.items()}


def _topic_label(iri: str, by_slug) -> str:
    slug = iri.rsplit("/", 1)[-1]
    concept = by_slug.get(slug)
    return concept.label if concept else slug


@dataclass(frozen=True)
class Drift:
    """How the index differs from the graph's sections (all empty: no drift)."""

    sections: int  # sections in the graph
    missing: list[str]  # in the graph, not in the index
    extra: list[str]  # in the index, not in the graph
    stale: list[str]  # in both, with another title, line span or text
    morphology: str = ""  # the analysers search reads words with ("apertium+simplemma")
    advice: tuple[str, ...] = ()  # how to read words better: install Apertium, reindex

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)

    def to_json(self) -> dict:
        return {"ok": self.ok, "sections": self.sections, "missing": self.missing, "extra": self.extra,
                "stale": self.stale, "morphology": self.morphology, "advice": list(self.advice)}


def drift(store, index) -> Drift:
    """Compare the index with the store's sections, section by section."""
    graph = {s.section_id: fingerprint(s.document, s.title, s.lines, s.text)
             for sections in sections_in_store(store).values() for s in sections}
    indexed = index.fingerprints()
    return Drift(
        sections=len(graph),
        missing=sorted(set(graph) - set(indexed)),
        extra=sorted(set(indexed) - set(graph)),
        stale=sorted(s for s in set(graph) & set(indexed) if graph[s] != indexed[s]),
        morphology=morphology().name,
        advice=morphology_advice(index.path),
    )


def morphology_advice(index_path) -> tuple[str, ...]:
    """What would make search read words better: Apertium where it is missing, a reindex
    where the index was built with other analysers than the ones installed now."""
    advice = [] if Apertium.available() else [APERTIUM_HINT]
    built = {p.stem.removeprefix("morphology-") for p in Path(index_path).glob("morphology-*.sqlite")}
    if built and morphology().name not in built:
        advice.append(f"the index was built with {', '.join(sorted(built))}, search now reads words with "
                      f"{morphology().name}: run kg reindex")
    return tuple(advice)
