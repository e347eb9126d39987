"""Each segment's side file (kg.search.postings): written at commit, the same postings as whoosh's,
and an index without one (written by older code) searches the same."""

import sqlite3

import pytest
from whoosh.formats import Positions

from kg.lang.synonyms import SynonymTable
from kg.search import SectionIndex, postings
from tests.test_search import OSLO, RINGS, VEST, section

QUERIES = ["sykehus", "grønn omstilling", '"kunstig intelligens"', "Fornebu OR reiseliv", "digital*",
           '"grønn omstilling" AND Halden', "klima actor:Bærum"]


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "index", SynonymTable(RINGS))
    ix.replace_document("oslo.txt", OSLO)
    ix.replace_document("vest.txt", VEST)
    ix.replace_document("oslo.txt", OSLO[:3])  # a deleted section in the first segment
    return ix


def results(ix):
    return [(r.total, [(h.section_id, h.score, h.snippet) for h in r.hits], r.facets)
            for r in (ix.search(q, facets=True) for q in QUERIES)]


def leaves(ix):
    return [sub for sub, _ in ix._current().reader().leaf_readers()]


def test_each_segment_has_its_side_file_after_a_commit(index):
    assert len(leaves(index)) > 1
    assert all(postings.side_file(sub).is_file() for sub in leaves(index))


def test_the_side_file_holds_whooshs_postings(index):
    """Every term's sections (deleted ones too), frequencies, field-length bytes and positions."""
    for sub in leaves(index):
        kept = postings.postings_of(sub)
        for fieldname in sub.indexed_field_names():
            field = sub.schema[fieldname]
            lengths = postings._lengths(sub, fieldname) if field.scorable else None
            for text in sub.field_terms(fieldname):
                theirs = _postings(sub, fieldname, text, type(field.format) is Positions)
                ids, codes = kept.row(fieldname, text)
                assert list(ids) == [d for d, _, _ in theirs]
                if lengths is not None:
                    assert list(codes) == [int(w) << 8 | lengths[d] for d, w, _ in theirs]
                if type(field.format) is Positions:
                    shift = kept.shift
                    assert list(kept.occurrences(fieldname, text)) == [d << shift | p for d, _, at in theirs for p in at]


def _postings(sub, fieldname, text, positional):
    """(section, weight, positions) of each posting, as whoosh's matcher reads them, deleted sections too."""
    m = sub.postings(fieldname, text)
    m = getattr(m, "child", m)
    m.reset()
    found = []
    while m.is_active():
        found.append((m.id(), m.weight(), m.value_as("positions") if positional else None))
        m.next()
    return found


def test_an_index_without_side_files_searches_the_same_and_gets_them(index):
    before = results(index)
    for sub in leaves(index):
        postings.side_file(sub).unlink()
    again = SectionIndex(index.path, SynonymTable(RINGS))
    assert results(again) == before
    assert all(postings.side_file(sub).is_file() for sub in leaves(again))


def test_a_side_file_of_another_format_is_written_again(index):
    before = results(index)
    for sub in leaves(index):
        with sqlite3.connect(postings.side_file(sub)) as db:
            db.execute("UPDATE meta SET value = 'older' WHERE key = 'format'")
    again = SectionIndex(index.path, SynonymTable(RINGS))
    assert results(again) == before
    for sub in leaves(again):
        with sqlite3.connect(postings.side_file(sub)) as db:
            assert db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (postings.FORMAT,)


def test_a_folder_that_cannot_be_written_reads_side_files_built_in_memory(index, monkeypatch):
    before = results(index)
    for sub in leaves(index):
        postings.side_file(sub).unlink()
    monkeypatch.setattr(postings, "write", lambda reader: None)  # as where the folder is read-only
    again = SectionIndex(index.path, SynonymTable(RINGS))
    assert results(again) == before
    assert not any(postings.side_file(sub).exists() for sub in leaves(again))


def test_a_merge_writes_the_merged_segments_side_file_and_whoosh_removes_the_old_ones(index):
    for _ in range(12):  # enough commits for whoosh to merge segments
        index.replace_document("vest.txt", VEST)
    files = {p.name for p in index.path.glob(f"*{postings.SUFFIX}")}
    assert files == {postings.side_file(sub).name for sub in leaves(index)}
    assert index.search("reiselivsstrategi").total == 1


def test_a_long_phrase_is_read_a_section_at_a_time(tmp_path):
    words = [f"ord{i}" for i in range(postings.LONGEST + 2)]
    ix = SectionIndex(tmp_path / "index", SynonymTable([]))
    ix.replace_document("a.txt", [section("a.txt", "1", "Asker", " ".join(words), "2022-05-20"),
                                  section("a.txt", "2", "Bærum", " ".join(reversed(words)), "2022-05-20")])
    assert [h.section for h in ix.search(f'"{" ".join(words)}"').hits] == ["Asker"]


@pytest.mark.parametrize("text", ["sykehus", "omstilling", '"grønn omstilling"', "Fornebu OR dashboard"])
def test_scores_count_deleted_sections_as_whoosh_does(index, text):
    """idf and average lengths take in the deleted sections, as whoosh's do."""
    from whoosh.qparser import OrGroup

    from kg.search.count import segments
    from kg.search.scoring import ranked

    searcher = index._current()
    assert searcher.reader().has_deletions()
    q = index._parse(text, OrGroup, set(text.lower().split()))
    _, top = ranked(searcher, q, None, 10, segments(searcher))
    theirs = list(iter(searcher.search(q, limit=10)))
    assert [(h.docnum, round(h.score, 9)) for h in top] == [(h.docnum, round(h.score, 9)) for h in theirs]


def test_what_a_writer_killed_while_writing_a_side_file_left_is_cleared(index):
    sub = leaves(index)[0]
    path = postings.side_file(sub)
    left = path.with_name(f".{path.name}.99999.tmp")
    left.write_bytes(b"half a file")
    path.unlink()
    assert SectionIndex(index.path, SynonymTable(RINGS)).search("sykehus").total
    assert path.is_file() and not left.exists()
