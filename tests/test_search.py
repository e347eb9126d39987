"""The section index: Norwegian matching, synonyms, query syntax, filters, snippets, updates."""

from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.filters import Filters
from kg.search.query import expand, lex

SAMPLE = Path("/work/main/data/minutes/000_b003cc053e82f227.txt")

RINGS = [
    ("KI", "kunstig intelligens", "AI", "artificial intelligence"),
    ("Horizon Europe", "Horizon Europa"),
]


def section(document, key, actor, text, date, body="Osloregionen", topics=()):
    return IndexedSection(
        document=document,
        section_id=f"https://example.org/kg/section/{document}/{key}",
        title=actor,
        kind="roundtable",
        actor=actor,
        body=body,
        date=date,
        lines=(10, 12),
        text=text,
        topics=topics,
    )


OSLO = [  # bokmål, 2022
    section("oslo.txt", "1", "Asker", "Asker har laget et dashboard for energibruk i kommunale bygg. "
            "Det nye sykehuset får egen energisentral.", "2022-05-20"),
    section("oslo.txt", "2", "Bærum", "Bærum utvikler et klimadashboard for Fornebu. "
            "Målet er å gjøre Fornebu til et nullutslippsområde.", "2022-05-20"),
    section("oslo.txt", "3", "Søndre Viken", "Klyngen for anvendt kunstig intelligens arbeider med "
            "dekommisjonering av atomreaktorer i Halden. Grønn omstilling er et mål.", "2022-05-20",
            topics=("Sirkulærøkonomi",)),
    section("oslo.txt", "4", "Drammensregionen", "Sykehusene i regionen samarbeider om digitalisering. "
            "Omstilling skal bli grønn og rask. Budsjett < 500 000 & mer.", "2022-05-20"),
]
VEST = [  # nynorsk, 2021
    section("vest.txt", "1", "Bergen", "Kommunane i Vestland har starta eit prosjekt om KI i "
            "helsetenesta. Sjukehuset er med, og dei digitale verktøya er klare.", "2021-03-10",
            body="Vestlandsrådet"),
    section("vest.txt", "2", "Voss", "Voss arbeider med ein ny reiselivsstrategi for hytteområda "
            "og ein atomreaktor er ikkje aktuelt.", "2021-03-10", body="Vestlandsrådet"),
]


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "index", SynonymTable(RINGS))
    ix.replace_document("oslo.txt", OSLO)
    ix.replace_document("vest.txt", VEST)
    return ix


def sections(result):
    return [h.section for h in result.hits]


# -- Norwegian matching


def test_stemming_finds_singular_plural_and_definite(index):
    assert set(sections(index.search("sykehus"))) == {"Asker", "Drammensregionen", "Bergen"}  # nn "Sjukehuset"
    assert sections(index.search("atomreaktor"))[0] == "Voss"
    assert "Søndre Viken" in sections(index.search("atomreaktor"))
    assert sections(index.search("kommune")) == ["Bergen"]  # nynorsk "kommunane"


def test_exact_word_ranks_above_stem_match(index):
    assert sections(index.search("sykehuset"))[0] == "Asker"


def test_compound_part_matches_but_ranks_below_whole_word(index):
    assert sections(index.search("klimadashboard"))[0] == "Bærum"  # then Asker's "dashboard", a part
    assert sections(index.search("dashboard")) == ["Asker", "Bærum"]


def test_part_must_leave_known_words_around_it(index):
    assert sections(index.search("klima")) == ["Bærum"]  # "klima" + "dashboard"
    assert index.search("kunst").total == 0  # "kunstig" is no compound of "kunst"


# -- synonyms


def test_abbreviation_finds_the_spelled_out_form_and_back(index):
    assert set(sections(index.search("AI"))) == {"Søndre Viken", "Bergen"}
    assert set(sections(index.search("kunstig intelligens"))) == {"Søndre Viken", "Bergen"}
    assert set(sections(index.search("ki"))) == {"Søndre Viken", "Bergen"}


def test_a_query_and_its_synonyms_are_looked_up_in_one_batch(tmp_path, monkeypatch):
    """The words a search's synonyms bring in are analysed together before whoosh parses the query:
    one at a time, each unknown word cost a call of the analysers and a write of their cache."""
    from kg.lang.morphology import Morphology

    writes = []
    save = Morphology._save
    monkeypatch.setattr(Morphology, "_save", lambda self, found: (found and writes.append(sorted(found)), save(self, found)))
    ix = SectionIndex(tmp_path / "ix", SynonymTable([("Brumlefjell", "Snurrevikbakken", "Plimsetangen sør")]))
    ix.rebuild({"a.txt": [section("a.txt", "1", "Asker", "Asker bygger ved Snurrevikbakken.", "2022-05-20")]})
    writes.clear()
    assert sections(ix.search("Brumlefjell")) == ["Asker"]
    ours = [w for w in writes if {"brumlefjell", "snurrevikbakken", "plimsetangen"} & {x.lower() for x in w}]
    assert len(ours) <= 2 and any("Plimsetangen" in w and "plimsetangen" in w for w in ours)  # typed, then the rest


def test_longest_synonym_phrase_wins():
    table = SynonymTable([("Viken", "Viken fylkeskommune"), ("Søndre Viken", "Halden-regionen")])
    text, loose = expand(lex("søndre viken dashboard"), table)
    assert text == '("Søndre Viken"^2 OR "Halden-regionen") dashboard'  # the typed member counts double
    assert expand(lex("Viken"), table)[0] == '(Viken^2 OR "Viken fylkeskommune")'
    assert [t.text for t in loose] == ["dashboard"]


def test_rings_from_skos_thesaurus_and_body_lexicon(tmp_path):
    thesaurus = tmp_path / "thesaurus.ttl"
    thesaurus.write_text(
        """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <ai> a skos:Concept ; skos:prefLabel "kunstig intelligens"@nb, "artificial intelligence"@en ;
            skos:altLabel "KI"@nb, "kunstig intelligens"@nn ; skos:hiddenLabel "AI"@en .
        <klima> a skos:Concept ; skos:prefLabel "klima"@nb ; skos:broader <miljo> .
        """,
        encoding="utf-8",
    )
    bodies = tmp_path / "bodies.toml"
    bodies.write_text('[[body]]\nlabel = "Horizon Europe"\naliases = ["Horizon Europa"]\n', encoding="utf-8")
    table = SynonymTable.from_files(thesaurus, bodies)
    assert table.rings_for("ai") == [("kunstig intelligens", "artificial intelligence", "KI", "AI")]
    assert table.rings_for("HORIZON  europa") == [("Horizon Europe", "Horizon Europa")]
    assert table.rings_for("klima") == []  # a concept with one label has no synonyms
    assert SynonymTable.from_files(tmp_path / "none.ttl", tmp_path / "none.toml").rings == []


def test_real_thesaurus_and_body_lexicon_have_the_gold_rings():
    table = SynonymTable.load()
    assert any("kunstig intelligens" in {m.lower() for m in ring} for ring in table.rings_for("AI"))
    assert any("Horizon Europa" in ring for ring in table.rings_for("horizon europe"))


# -- query syntax


def test_phrase_needs_adjacent_words(index):
    assert set(sections(index.search("grønn omstilling"))) == {"Søndre Viken", "Drammensregionen"}
    assert sections(index.search('"grønn omstilling"')) == ["Søndre Viken"]


def test_not_excludes(index):
    assert sections(index.search("dashboard NOT Fornebu")) == ["Asker"]


def test_prefix(index):
    assert set(sections(index.search("digital*"))) == {"Drammensregionen", "Bergen"}


def test_fuzzy(index):
    assert sections(index.search("Fornbeu~")) == ["Bærum"]


def test_and_by_default_or_when_and_finds_nothing(index):
    assert sections(index.search("dashboard Fornebu")) == ["Bærum"]
    assert set(sections(index.search("Fornebu reiselivsstrategi"))) == {"Bærum", "Voss"}


@pytest.mark.parametrize(
    "query, where",
    [('"kunstig intelligens', "character 1"), ("AND", "character 1"), ("dashboard AND", "character 11"),
     ("(dashboard OR klima", "character 1"), ("dashboard)", "character 10"), ("", "empty")],
)
def test_malformed_query_says_where(index, query, where):
    with pytest.raises(QueryError, match=where):
        index.search(query)


# -- filters


def test_date_filters_are_inclusive(index):
    assert set(sections(index.search("sykehus", filters=Filters(date_from="2022-05-20")))) == {"Asker", "Drammensregionen"}
    assert set(sections(index.search("sjukehus", filters=Filters(date_from="2022-05-20")))) == {"Asker", "Drammensregionen"}
    assert sections(index.search("sjukehus", filters=Filters(date_to="2021-03-10"))) == ["Bergen"]
    assert index.search("dashboard", filters=Filters(date_from="2021-01-01", date_to="2021-12-31")).total == 0


def test_bad_date_is_a_query_error(index):
    with pytest.raises(QueryError, match="--from"):
        index.search("sykehus", filters=Filters(date_from="20. mai"))


def test_actor_filter_ignores_case(index):
    assert sections(index.search("dashboard", filters=Filters(actor=("bærum",)))) == ["Bærum"]


# -- hits


def test_hit_fields(index):
    hit = index.search("klimadashboard").hits[0]
    assert (hit.document, hit.lines, hit.date, hit.kind, hit.actor, hit.body) == (
        "oslo.txt", (10, 12), "2022-05-20", "roundtable", "Bærum", "Osloregionen")
    assert hit.section_id.endswith("oslo.txt/2")
    assert hit.score == round(hit.score, 3) > 0


def test_snippet_marks_matched_words_and_escapes_text(index):
    snippet = index.search("sykehus", filters=Filters(actor=("Asker",))).hits[0].snippet
    assert "<b>sykehuset</b>" in snippet and "dashboard" not in snippet
    assert "<b>kunstig intelligens</b>" in index.search("AI", filters=Filters(actor=("Søndre Viken",))).hits[0].snippet
    escaped = index.search("budsjett").hits[0].snippet
    assert "<b>Budsjett</b> &lt; 500 000 &amp; mer" in escaped


def test_topic_tags_are_searchable(index):
    assert sections(index.search("sirkulærøkonomi")) == ["Søndre Viken"]


# -- did you mean


def test_suggestion_for_misspelt_word_keeps_usual_capitalisation(index):
    result = index.search("Fornbeu")
    assert result.total == 0 and result.suggestion == "Fornebu"
    assert index.search("dashbord fornbeu").suggestion == "dashboard Fornebu"


def test_no_suggestion_for_known_words_inflections_synonyms_and_parts(index):
    for query in ("Fornebu", "atomreaktor", "AI", "dashboard", "sjukehusa", "og"):
        assert index.search(query).suggestion is None, query


# -- updates


def test_replace_document_replaces_its_sections(index):
    new = section("oslo.txt", "1", "Asker", "Asker bygger nå en hydrogenstasjon.", "2022-05-20")
    index.replace_document("oslo.txt", [new])
    assert index.search("klimadashboard").total == 0
    assert sections(index.search("hydrogenstasjon")) == ["Asker"]
    assert index.section_ids() == {new.section_id} | {s.section_id for s in VEST}


def test_remove_document_and_clear(index):
    index.remove_document("oslo.txt")
    assert index.documents() == {"vest.txt"}
    assert index.search("klimadashboard").total == 0
    index.rebuild({})
    assert index.documents() == set() and index.search("sjukehus").total == 0


def test_repeated_replacing_leaves_one_copy(index):
    for _ in range(25):  # enough commits for whoosh to merge segments
        index.replace_document("oslo.txt", OSLO)
    assert index.search("Fornebu").total == 1
    assert len(index.section_ids()) == len(OSLO) + len(VEST)


def test_sections_must_belong_to_the_document(index):
    with pytest.raises(ValueError):
        index.replace_document("vest.txt", OSLO)


def test_index_persists_across_instances(index):
    again = SectionIndex(index.path, SynonymTable([]))
    assert again.documents() == {"oslo.txt", "vest.txt"}
    assert sections(again.search("Fornebu")) == ["Bærum"]


# -- the sample minutes and their gold searches


def sample_sections():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("### ")] + [len(lines)]
    return [
        IndexedSection(
            document=SAMPLE.name,
            section_id=f"s{start + 1}",
            title=lines[start][4:].strip("*: "),
            kind="roundtable",
            actor=lines[start][4:].strip("*: "),
            body="Osloregionens faggruppe Næringssamarbeidet",
            date="2022-05-20",
            lines=(start + 1, end),
            text="\n".join(lines[start + 1 : end]),
        )
        for start, end in zip(heads, heads[1:])
    ]


@pytest.mark.parametrize(
    "query, top",
    [("kunstig intelligens", "Søndre Viken"), ("AI", "Søndre Viken"), ("atomreaktor", "Søndre Viken"),
     ("sykehus", "Drammensregionen"), ("klimadashboard", "Bærum"), ("Horizon Europe", "Mosseregionen")],
)
def test_gold_searches_on_sample(tmp_path, query, top):
    ix = SectionIndex(tmp_path / "index", SynonymTable.load())
    ix.replace_document(SAMPLE.name, sample_sections())
    result = ix.search(query)
    assert result.hits[0].section == top
    assert result.suggestion is None
    if query == "Horizon Europe":
        assert "<b>Horizon Europa</b>" in result.hits[0].snippet


def test_gold_suggestion_on_sample(tmp_path):
    ix = SectionIndex(tmp_path / "index", SynonymTable.load())
    ix.replace_document(SAMPLE.name, sample_sections())
    assert ix.search("Fornbeu").suggestion == "Fornebu"
