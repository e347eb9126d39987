"""Search that reads Norwegian: compounds, bokmål and nynorsk, over-stemming, synonyms (issue 4, points 1-4)."""

import pytest

from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.analysis import stemming_analyzer
from kg.search.compounds import CompoundSplitter


def section(doc, n, title, text, date="2023-02-01", body="Telemarksrådet", topics=()):
    return IndexedSection(document=doc, section_id=f"urn:{doc}/{n}", title=title, kind="roundtable", actor=title,
                          body=body, date=date, lines=(n, n + 2), text=text, topics=topics)


BOKMAL = [
    section("tm.txt", 1, "Notodden", "Notodden jobber med søknaden om plass på verdensarvlisten for industriarven."),
    section("tm.txt", 2, "Skien", "Sykehusbygget i Skien står ferdig i 2025. Kommunene samarbeider om næringsutviklingen."),
    section("tm.txt", 3, "Porsgrunn", "Porsgrunn har laget et klimadashboard og et nytt dashboard for økonomi."),
    section("tm.txt", 4, "Bø", "Bø satser på kunst og kultur, med et nytt galleri for samtidskunst."),
    section("tm.txt", 5, "Kragerø", "Kragerø tester kunstig intelligens i byggesaksbehandlingen."),
    section("tm.txt", 6, "Vinje", "Utvikling av hyttefeltet ved Haukeli er i gang."),
]
NYNORSK = [
    section("hf.txt", 1, "Førde", "Kommunane i Sunnfjord har fått tilskot frå fylket til det nye sjukehuset.",
            body="Vestland fylkeskommune"),
    section("hf.txt", 2, "Florø", "Verksemda til hamna i Florø veks, og IKT-satsinga held fram.",
            body="Vestland fylkeskommune"),
    section("hf.txt", 3, "Stryn", "Stryn arbeider med KI i helsetenesta.", body="Vestland fylkeskommune"),
]


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    ix.replace_document("tm.txt", BOKMAL)
    ix.replace_document("hf.txt", NYNORSK)
    return ix


def titles(result):
    return [h.section for h in result.hits]


# -- 1. compounds


@pytest.mark.parametrize("part, whole", [("verdensarv", "Notodden"), ("arv", "Notodden"), ("sykehus", "Skien"),
                                         ("bygg", "Skien"), ("klima", "Porsgrunn")])
def test_a_part_of_a_compound_finds_the_compound(index, part, whole):
    assert whole in titles(index.search(part))


def test_whole_word_ranks_above_a_part(index):
    ranked = index.search("utvikling").hits
    assert [h.section for h in ranked] == ["Vinje", "Skien"]  # Skien only has "næringsutviklingen"
    assert ranked[0].score > ranked[1].score


def test_splitting_uses_the_word_list_and_the_corpus():
    splitter = CompoundSplitter(frozenset({"haukeli"}))
    assert splitter.is_part("verden", "verdensarvlisten")
    assert splitter.is_part("veg", "haukelivegen")  # "haukeli" known from the corpus only
    assert not splitter.is_part("kunst", "kunstig")  # "ig" is no word
    assert not splitter.is_part("sykehus", "sykehuset")  # an inflection, not a compound
    assert not CompoundSplitter(frozenset()).is_part("veg", "haukelivegen")


# -- 2. bokmål and nynorsk


@pytest.mark.parametrize("query, title", [("kommunene", "Førde"), ("kommunane", "Skien"), ("sykehuset", "Førde"),
                                          ("sjukehus", "Skien"), ("virksomheten", "Florø"), ("havn", "Florø"),
                                          ("tilskudd fra fylket", "Førde")])
def test_each_written_standard_finds_the_other(index, query, title):
    assert title in titles(index.search(query))


def test_nynorsk_forms_read_as_bokmal():
    analyze = stemming_analyzer()
    assert [t.text for t in analyze("frå sjukehuset verksemda")] == [t.text for t in analyze("fra sykehuset virksomheten")]


# -- 3. over-stemming


def test_art_does_not_find_artificial_intelligence(index):
    assert titles(index.search("kunst")) == ["Bø"]
    assert titles(index.search("kunstig")) == ["Kragerø"]
    assert "Kragerø" not in titles(index.search("kunsten"))


def test_protected_words_keep_their_inflections():
    analyze = stemming_analyzer()
    assert [t.text for t in analyze("kunstige intelligensen")] == ["kunstig", "intelligens"]
    assert [t.text for t in analyze("kunst")] == ["kunst"]


def test_topic_concepts_are_indexed_as_concepts(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    tagged = section("x.txt", 1, "Tinn", "Tinn prøver ut maskinlæring i vannverket.", topics=("kunstig intelligens",))
    ix.replace_document("x.txt", [tagged])
    assert titles(ix.search("AI")) == ["Tinn"]  # the concept, though the words are not in the text


# -- 4. synonyms and abbreviations


@pytest.mark.parametrize("query, title", [("AI", "Kragerø"), ("AI", "Stryn"), ("kunstig intelligens", "Stryn"),
                                          ("IT", "Florø"), ("informasjonsteknologi", "Florø")])
def test_abbreviations_and_synonyms(index, query, title):
    assert title in titles(index.search(query))


def test_synonyms_change_without_reindexing(index, tmp_path):
    assert index.search("galleri").total == 1
    again = SectionIndex(index.path, SynonymTable([("utstillingslokale", "galleri")]))
    assert titles(again.search("utstillingslokale")) == ["Bø"]


def test_synonym_list_file_is_read(tmp_path):
    listed = tmp_path / "synonyms.txt"
    listed.write_text("# comment\nNTP | Nasjonal transportplan\n", encoding="utf-8")
    table = SynonymTable.from_files(tmp_path / "none.ttl", tmp_path / "none.toml", listed)
    assert table.rings_for("ntp") == [("NTP", "Nasjonal transportplan")]
