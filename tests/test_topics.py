"""Topic tagging reads words through the same morphology as search: inflection, compounds,
nynorsk; short capitalised abbreviations only as written. Both analyser set-ups are covered."""

import pytest

from kg.lang.morphology import Apertium, morphology
from kg.lang.thesaurus import THESAURUS_FILE, load_thesaurus

needs_apertium = pytest.mark.skipif(not Apertium.available(), reason="Apertium (apt-get install apertium-nno-nob) absent")


@pytest.fixture(params=["apertium+simplemma", "simplemma"])
def tagged(request, monkeypatch):
    """Concept slug → the words that named it, for a text, under each analyser set-up."""
    if request.param.startswith("apertium") and not Apertium.available():
        pytest.skip("Apertium absent")
    monkeypatch.setenv("KG_MORPHOLOGY", request.param)
    morphology.cache_clear()
    th = load_thesaurus(THESAURUS_FILE)

    def tag(text):
        out = {}
        for m in th.tag(text):
            out.setdefault(m.concept.slug, []).append(text[m.span[0]:m.span[1]])
        return out

    yield tag
    morphology.cache_clear()


def test_an_inflected_form_names_its_concept(tagged):
    found = tagged("Regionen mangler ledige næringsarealer ved motorveien.")
    assert found["naeringsareal"] == ["næringsarealer"]


def test_a_label_of_two_words_matches_their_inflected_forms(tagged):
    assert "fornybar-energi" in tagged("Fylket vil bruke mer fornybar energi i ferjene.")
    assert "fornybar-energi" in tagged("Vi trenger flere fornybare energikilder.")


def test_a_label_ending_a_compound_tags_it_without_claiming_it(tagged):
    found = tagged("Kommunen har bygd et klimadashboard for innbyggerne.")
    assert found["klima"] == ["klimadashboard"]


def test_short_abbreviations_match_only_in_capitals(tagged):
    assert "kunstig-intelligens" in tagged("Tre kommuner prøver AI i saksbehandlingen.")
    assert "kunstig-intelligens" not in tagged("Det ble sagt at ai ikke var tema.")


def test_the_longest_label_claims_its_words(tagged):
    found = tagged("Styret drøftet kunstig intelligens i skolen.")
    assert found["kunstig-intelligens"] == ["kunstig intelligens"]


def test_a_verb_form_names_no_concept_its_lemma_shares_with_a_noun(tagged):
    """"etablert" (established) is no "etablerer" (founder); "helst" (rather) no "helse" (health)."""
    found = tagged("Det er etablert et nytt senter, og vi vil helst ha flere etablerere med.")
    assert found.get("grunder") == ["etablerere"] and "helse" not in found


@needs_apertium
def test_a_nynorsk_form_names_the_bokmaal_concept(monkeypatch):
    monkeypatch.setenv("KG_MORPHOLOGY", "apertium+simplemma")
    morphology.cache_clear()
    th = load_thesaurus(THESAURUS_FILE)
    slugs = {m.concept.slug for m in th.tag("Kommunane har starta eit hamnesamarbeid og ser på kollektivtilboda.")}
    morphology.cache_clear()
    assert {"havn", "kollektivtransport"} <= slugs


def test_every_concept_cites_eurovoc_or_marks_its_english_as_the_projects_own():
    import pyoxigraph as ox

    from kg.lang.thesaurus import SKOS, TOPIC_BASE

    with open(THESAURUS_FILE, "rb") as f:
        triples = list(ox.parse(f, format=ox.RdfFormat.TURTLE, base_iri=TOPIC_BASE))
    concepts = {t.subject.value for t in triples if t.object == ox.NamedNode(SKOS + "Concept")}
    said: dict[str, set[str]] = {}
    for t in triples:
        said.setdefault(t.subject.value, set()).add(t.predicate.value.removeprefix(SKOS))
        if t.predicate.value.endswith("Match"):
            assert t.object.value.startswith("http://eurovoc.europa.eu/"), t
    assert len(concepts) > 100
    unmarked = [c for c in concepts if "exactMatch" not in said[c] and "editorialNote" not in said[c]]
    assert unmarked == []
