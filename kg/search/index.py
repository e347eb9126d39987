"""The full-text index of sections: the only place that knows whoosh is underneath.

Each section is indexed three ways: as exact words ("exact", boosted), as the lemmas that differ
from them ("content": a query's lemma is looked up in both, so no word is indexed twice) and as
compound parts ("parts", weak), so that inflected, nynorsk and compound forms are found and the
word the user typed ranks first, a part of a compound below the whole word. Both the
index and the query read words through one morphology (kg.lang.morphology). Synonyms are
added to the query, not to the index, so they can change without re-indexing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import writing
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError, create_in, exists_in, open_dir
from whoosh.qparser import AndGroup, FieldsPlugin, FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.query import Every, Or, Phrase, Sequence, Term

from kg.errors import QueryError, StoreError
from kg.lang.synonyms import SynonymTable
from kg.lang.text import key
from kg.search.analysis import LEMMA_FIELDS, content_analyzer, exact_analyzer, lemma_analyzer, parts_analyzer, words
from kg.search.count import facet_counts, matching, segments
from kg.search.filters import Filters, resolve_names
from kg.search.merging import merge_by_level
from kg.lang.morphology import morphology
from kg.search.query import OPERATORS, expand, lex, split_filters
from kg.search.postings import place, write_missing
from kg.search.ranking import Ranking, typed_words, weighted
from kg.search.scoring import ranked
from kg.search.snippets import snippet
from kg.search.vocabulary import VOCABULARY_FILE, Vocabulary

INDEX_NAME = "sections_v4"  # a new name for a new schema: an old index is then rebuilt, not misread
FIELD_BOOSTS = {"exact": 2.0, "content": 1.0, "title": 3.0, "tags": 0.5}
LEMMA_PHRASES = ("content", "title", "tags")  # fields whose phrases are of lemmas (see _phrase_of_lemmas)
PART_BOOST = 0.3  # a compound containing the query word counts less than the word itself
WHOLE_BOOST = 0.2  # a section with a part of the query's compound counts less still
RERANK_EXTRA = 20  # hits beyond the page that kg.search.ranking may move onto it
WRITE_TIMEOUT = 10.0  # seconds to wait for another process's writer
FACETS = ("actor", "body", "year", "topic")
SORTS = ("relevance", "date")

SCHEMA = Schema(
    section_id=ID(stored=True, unique=True),
    document=ID(stored=True),
    title=TEXT(analyzer=lemma_analyzer(), stored=True, multitoken_query="or"),
    kind=ID(stored=True),
    actor=ID(stored=True),
    actor_key=ID,
    body=ID(stored=True),
    body_key=ID,
    date=ID(stored=True),
    year=ID,
    topic=KEYWORD(commas=True, lowercase=False),
    topics=STORED,
    mention=KEYWORD(commas=True, lowercase=False),
    mention_name=KEYWORD(commas=True, lowercase=False),  # as written: "did you mean" offers these
    lines=STORED,
    text=STORED,
    content=TEXT(analyzer=content_analyzer(), multitoken_query="or"),  # a lemma: see LEMMA_FIELDS
    exact=TEXT(analyzer=exact_analyzer()),
    tags=TEXT(analyzer=lemma_analyzer(), multitoken_query="or"),
    parts=TEXT(analyzer=parts_analyzer(), multitoken_query="or", phrase=False),  # Terms only: no positions
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
    topics: tuple[str, ...] = ()
    terms: frozenset[str] = frozenset()  # the index terms the query matched: which lines of it match (kg.ask.lines)

    def to_json(self) -> dict:
        return {"document": self.document, "section": self.section, "lines": list(self.lines),
                "date": self.date, "score": self.score, "snippet": self.snippet, "kind": self.kind,
                "actor": self.actor, "body": self.body, "topics": list(self.topics)}


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    suggestion: str | None
    hits: list[Hit]
    page: int = 1
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"query": self.query, "total": self.total, "suggestion": self.suggestion, "page": self.page,
               "hits": [h.to_json() for h in self.hits]}
        if self.facets:
            out["facets"] = self.facets
        return out


class SectionIndex:
    """A whoosh index in one directory, opened on first use and kept open for the process."""

    def __init__(self, path: Path, synonyms: SynonymTable | None = None):
        self.path = Path(path)
        self._synonyms = synonyms
        self._ix = None
        self._unmapped = None  # the same index, opened for searching (see _current)
        self._searcher = None
        self._generation = -1
        self._vocabulary: Vocabulary | None = None

    # -- writing

    def replace_document(self, document: str, sections: list[IndexedSection]) -> None:
        """Swap a document's sections in one commit: readers see the old set or the new one."""
        self.replace_documents({document: sections})

    def replace_documents(self, documents: dict[str, list[IndexedSection]]) -> None:
        """Swap documents' sections in one writer and one commit (an ingest's chunk): a commit
        writes a segment and merges small ones, so one a document would cost more than the adding."""
        for document, sections in documents.items():
            _check_owner(document, sections)
        self._analyse([s for sections in documents.values() for s in sections])
        with self._writer() as w:
            for document, sections in documents.items():
                w.delete_by_term("document", document)
                for section in sections:
                    w.add_document(**_fields(section))
        write_missing(self._index())

    def remove_document(self, document: str) -> None:
        """Drop a document's sections (its file left the archive)."""
        with self._writer() as w:
            w.delete_by_term("document", document)
        write_missing(self._index())

    def rebuild(self, documents: dict[str, list[IndexedSection]], progress=None) -> None:
        """Replace the whole index by these documents' sections in one commit (progress: kg.render.Progress)."""
        self._analyse([s for sections in documents.values() for s in sections])
        w = self._writer()
        if progress is not None:
            progress.total = len(documents)
        try:
            for document, sections in documents.items():
                if progress is not None:
                    progress.advance()
                _check_owner(document, sections)
                for section in sections:
                    w.add_document(**_fields(section))
        except BaseException:
            w.cancel()
            raise
        w.commit(mergetype=writing.CLEAR)
        write_missing(self._index())

    def _analyse(self, sections: list[IndexedSection]) -> None:
        """Look up every distinct word of the sections in one batch before whoosh reads them."""
        morph = morphology()
        morph.persist_in(self.path)
        morph.prepare(w for s in sections for text in (s.title, s.text, *s.topics, *s.mentions) for w in words(text))

    def _writer(self):
        """A writer whose commit merges segments by kg's rule (kg.search.merging)."""
        try:
            writer = self._index().writer(timeout=WRITE_TIMEOUT)
        except LockError as e:
            raise StoreError(f"search index {self.path} is locked by another process") from e
        writer.mergetype = merge_by_level
        return writer

    # -- reading

    def documents(self) -> set[str]:
        """Documents with live sections (what the store's drift check compares)."""
        return {f["document"] for f in self._current().all_stored_fields()}

    def section_ids(self) -> set[str]:
        return set(self.fingerprints())

    def fingerprints(self) -> dict[str, tuple]:
        """Section id → what the drift check compares with the graph (see fingerprint)."""
        return {f["section_id"]: fingerprint(f["document"], f["title"], f["lines"], f["text"])
                for f in self._current().all_stored_fields()}

    def search(
        self,
        query: str,
        *,
        filters: Filters = Filters(),
        limit: int = 10,
        page: int = 1,
        sort: str = "relevance",
        facets: bool = False,
    ) -> SearchResult:
        """Ranked sections for query; words AND-ed, or OR-ed when that finds nothing."""
        if limit < 1 or page < 1:
            raise QueryError("limit and page must be 1 or more")
        if sort not in SORTS:
            raise QueryError(f"sort by {' or '.join(SORTS)}, not {sort!r}")
        tokens, in_query = split_filters(query)
        searcher = self._current()
        filters = filters.plus(in_query)
        if filters.body:
            filters = replace(filters, body=resolve_names(filters.body, list(searcher.reader().field_terms("body")), "body"))
        narrowed = filters.query()
        parts = segments(searcher)
        allowed = None if narrowed is None else matching(searcher, narrowed, parts)
        if self._synonyms is None:
            self._synonyms = SynonymTable.kept_in(self.path)
        vocabulary = self._vocab(searcher)
        morphology().persist_in(self.path)
        morphology().prepare(w for t in tokens for w in words(t.text))
        text, loose_words = expand(tokens, self._synonyms, lambda w: morphology()(w).lemmas) if tokens else ("", [])
        wanted = page * limit + RERANK_EXTRA if sort == "relevance" else None
        for text in _written_apart(text, tokens, self._synonyms):
            _prepare(text)
            for group in (AndGroup, OrGroup.factory(0.9)):
                q = self._parse(text, group, {key(t.text) for t in tokens}) if text else Every()
                # the total is every section q matches: whoosh's collector counts only those it ranks
                found = ranked(searcher, q, allowed, wanted, parts) if wanted else None
                matched, top = found or (matching(searcher, q, parts), None)
                if allowed is not None:
                    matched &= allowed
                if matched:
                    break
            if matched:
                break
        if top is None:  # a query kg.search.scoring does not score, or sorted by date: whoosh ranks
            results = searcher.search(q, limit=wanted, filter=allowed or narrowed)  # whoosh takes an empty set for none
            top = list(iter(results))  # not list(results): that asks whoosh for the count it does not keep
        if sort == "relevance":
            ordered = Ranking(parts, typed_words(tokens)).sorted(top)
        else:
            by_score = sorted(top, key=lambda h: (-h.score, place(h)))
            ordered = sorted(by_score, key=lambda h: h.get("date") or "", reverse=True)
        terms = _matched_terms(q, searcher.reader(), parts)
        corrections = [(t, vocabulary.correction(t.text)) for t in loose_words]
        suggestion = _corrected(query, corrections)
        if suggestion is None and not matched and tokens:
            suggestion = vocabulary.name_correction(" ".join(t.text for t in tokens))
        return SearchResult(
            query=query,
            total=len(matched),
            suggestion=suggestion,
            hits=[_hit(h, terms) for h in ordered[(page - 1) * limit : page * limit]],
            page=page,
            facets={name: _counts(name, facet_counts(searcher, name, matched)) for name in FACETS} if facets else {},
        )

    def _parse(self, text: str, group, typed: set[str]):
        parser = MultifieldParser(list(FIELD_BOOSTS), SCHEMA, fieldboosts=FIELD_BOOSTS, group=group)
        parser.remove_plugin_class(FieldsPlugin)  # "Merk:" is a word here, not a field name
        parser.add_plugin(_Fuzzy())

        def with_parts(q):
            """A word also finds the compounds it is part of, and a compound the user typed its parts
            (not a synonym's parts: "helsevesen" for "sykehus" should not find "vegvesen")."""
            if isinstance(q, Term) and q.fieldname == "exact":
                analysis = morphology()(q.text)
                wider = [Term("parts", k, boost=q.boost * PART_BOOST) for k in analysis.lemmas]
                narrower = [Term(f, p, boost=q.boost * WHOLE_BOOST) for p in analysis.parts
                            for f in (*LEMMA_FIELDS, "parts")] if q.text in typed else []
                return Or([q, *wider, *narrower])
            if isinstance(q, Term) and q.fieldname == "content":
                return Or([Term(f, q.text, boost=q.boost) for f in LEMMA_FIELDS])
            if isinstance(q, Phrase) and q.fieldname in LEMMA_PHRASES and q.char_ranges:
                return _phrase_of_lemmas(q)
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

        Not Searcher.refresh(): in whoosh-reloaded 2.7.5 it keeps segments a merge removed. Its files
        are read where asked, not mapped: whoosh copies each mapped file of a compound segment whole
        into memory when a reader opens (its BufferFile is a BytesIO of the mapping), most of a cold
        `kg search` of many segments, which reads postings from the side files (kg.search.postings)
        and asks whoosh for little. Writers map them: a merge reads every block.
        """
        generation = self._index().latest_generation()
        if self._searcher is None or generation != self._generation:
            if self._searcher is not None:
                self._searcher.close()
            write_missing(self._index())
            if self._unmapped is None:
                self._unmapped = FileStorage(str(self.path), supports_mmap=False).open_index(INDEX_NAME)
            self._searcher = self._unmapped.searcher()
            self._generation = generation
        return self._searcher

    def _vocab(self, searcher) -> Vocabulary:
        if self._vocabulary is None or self._vocabulary.searcher is not searcher:
            toc = self.path / f"_{INDEX_NAME}_{self._generation}.toc"  # rewritten by every commit
            try:
                stamp = f"{toc.name} {toc.stat().st_mtime_ns}"
            except OSError:
                stamp = None
            self._vocabulary = Vocabulary(searcher, self.path / VOCABULARY_FILE if stamp else None, stamp)
        return self._vocabulary

    def knows(self, word: str) -> bool:
        """Whether some section's text holds the word, in any form or as a compound's part: a word
        made from a question's words (kg.ask.lines.wider_words) is searched for only if it does."""
        return self._vocab(self._current()).known(word.lower())

    def words(self) -> frozenset[str]:
        """The words of the sections' text as written (lower case): the compounds a word is the first
        part of, where the index holds them whole (kg.ask.lines.wider_words)."""
        return self._vocab(self._current()).words

    def keep_vocabulary(self) -> None:
        """Write the suggestion vocabulary of the index as it now is beside it (after a batch of writes)."""
        self._vocab(self._current()).keep()


def _prepare(text: str) -> None:
    """Look up, in one batch, every word the parser's analysers will ask about: the expanded query's
    synonyms too, as written (lemmas, parts) and in lower case (an exact term's compound parts).
    Asked one at a time, each unknown word costs a call of the analysers and a write of their cache."""
    morphology().prepare(v for w in words(text) if w not in OPERATORS for v in (w, w.lower()))


def _written_apart(text: str, tokens: list, synonyms: SynonymTable):
    """The query's text, then, when it finds nothing, with each word the analysers know whole as a
    compound ("lokalmat") also as a phrase of the two words it is made of, as text may write them
    apart ("lokal mat"); one-word compounds with known parts are found by their parts already."""
    yield text
    if not text:
        return
    apart = []
    for t in tokens:
        split = morphology().split(t.text) if t.plain and not morphology()(t.text).parts else None
        apart.append(f'({t.text} OR "{" ".join(split)}")' if split else t.text)
    if any(a != t.text for a, t in zip(apart, tokens)):
        yield expand(lex(" ".join(apart)), synonyms, lambda w: morphology()(w).lemmas)[0]


def _phrase_of_lemmas(q: Phrase):
    """A phrase in a field of lemmas as its words in sequence, each word any of its lemmas.

    The analyser gives a word's lemmas one position ("offentlige": offentlig and offentleg), which
    whoosh's Phrase would take for words one after the other; and the content field leaves out a
    lemma that is the word as written (the exact field holds it): so each lemma is looked up in
    both fields, as a word alone is, and the phrase matches what its words match, side by side.
    """
    fields = LEMMA_FIELDS if q.fieldname == "content" else (q.fieldname,)
    words: dict[tuple[int, int], list[str]] = {}  # a word's place in the query → its lemmas
    for word, place in zip(q.words, q.char_ranges):
        words.setdefault(place, []).append(word)
    if len(fields) == 1 and len(words) == len(q.words):
        return q  # one lemma a word, in one field: whoosh's phrase reads it right
    alternatives = [[Term(f, w) for w in lemmas for f in fields] for lemmas in words.values()]
    if len(alternatives) == 1:
        return Or([Term(t.fieldname, t.text, boost=q.boost) for t in alternatives[0]])
    return Sequence([Or(terms) if len(terms) > 1 else terms[0] for terms in alternatives], boost=q.boost)


def fingerprint(document: str, title: str, lines, text: str) -> tuple:
    """A section as the drift check sees it: where it is and what it says."""
    return (document, title, tuple(lines), text)


def _check_owner(document: str, sections: list[IndexedSection]) -> None:
    strays = {s.document for s in sections} - {document}
    if strays:
        raise ValueError(f"sections of {sorted(strays)} given for document {document}")


class _Fuzzy(FuzzyTermPlugin):
    """`word~` allows two edits, since whoosh counts a swap of two letters ("Fornbeu") as two;
    more are never allowed ("kunstig~9" would try most of the vocabulary, for minutes)."""

    def create(self, parser, match):
        node = super().create(parser, match)
        node.maxdist = min(node.maxdist, 2) if match.group("maxdist") else 2
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
        parts="\n".join((s.title, s.text)),
        tags="\n".join((*s.topics, *s.mentions)),
        topics=tuple(s.topics),
    )
    if s.topics:
        fields["topic"] = ",".join(key(t) for t in s.topics)
    if s.mentions:
        fields["mention"] = ",".join(key(m) for m in s.mentions)
        fields["mention_name"] = ",".join(m.replace(",", " ") for m in s.mentions)
    if s.actor is not None:
        fields.update(actor=s.actor, actor_key=key(s.actor))
    if s.body is not None:
        fields.update(body=s.body, body_key=key(s.body))
    if s.date is not None:
        fields.update(date=s.date, year=s.date[:4])
    return fields


def _counts(name: str, groups: dict) -> dict[str, int]:
    """Facet counts, largest first; topics by their thesaurus label."""
    counts = {value: n for value, n in groups.items() if value is not None}
    if name == "topic":
        counts = _topic_labels(counts)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _topic_labels(counts: dict[str, int]) -> dict[str, int]:
    from kg.lang.thesaurus import thesaurus

    labels = {key(c.label): c.label for c in thesaurus().concepts}
    return {labels.get(k, k): n for k, n in counts.items()}


def _matched_terms(q, reader, parts) -> frozenset[str]:
    """The index terms (words, lemmas, parts) the query matched: what the snippet marks (parts:
    kg.search.count's segments, which have read the query's terms already).

    (whoosh's own Query.existing_terms stops after the first field of a multi-field query.)
    """
    terms = set()
    for leaf in q.leaves():
        for fieldname, word in leaf.expanded_terms(reader, phrases=True):
            word = word.decode("utf-8") if isinstance(word, bytes) else word  # prefix terms are bytes
            if fieldname in ("content", "exact", "title", "tags", "parts") and \
                    any(segment.row(fieldname, word)[0] for segment, _ in parts):
                terms.add(word)
    return frozenset(terms)


def _hit(hit, terms: frozenset[str]) -> Hit:
    return Hit(
        document=hit["document"],
        section=hit["title"],
        lines=tuple(hit["lines"]),
        date=hit.get("date"),
        score=round(weighted(hit), 3),
        snippet=snippet(hit["text"], terms),
        kind=hit["kind"],
        actor=hit.get("actor"),
        body=hit.get("body"),
        section_id=hit["section_id"],
        topics=tuple(hit.get("topics", ())),
        terms=terms,
    )


def _corrected(query: str, corrections) -> str | None:
    """The query with each misspelt word replaced, or None when nothing was corrected."""
    fixed = [(t, c) for t, c in corrections if c is not None]
    if not fixed:
        return None
    for token, correction in reversed(fixed):
        query = query[: token.start] + correction + query[token.start + len(token.text) :]
    return query
