"""Query language, filters and result pages of search (issue 4, points 5 and 6)."""

import pytest

from kg.errors import QueryError
from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.filters import Filters


def section(doc, n, title, text, *, date, body, kind="roundtable", topics=(), mentions=()):
    return IndexedSection(document=doc, section_id=f"urn:{doc}/{n}", title=title, kind=kind,
                          actor=title if kind == "roundtable" else None, body=body, date=date, lines=(n, n + 1),
                          text=text, topics=topics, mentions=mentions)


DOCS = {
    "viken-2021.txt": [
        section("viken-2021.txt", 1, "Bærum", "Bærum planlegger grønn omstilling av Fornebu.", date="2021-09-01",
                body="Osloregionen", topics=("grønn omstilling",), mentions=("Fornebu",)),
        section("viken-2021.txt", 2, "Saker", "Omstilling og grønn vekst står på sakslista.", date="2021-09-01",
                body="Osloregionen", kind="agenda"),
    ],
    "viken-2023.txt": [
        section("viken-2023.txt", 1, "Bærum", "Bærum og Statens vegvesen bygger ny veg til Fornebu.",
                date="2023-03-01", body="Osloregionen", topics=("samferdsel",),
                mentions=("Statens vegvesen", "Fornebu")),
        section("viken-2023.txt", 2, "Asker", "Asker satser på digitalisering og klima.", date="2023-03-01",
                body="Osloregionen", topics=("digitalisering", "klima")),
    ],
    "vest-2023.txt": [
        section("vest-2023.txt", 1, "Bergen", "Bergen held fram med det grøne skiftet og digitale tenester.",
                date="2023-06-01", body="Vestlandsrådet", topics=("digitalisering",)),
    ],
}


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([]))
    ix.rebuild(DOCS)
    return ix


def where(result):
    return [(h.document, h.section) for h in result.hits]


def test_field_filters_in_the_query(index):
    assert where(index.search("Fornebu actor:Bærum year:2023")) == [("viken-2023.txt", "Bærum")]
    assert where(index.search("omstilling kind:agenda")) == [("viken-2021.txt", "Saker")]
    assert where(index.search('digital* body:"Vestlandsrådet"')) == [("vest-2023.txt", "Bergen")]
    assert {h.section for h in index.search("kind:roundtable body:osloregionen").hits} == {"Bærum", "Asker"}


def test_filters_alone_match_every_section_they_allow(index):
    assert index.search("year:2023").total == 3


def test_topic_filter_uses_the_thesaurus(index):
    assert where(index.search("Bærum", filters=Filters(topic=("grønn omstilling",)))) == [("viken-2021.txt", "Bærum")]
    # any label of the concept, in any language
    assert {h.section for h in index.search("topic:digitalisation").hits} == {"Asker", "Bergen"}


def test_mentions_filter(index):
    assert where(index.search("Bærum", filters=Filters(mentions=("Statens vegvesen",)))) == [("viken-2023.txt", "Bærum")]


def test_boolean_phrase_prefix_fuzzy(index):
    assert where(index.search('"grønn omstilling"')) == [("viken-2021.txt", "Bærum")]
    assert {h.section for h in index.search("omstilling NOT Fornebu").hits} == {"Saker"}
    assert {h.section for h in index.search("Asker OR Bergen").hits} == {"Asker", "Bergen"}
    assert {h.section for h in index.search("digital*").hits} == {"Asker", "Bergen"}
    assert where(index.search("vegvsen~")) == [("viken-2023.txt", "Bærum")]


@pytest.mark.parametrize("query, message", [
    ("actor:", "actor: at character 1 needs a value"),
    ("Fornebu OR actor:Bærum", "character 12 filters the whole query"),
    ("(Fornebu actor:Bærum)", "character 10"),
    ("kind:møte", "no section kind"),
    ("year:23", "no year"),
    ("topic:strikking", "no topic 'strikking'"),
    ("(Fornebu", "character 1 is never closed"),
])
def test_malformed_queries_say_what_and_where(index, query, message):
    with pytest.raises(QueryError, match=message):
        index.search(query)


def test_pages_and_limit(index):
    first = index.search("year:2023", limit=2)
    second = index.search("year:2023", limit=2, page=2)
    assert first.total == second.total == 3 and len(first.hits) == 2 and len(second.hits) == 1
    assert not {h.section_id for h in first.hits} & {h.section_id for h in second.hits}


def test_sort_by_date_newest_first(index):
    dates = [h.date for h in index.search("Bærum OR Bergen OR Asker", sort="date").hits]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2023-06-01"


def test_facets_count_all_matches(index):
    result = index.search("Fornebu OR digitalisering OR digitale", limit=1, facets=True)
    assert result.facets["actor"] == {"Bærum": 2, "Asker": 1, "Bergen": 1}
    assert result.facets["body"] == {"Osloregionen": 3, "Vestlandsrådet": 1}
    assert result.facets["year"] == {"2023": 3, "2021": 1}
    assert result.facets["topic"]["digitalisering"] == 2
    assert "facets" in result.to_json() and "facets" not in index.search("Fornebu").to_json()


def test_did_you_mean_an_entity_name(index):
    result = index.search("Statns vegvsen")
    assert result.total == 0 and result.suggestion == "Statens vegvesen"


def test_hit_carries_what_a_listing_needs(index):
    hit = index.search("Asker").hits[0].to_json()
    assert {k: hit[k] for k in ("document", "section", "lines", "date", "body", "actor")} == {
        "document": "viken-2023.txt", "section": "Asker", "lines": [2, 3], "date": "2023-03-01",
        "body": "Osloregionen", "actor": "Asker"}
    assert "<b>Asker</b>" in hit["snippet"] and hit["score"] > 0



def test_total_and_facets_count_matches_beyond_the_page(tmp_path):
    many = {f"m{i}.txt": [section(f"m{i}.txt", 1, "Moss", "Ferjekaia. " * 12, date="2022-01-01", body="Østfoldrådet")]
            for i in range(40)}
    few = {f"f{i}.txt": [section(f"f{i}.txt", 1, "Halden", "Møtet drøftet budsjettet og vegen. " * 6
                                 + "Tollstasjonen ved grensa.", date="2020-01-01", body="Grenserådet")] for i in range(5)}
    ix = SectionIndex(tmp_path / "ix", SynonymTable([]))
    ix.rebuild({**many, **few})
    result = ix.search("ferjekaia OR tollstasjonen", limit=1, facets=True)
    assert result.total == 45 and len(result.hits) == 1
    assert result.facets["year"] == {"2022": 40, "2020": 5} and result.facets["body"]["Grenserådet"] == 5


def test_phrase_total_counts_the_words_together_only(index):
    assert index.search('"grønn omstilling"').total == 1  # "Omstilling og grønn vekst": both words, apart
    assert index.search('"grønn omstilling" OR vegvesen').total == 2


@pytest.mark.parametrize("query", ["Fornebu", "grønn NOT Fornebu", "(grønn OR digitale) AND NOT Bergen", "grøn*",
                                   "fornbeu~2", '"grønn omstilling" OR digitalisering', "Bærum ANDMAYBE Fornebu",
                                   "year:[2022 TO 2024]"])
def test_count_reads_the_sections_whoosh_matches(index, query):
    """kg.search.count reads postings itself: it finds what whoosh's own matchers find."""
    from whoosh.qparser import FuzzyTermPlugin, QueryParser

    from kg.search.count import matching
    from kg.search.index import SCHEMA

    searcher = index._current()
    parser = QueryParser("exact", SCHEMA)
    parser.add_plugin(FuzzyTermPlugin())
    q = parser.parse(query)
    assert matching(searcher, q) == set(searcher.docs_for_query(q)) and (matching(searcher, q) or "NOT" in query)


LEMMA_PHRASES = {
    "anskaffelser.txt": [
        section("anskaffelser.txt", 1, "Drammen", "Drammen leder arbeidet med offentlige anskaffelser i regionen.",
                date="2024-02-01", body="Osloregionen"),
        section("anskaffelser.txt", 2, "Lier", "Lier har en offentlig anskaffelse av ferjer på gang.",
                date="2024-02-01", body="Osloregionen"),
        section("anskaffelser.txt", 3, "Asker", "Asker er offentlig eid; anskaffelsen av busser er utsatt.",
                date="2024-02-01", body="Osloregionen"),
    ],
    "innkjøp.txt": [
        section("innkjøp.txt", 1, "Voss", "Voss samordnar offentlege anskaffingar med nabokommunane.",
                date="2024-03-01", body="Vestlandsrådet"),
    ],
}


@pytest.mark.parametrize("query, found", [
    ('"offentlige anskaffelser"', {"Drammen", "Lier"}),  # the words inflected otherwise, side by side
    ('"offentlig anskaffelse"', {"Drammen", "Lier"}),  # the other way round
    ('"offentleg anskaffing"', {"Voss"}),  # nynorsk: a lemma of its own
])
def test_a_phrase_finds_its_words_inflected_as_its_words_do(tmp_path, query, found):
    """A phrase matches where its words stand together in any of the forms each word alone is found
    by (its lemmas), not only as typed: a word with two lemmas (offentlig, offentleg) stands at one
    position, and a lemma that is its own word as written is in the exact field, not the lemma field.
    Apart ("offentlig eid; anskaffelsen") is no match."""
    ix = SectionIndex(tmp_path / "ix", SynonymTable([]))
    ix.rebuild(LEMMA_PHRASES)
    for sort in ("relevance", "date"):  # scored here, and by whoosh's own matchers
        result = ix.search(query, sort=sort)
        assert {h.section for h in result.hits} == found and result.total == len(found)
