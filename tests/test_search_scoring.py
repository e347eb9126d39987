"""The page scored from the postings (kg.search.scoring) is whoosh's own ranking, where whoosh scores every match."""

import pytest
from whoosh.qparser import AndGroup, OrGroup
from whoosh.query import Or, Term

from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.count import matching, segments
from kg.search.scoring import ranked


def section(doc, n, title, text):
    return IndexedSection(document=doc, section_id=f"urn:{doc}/{n}", title=title, kind="agenda", actor=None,
                          body="Fjordrådet", date="2024-05-06", lines=(n * 10, n * 10 + 4), text=text)


FIRST = [
    section("a.txt", 1, "Sak 1/24 Havbruk og kystsoner",
            "Rådet drøfta havbruk langs kysten. Grøn omstilling av havbruket krev ny kunnskap om kystsonene."),
    section("a.txt", 2, "Sak 2/24 Skuleskyss",
            "Skuleskyssen i Nordbygda vert lagd om. Omstilling og grøn drift av bussane kjem seinare."),
    section("a.txt", 3, "Sak 3/24 Referat",
            "Dagleg leiar orienterte om havbruksnæringa, om hamna og om sjøfart i fjorden."),
]
SECOND = [
    section("b.txt", 1, "Sak 4/24 Hamneplan",
            "Hamneplanen skal sikre sjøfart og havbruk. Ei grøn omstilling av hamna er målet, og grøn "
            "omstilling av ferjene følgjer."),
    section("b.txt", 2, "Sak 5/24 Budsjett", "Rammene for havbruk og hamn vert vidareførte."),
    section("b.txt", 3, "Sak 6/24 Eventuelt", "Ingen saker."),
]


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([("hamn", "kai"), ("grøn omstilling", "grønt skifte")]))
    ix.replace_document("a.txt", FIRST)
    ix.replace_document("b.txt", SECOND)  # a second commit: a second segment, idf from the whole index
    return ix


def parsed(ix, text, group=AndGroup):
    return ix._parse(text, group, set(text.lower().split()))


@pytest.mark.parametrize("text", ["havbruk", "hamn", "havbruk hamn", '"grøn omstilling"', "(kai OR hamn) sjøfart",
                                  '(hamn OR "grønt skifte") havbruk', '"grøn omstilling" AND hamneplanen',
                                  '"grøne omstillinga"', '"omstillinga av hamna" OR havbruk',  # phrases of lemmas
                                  '"grøne omstillinga" AND hamneplanen'])
def test_the_page_and_its_scores_are_whooshs(index, text):
    searcher = index._current()
    q = parsed(index, text)
    matched, top = ranked(searcher, q, None, 10, segments(searcher))
    theirs = list(iter(searcher.search(q, limit=10)))
    assert matched == matching(searcher, q) and matched
    assert [(h.docnum, round(h.score, 9)) for h in top] == [(h.docnum, round(h.score, 9)) for h in theirs]


def test_a_phrase_whose_words_stand_apart_adds_nothing(index):
    searcher = index._current()
    q = parsed(index, '"grøn omstilling"')
    matched, top = ranked(searcher, q, None, 10, segments(searcher))
    titles = [h["title"] for h in top]
    assert "Sak 2/24 Skuleskyss" not in titles  # "Omstilling og grøn drift": both words, not the phrase
    assert titles[0] == "Sak 4/24 Hamneplan"  # the phrase twice


def test_a_phrase_under_an_and_counts_only_where_its_words_stand_together(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([]))
    ix.replace_document("c.txt", [
        section("c.txt", 1, "Sak 1/24 Kai", "Kaia i fjorden er lang. Kai og fjord vart drøfta, og ny veg."),
        section("c.txt", 2, "Sak 2/24 Fjord", "Ny kai i fjorden, ny kai i fjorden, ny kai i fjorden."),
        section("c.txt", 3, "Sak 3/24 Kaiplan", "Fjorden fekk ny plan: ny kai kjem."),
    ])
    searcher = ix._current()
    q = parsed(ix, '("ny kai" OR veg) AND fjorden')  # the first holds "ny" and "kai", apart, and "veg"
    matched, top = ranked(searcher, q, None, 10, segments(searcher))
    theirs = list(iter(searcher.search(q, limit=10)))
    assert [(h.docnum, round(h.score, 9)) for h in top] == [(h.docnum, round(h.score, 9)) for h in theirs]
    assert matched == matching(searcher, q) == {0, 1, 2}


def test_allowed_sections_only(index):
    searcher = index._current()
    q = parsed(index, "havbruk")
    everything, _ = ranked(searcher, q, None, 10, segments(searcher))
    some = set(sorted(everything)[:2])
    matched, top = ranked(searcher, q, some, 10, segments(searcher))
    assert matched == some and {h.docnum for h in top} == some


def test_queries_scored_some_other_way_are_left_to_whoosh(index):
    searcher = index._current()
    coordinated = Or([Term("exact", "havbruk"), Term("exact", "hamn")], scale=0.9)  # a bonus for each word matched
    for q in (parsed(index, "havbrok~"), parsed(index, "havbr*"), coordinated):
        assert ranked(searcher, q, None, 10, segments(searcher)) is None


def test_the_or_of_words_when_their_and_finds_nothing(index):
    searcher = index._current()
    q = parsed(index, "skuleskyss hamneplan", OrGroup.factory(0.9))  # kg's second try: no coordination bonus left
    matched, top = ranked(searcher, q, None, 10, segments(searcher))
    assert [(h.docnum, round(h.score, 9)) for h in top] == [
        (h.docnum, round(h.score, 9)) for h in searcher.search(q, limit=10)] and matched == matching(searcher, q)
