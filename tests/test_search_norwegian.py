"""Search that reads Norwegian through its morphology: compounds, inflection, bokmål and nynorsk, meaning."""

import pytest

from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.lang.morphology import Apertium, Morphology, from_readings, morphology


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


@pytest.fixture
def pip_only(monkeypatch):
    """The analysis a plain `pip install` gives: simplemma without Apertium."""
    monkeypatch.setenv("KG_MORPHOLOGY", "simplemma")
    morphology.cache_clear()
    yield morphology()
    morphology.cache_clear()


WORDS = ["kommunane", "sykehuset", "datasentre", "breiband", "kunstlaboratoriet", "qwxzv"]


def test_simplemma_reads_its_dictionaries_as_tries_kept_in_kgs_cache(own_cache):
    """The tries are made once in kg's cache folder (later processes open them instead of decoding
    the bundled dictionaries) and give the lemmas simplemma's own functions give."""
    import simplemma

    from kg.lang.morphology import _Simplemma

    ours = _Simplemma()
    for lang in ("nb", "nn"):
        assert [ours.lemmatize(w, lang=lang) for w in WORDS] == [simplemma.lemmatize(w, lang=lang) for w in WORDS]
    assert [ours.is_known(w, ("nb", "nn")) for w in WORDS] == [simplemma.is_known(w, lang=("nb", "nn")) for w in WORDS]
    assert sorted(p.name for p in (own_cache / f"simplemma-{simplemma.__version__}").iterdir()) == ["nb.dic", "nn.dic"]


def test_simplemma_without_a_cache_folder_decodes_its_dictionaries(monkeypatch, tmp_path, capfd):
    import simplemma

    from kg.lang.morphology import _Simplemma

    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "not-a-folder"))
    assert [_Simplemma().lemmatize(w, lang="nb") for w in WORDS] == [simplemma.lemmatize(w, lang="nb") for w in WORDS]
    assert capfd.readouterr().err == ""


needs_apertium = pytest.mark.skipif(not Apertium.available(), reason="Apertium (apt-get install apertium-nno-nob) absent")


# -- 1. compounds


@pytest.mark.parametrize("part, whole", [("verdensarv", "Notodden"), ("sykehus", "Skien"), ("bygg", "Skien"),
                                         ("klima", "Porsgrunn")])
def test_a_part_of_a_compound_finds_the_compound(index, part, whole):
    assert whole in titles(index.search(part))


def test_whole_word_ranks_above_a_part(index):
    ranked = index.search("utvikling").hits
    assert [h.section for h in ranked] == ["Vinje", "Skien"]  # Skien only has "næringsutviklingen"
    assert ranked[0].score > ranked[1].score


def test_a_compound_query_finds_a_section_on_its_parts(index):
    assert titles(index.search("hyttefeltutvikling"))[0] == "Vinje"


def test_art_does_not_find_artificial_intelligence(index):
    assert titles(index.search("kunst")) == ["Bø"]
    assert titles(index.search("kunstig")) == ["Kragerø"]
    assert "Kragerø" not in titles(index.search("kunsten"))


@needs_apertium
def test_apertium_splits_compounds_with_linking_letters():
    analysis = Morphology([Apertium()])
    analysis.prepare(["barnehageutbyggingen", "næringslivssamarbeid"])
    assert {"barnehage", "utbygging"} <= set(analysis("barnehageutbyggingen").parts)
    assert {"næringsliv", "samarbeid"} <= set(analysis("næringslivssamarbeid").parts)


@needs_apertium
def test_an_organisations_name_splits_but_a_persons_or_places_does_not():
    analysis = Morphology([Apertium()])
    analysis.prepare(["Havforskningsinstituttet", "Haugland"])
    assert "institutt" in analysis("Havforskningsinstituttet").parts
    assert analysis("Haugland").parts == ()  # a surname and a place: "land" must not find it


def test_an_unknown_compound_splits_at_a_known_word():
    assert {"klima", "dashboard"} <= set(morphology()("klimadashboard").parts)


# -- 2. inflection


@pytest.mark.parametrize("query, title", [("sykehusbyggene", "Skien"), ("galleriene", "Bø"),
                                          ("søknader", "Notodden"), ("hyttefelt", "Vinje")])
def test_inflected_forms_find_each_other(index, query, title):
    assert title in titles(index.search(query))


def test_a_lemma_field_holds_an_inflected_form_by_its_lemmas_only(index):
    reader = index._current().reader()
    assert ("exact", "sjukehuset") in reader and ("content", "sjukehuset") not in reader
    assert ("content", "sjukehus") in reader and ("content", "sykehus") in reader
    assert ("exact", "galleri") in reader and ("content", "galleri") not in reader  # its own lemma: once
    assert "Førde" in titles(index.search("sjukehusa"))


def test_a_form_that_is_also_a_lemma_is_kept_as_a_lemma():
    inflected = from_readings("planane", [[("plan",)]])
    assert inflected.inflected and inflected.lemma_keys == ("plan",)
    both = from_readings("leder", [[("leder",)], [("lede",)]])  # a leader, and "leads"
    assert not both.inflected and both.lemma_keys == ("leder", "lede")
    assert from_readings("Notodden", []).lemma_keys == ("notodden",)


@needs_apertium
def test_a_compounds_part_finds_the_part_written_alone(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    ix.replace_document("st.txt", [section("st.txt", 1, "Styret", "Leder for styret ble valgt i dag."),
                                   section("st.txt", 2, "Budsjett", "Budsjettet for neste år ble vedtatt.")])
    assert titles(ix.search("klyngeleder")) == ["Styret"]


def test_pip_only_path_reads_inflection_and_compounds(pip_only, tmp_path):
    assert pip_only.name == "simplemma"
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    ix.replace_document("tm.txt", BOKMAL)
    ix.replace_document("hf.txt", NYNORSK)
    assert "Skien" in titles(ix.search("sykehus"))  # "sykehusbygget"
    assert "Førde" in titles(ix.search("sykehuset"))  # nynorsk "sjukehuset"
    assert "Notodden" in titles(ix.search("søknader"))
    assert (tmp_path / "ix" / "morphology-simplemma.sqlite").is_file()


# -- 3. bokmål and nynorsk


@pytest.mark.parametrize("query, title", [("kommunene", "Førde"), ("kommunane", "Skien"), ("sykehuset", "Førde"),
                                          ("sjukehus", "Skien"), ("virksomheten", "Florø"), ("havn", "Florø"),
                                          ("tilskudd fra fylket", "Førde")])
def test_each_written_standard_finds_the_other(index, query, title):
    assert title in titles(index.search(query))


@needs_apertium
def test_apertium_gives_the_bokmal_lemma_of_a_nynorsk_word():
    analysis = Morphology([Apertium()])
    analysis.prepare(["vegane", "breibandet", "hamnesamarbeidet"])
    assert "vei" in analysis("vegane").lemmas
    assert "bredbånd" in analysis("breibandet").lemmas
    assert "havn" in analysis("hamnesamarbeidet").parts


def test_analyses_are_kept_beside_the_index(index):
    files = list(index.path.glob("morphology-*.sqlite"))
    assert len(files) == 1
    again = Morphology(morphology().analysers)
    again.persist_in(index.path)
    again.analysers = []  # nothing left to ask: every word must come from the file
    again.prepare(["Sykehusbygget"])
    assert "sykehus" in again("Sykehusbygget").parts


def test_analyses_go_on_in_memory_when_the_index_folder_is_gone(tmp_path):
    """A store's folder removed under an open cache (a temporary store, a read-only disk): words are still
    analysed, kept in memory only."""
    import shutil

    m = Morphology(morphology().analysers)
    m.persist_in(tmp_path / "ix")
    m.prepare(["Sykehusbygget"])
    shutil.rmtree(tmp_path / "ix")
    m.prepare(["Skolebygget"])
    assert "skolebygg" in m("Skolebygget").lemmas


def test_topic_concepts_are_indexed_as_concepts(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    tagged = section("x.txt", 1, "Tinn", "Tinn prøver ut maskinlæring i vannverket.", topics=("kunstig intelligens",))
    ix.replace_document("x.txt", [tagged])
    assert titles(ix.search("AI")) == ["Tinn"]  # the concept, though the words are not in the text


# -- 4. meaning: synonyms, abbreviations, thesaurus concepts


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


def test_check_advises_a_reindex_when_the_analysers_changed(tmp_path, monkeypatch):
    from kg.search.sections import morphology_advice

    monkeypatch.setenv("KG_MORPHOLOGY", "simplemma")
    morphology.cache_clear()
    SectionIndex(tmp_path / "ix", SynonymTable.load()).replace_document("tm.txt", BOKMAL[:1])
    assert not any("reindex" in line for line in morphology_advice(tmp_path / "ix"))
    monkeypatch.setenv("KG_MORPHOLOGY", "apertium+simplemma")
    morphology.cache_clear()
    advice = morphology_advice(tmp_path / "ix")
    morphology.cache_clear()
    if Apertium.available():
        assert any("built with simplemma" in line and "kg reindex" in line for line in advice)
    else:
        assert any("apt-get install apertium-nno-nob" in line for line in advice)


def test_a_compound_known_whole_finds_its_words_written_apart(tmp_path):
    """The analysers know "villaks" whole, with no parts; text that writes "vill laks" is found by it,
    as a phrase of the two words, and only when the word as typed finds nothing."""
    ix = SectionIndex(tmp_path / "ix", SynonymTable.load())
    ix.replace_document("el.txt", [section("el.txt", 1, "Elva", "Elva har meir vill laks i år enn i fjor."),
                                   section("el.txt", 2, "Fjorden", "I fjorden er det vill natur og mykje laks.")])
    assert not morphology()("villaks").parts
    assert titles(ix.search("villaks")) == ["Elva"]
    ix.replace_document("vi.txt", [section("vi.txt", 1, "Vassdraget", "Villaksen i vassdraget er talt.")])
    assert titles(ix.search("villaks")) == ["Vassdraget"]
