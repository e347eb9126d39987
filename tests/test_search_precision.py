"""Search precision: abbreviations are no words, snippets are plain text, dates and body names
are read as people write them (issue 12, point 5)."""

import pytest

from kg.errors import QueryError
from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.filters import Filters, date_bound


def section(doc, n, title, text, date, body):
    return IndexedSection(document=doc, section_id=f"urn:{doc}/{n}", title=title, kind="roundtable", actor=title,
                          body=body, date=date, lines=(n, n + 1), text=text)


SECTIONS = {
    "nedre.txt": [
        section("nedre.txt", 1, "Lillestrøm", "Lillestrøm jobber bl.a. med sykkelveier, f.eks. langs elva, m.m.",
                "2021-11-03", "Nedre Romerikes faggruppe for næring"),
        section("nedre.txt", 2, "Nittedal", "### Nittedal:\nKommunen tester **AI** i [saksbehandlingen](#).",
                "2021-11-03", "Nedre Romerikes faggruppe for næring"),
    ],
    "indre.txt": [
        section("indre.txt", 1, "Eidsvoll", "Eidsvoll planlegger ny sykkelvei til stasjonen.", "2022-06-15",
                "Indre Romerikes faggruppe for næring"),
    ],
}


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([("AI", "KI", "kunstig intelligens")]))
    for doc, sections in SECTIONS.items():
        ix.replace_document(doc, sections)
    return ix


def titles(result):
    return [h.section for h in result.hits]


# -- abbreviations


@pytest.mark.parametrize("query", ["a", "AI", "eks", "m", "bl"])
def test_letters_of_an_abbreviation_never_match(index, query):
    assert "Lillestrøm" not in titles(index.search(query))


def test_abbreviations_leave_the_words_around_them(index):
    assert titles(index.search("elva")) == ["Lillestrøm"]
    assert "Nittedal" in titles(index.search("AI"))


# -- snippets


def test_snippets_are_text_without_markdown_marks(index):
    snippet = index.search("AI").hits[0].snippet
    assert snippet == "Nittedal: Kommunen tester <b>AI</b> i saksbehandlingen"


def test_a_snippet_marks_the_inflected_form(index):
    assert "<b>sykkelveier</b>" in index.search("sykkelvei", filters=Filters(actor=("Lillestrøm",))).hits[0].snippet


# -- dates


@pytest.mark.parametrize("written, first, last", [
    ("2022-05-20", "2022-05-20", "2022-05-20"), ("20.05.2022", "2022-05-20", "2022-05-20"),
    ("20. mai 2022", "2022-05-20", "2022-05-20"), ("mai 2022", "2022-05-01", "2022-05-31"),
    ("februar 2024", "2024-02-01", "2024-02-29"), ("2022", "2022-01-01", "2022-12-31")])
def test_dates_as_people_write_them(written, first, last):
    assert (date_bound(written, "date_from"), date_bound(written, "date_to")) == (first, last)


def test_a_year_filters_by_the_meeting_date(index):
    assert titles(index.search("sykkelvei", filters=Filters(date_from="2022", date_to="juni 2022"))) == ["Eidsvoll"]


@pytest.mark.parametrize("name, option", [("date_from", "--from"), ("date_to", "--to")])
def test_a_bad_date_names_the_option(index, name, option):
    with pytest.raises(QueryError, match=f"^{option} takes a date"):
        index.search("sykkelvei", filters=Filters(**{name: "neste uke"}))


# -- body names


def test_a_unique_short_body_name_finds_the_body(index):
    assert titles(index.search("sykkelvei", filters=Filters(body=("Nedre Romerike",)))) == ["Lillestrøm"]


def test_a_short_name_of_several_bodies_lists_them(index):
    with pytest.raises(QueryError, match="Indre Romerikes faggruppe for næring; Nedre Romerikes"):
        index.search("sykkelvei", filters=Filters(body=("faggruppe",)))
