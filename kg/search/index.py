"""The full-text index of sections: the only place that knows whoosh is underneath.

Each section is indexed twice, stemmed ("content") and as exact words ("exact", boosted), so
that inflected forms are found and the word the user typed ranks first. Synonyms and compound
parts are added to the query, not to the index, so they can change without re-indexing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from whoosh import writing
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.index import LockError, create_in, exists_in, open_dir
from whoosh.qparser import AndGroup, FieldsPlugin, FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.query import And, Or, Term, TermRange

from kg.errors import QueryError, StoreError
from kg.lang.synonyms import SynonymTable
from kg.search.analysis import exact_analyzer, stemming_analyzer
from kg.search.query import expand, lex
from kg.search.snippets import snippet
from kg.search.vocabulary import Vocabulary

INDEX_NAME = "sections_v1"  # a new name for a new schema: an old index is then rebuilt, not misread
FIELD_BOOSTS = {"exact": 2.0, "content": 1.0, "title": 1.5, "tags": 0.5}
PART_BOOST = 0.3  # a compound containing the query word counts less than the word itself
WRITE_TIMEOUT = 10.0  # seconds to wait for another process's writer
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

SCHEMA = Schema(
    section_id=ID(stored=True, unique=True),
    document=ID(stored=True),
    title=TEXT(analyzer=stemming_analyzer(), stored=True),
    kind=ID(stored=True),
    actor=STORED,
    actor_key=ID,
    body=STORED,
    date=ID(stored=True),
    lines=STORED,
    text=STORED,
    content=TEXT(analyzer=stemming_analyzer()),
    exact=TEXT(analyzer=exact_analyzer()),
    tags=TEXT(analyzer=stemming_analyzer()),
)


@dataclass(frozen=True)
class IndexedSection:
    document: str
    section_id: str
    title: str
    kind: str
    actor: str | None
    body: str | None
    date: str | None
    lines: tuple[int, int]
    text: str
    topics: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    document: str
    section: str
    lines: tuple[int, int]
    date: str | None
    score: float
    snippet: str
    kind: str
    actor: str | None
    body: str | None
    section_id: str

    def to_json(self) -> dict:
        return {"document": self.document, "section": self.section, "lines": list(self.lines),
                "date": self.date, "score": self.score, "snippet": self.snippet, "kind": self.kind,
                "actor": self.actor, "body": self.body}


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    suggestion: str | None
    hits: list[Hit]

    def to_json(self) -> dict:
        return {"query": self.query, "total": self.total, "suggestion": self.suggestion,
                "hits": [h.to_json() for h in self.hits]}


class SectionIndex:
    """A whoosh index in one directory, opened on first use and kept open for the process."""

    def __init__(self, path: Path, synonyms: SynonymTable | None = None):
        self.path = Path(path)
        self._synonyms = synonyms
        self._ix = None
        self._searcher = None
        self._generation = -1
        self._vocabulary: Vocabulary | None = None

    # -- writing

    def replace_document(self, document: str, sections: list[IndexedSection]) -> None:
        """Swap a document's sections in one commit: readers see the old set or the new one."""
        strays = {s.document for s in sections} - {document}
        if strays:
            raise ValueError(f"sections of {sorted(strays)} given for document {document}")
        with self._writer() as w:
            w.delete_by_term("document", document)
            for section in sections:
                w.add_document(**_fields(section))

    def remove_document(self, document: str) -> None:
        """Drop a document's sections (its file left the archive)."""
        with self._writer() as w:
            w.delete_by_term("document", document)

    def clear(self) -> None:
        """Empty the index, keeping its directory (before a full rebuild)."""
        self._writer().commit(mergetype=writing.CLEAR)

    def _writer(self):
        try:
            return self._index().writer(timeout=WRITE_TIMEOUT)
        except LockError as e:
            raise StoreError(f"search index {self.path} is locked by another process") from e

    # -- reading

    def documents(self) -> set[str]:
        """Documents with live sections (what the store's drift check compares)."""
        return {f["document"] for f in self._current().all_stored_fields()}

    def section_ids(self) -> set[str]:
        return {f["section_id"] for f in self._current().all_stored_fields()}

    def search(
        self,
        query: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        limit: int = 10,
    ) -> SearchResult:
        """Ranked sections for query; words AND-ed, or OR-ed when that finds nothing."""
        tokens = lex(query)
        if self._synonyms is None:
            self._synonyms = SynonymTable.load()
        text, loose_words = expand(tokens, self._synonyms)
        searcher = self._current()
        vocabulary = self._vocab(searcher)
        found = _filter(date_from, date_to, actor)
        for group in (AndGroup, OrGroup.factory(0.9)):
            q = self._parse(text, group, vocabulary)
            results = searcher.search(q, limit=limit, filter=found)
            if not results.is_empty():
                break
        stems = _stems(q, searcher.reader())
        corrections = [(t, vocabulary.correction(t.text)) for t in loose_words]
        return SearchResult(
            query=query,
            total=len(results),
            suggestion=_corrected(query, corrections),
            hits=[_hit(h, stems) for h in results],
        )

    def _parse(self, text: str, group, vocabulary: Vocabulary):
        parser = MultifieldParser(list(FIELD_BOOSTS), SCHEMA, fieldboosts=FIELD_BOOSTS, group=group)
        parser.remove_plugin_class(FieldsPlugin)  # "Merk:" is a word here, not a field name
        parser.add_plugin(_Fuzzy())

        def with_parts(q):
            if isinstance(q, Term) and q.fieldname == "exact":
                parts = [Term("exact", w, boost=q.boost * PART_BOOST) for w in vocabulary.compounds(q.text)]
                return Or([q, *parts]) if parts else q
            return q

        return parser.parse(text).accept(with_parts)

    def _index(self):
        if self._ix is None:
            self.path.mkdir(parents=True, exist_ok=True)
            if exists_in(self.path, INDEX_NAME):
                self._ix = open_dir(self.path, INDEX_NAME)
            else:
                self._ix = create_in(self.path, SCHEMA, INDEX_NAME)
        return self._ix

    def _current(self):
        """The cached searcher, reopened when a commit (from any process) changed the index.

        Not Searcher.refresh(): in whoosh-reloaded 2.7.5 it keeps segments a merge removed.
        """
        ix = self._index()
        generation = ix.latest_generation()
        if self._searcher is None or generation != self._generation:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = ix.searcher()
            self._generation = generation
        return self._searcher

    def _vocab(self, searcher) -> Vocabulary:
        if self._vocabulary is None or self._vocabulary.searcher is not searcher:
            self._vocabulary = Vocabulary(searcher)
        return self._vocabulary


class _Fuzzy(FuzzyTermPlugin):
    """`word~` allows two edits, since whoosh counts a swap of two letters ("Fornbeu") as two."""

    def create(self, parser, match):
        node = super().create(parser, match)
        if not match.group("maxdist"):
            node.maxdist = 2
        return node


def _fields(s: IndexedSection) -> dict:
    fields = dict(
        section_id=s.section_id,
        document=s.document,
        title=s.title,
        kind=s.kind,
        lines=tuple(s.lines),
        text=s.text,
        content=s.text,
        exact=s.text,
        tags="\n".join((*s.topics, *s.mentions)),
    )
    if s.actor is not None:
        fields.update(actor=s.actor, actor_key=s.actor.casefold())
    if s.body is not None:
        fields["body"] = s.body
    if s.date is not None:
        fields["date"] = s.date
    return fields


def _filter(date_from: str | None, date_to: str | None, actor: str | None):
    """The query that the filters make, or None without filters."""
    parts = []
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value is not None and not _is_iso_date(value):
            raise QueryError(f"{name} must be a date like 2022-05-20, not {value!r}")
    if date_from is not None or date_to is not None:
        parts.append(TermRange("date", date_from, date_to))
    if actor is not None:
        parts.append(Term("actor_key", actor.strip().casefold()))
    return And(parts) if parts else None


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(_ISO_DATE.fullmatch(value))


def _stems(q, reader) -> frozenset[str]:
    """The index terms the query matched, as stems: the form the snippet highlighter compares.

    (whoosh's own Query.existing_terms stops after the first field of a multi-field query.)
    """
    analyzer = stemming_analyzer()
    stems = set()
    for leaf in q.leaves():
        for field, word in leaf.expanded_terms(reader, phrases=True):
            word = word.decode("utf-8") if isinstance(word, bytes) else word  # prefix terms are bytes
            if field not in ("content", "exact", "title", "tags") or (field, word) not in reader:
                continue
            if field == "exact":
                stems.update(t.text for t in analyzer(word))
            else:
                stems.add(word)
    return frozenset(stems)


def _hit(hit, stems: frozenset[str]) -> Hit:
    return Hit(
        document=hit["document"],
        section=hit["title"],
        lines=tuple(hit["lines"]),
        date=hit.get("date"),
        score=round(hit.score, 3),
        snippet=snippet(hit["text"], stems),
        kind=hit["kind"],
        actor=hit.get("actor"),
        body=hit.get("body"),
        section_id=hit["section_id"],
    )


def _corrected(query: str, corrections) -> str | None:
    """The query with each misspelt word replaced, or None when nothing was corrected."""
    fixed = [(t, c) for t, c in corrections if c is not None]
    if not fixed:
        return None
    for token, correction in reversed(fixed):
        query = query[: token.start] + correction + query[token.start + len(token.text) :]
    return query
