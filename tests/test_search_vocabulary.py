"""The suggestion vocabulary kept beside the search index (kg.search.vocabulary)."""

from __future__ import annotations

import json

import pytest

from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex
from kg.search.vocabulary import VOCABULARY_FILE


def section(key: str, actor: str, text: str) -> IndexedSection:
    return IndexedSection(document="fjell.txt", section_id=f"https://example.org/kg/section/fjell/{key}",
                          title=actor, kind="roundtable", actor=actor, body="Fjellregionen", date="2023-03-09",
                          lines=(4, 6), text=text)


SECTIONS = [section("1", "Tynset", "Tynset bygger solcelleanlegg på taket av Tynsethallen."),
            section("2", "Røros", "Røros utreder fjernvarme for bergstaden.")]


@pytest.fixture
def index(tmp_path) -> SectionIndex:
    ix = SectionIndex(tmp_path / "index", SynonymTable([]))
    ix.replace_document("fjell.txt", SECTIONS)
    ix.keep_vocabulary()
    return ix


def test_kept_beside_the_index(index):
    kept = json.loads((index.path / VOCABULARY_FILE).read_text(encoding="utf-8"))
    assert "fjernvarme" in kept["words"] and "Tynset" in kept["names"].values()


def test_a_search_that_finds_its_words_reads_no_vocabulary(index, tmp_path):
    (index.path / VOCABULARY_FILE).unlink()
    fresh = SectionIndex(index.path, SynonymTable([]))
    assert fresh.search("fjernvarme").total == 1
    assert not (index.path / VOCABULARY_FILE).exists()


def test_suggestions_from_the_kept_list(index):
    """What the file says is what is suggested (a word only the file knows proves it was read)."""
    kept = json.loads((index.path / VOCABULARY_FILE).read_text(encoding="utf-8"))
    kept["words"].append("fjernvarmeverk")
    (index.path / VOCABULARY_FILE).write_text(json.dumps(kept), encoding="utf-8")
    fresh = SectionIndex(index.path, SynonymTable([]))
    assert fresh._vocab(fresh._current()).words >= {"fjernvarme", "fjernvarmeverk"}


def test_deleted_or_stale_list_rebuilt_from_the_index(index):
    (index.path / VOCABULARY_FILE).unlink()
    fresh = SectionIndex(index.path, SynonymTable([]))
    assert fresh.search("fjernvarm").suggestion == "fjernvarme"
    assert (index.path / VOCABULARY_FILE).exists()
    fresh.replace_document("fjell.txt", [*SECTIONS, section("3", "Os", "Os planlegger vindmøller.")])
    assert fresh.search("vindmøler").suggestion == "vindmøller"  # the index changed: the old list is not used


def test_synonym_rings_kept_while_their_files_are_unchanged(tmp_path, monkeypatch):
    from kg.lang import synonyms

    listed = tmp_path / "synonyms.txt"
    listed.write_text("solcelle | solcellepanel | PV\n", encoding="utf-8")
    monkeypatch.setattr(synonyms, "THESAURUS", tmp_path / "none.ttl")
    monkeypatch.setattr(synonyms, "BODIES", tmp_path / "none.toml")
    monkeypatch.setattr(synonyms, "SEARCH_SYNONYMS", listed)
    assert synonyms.SynonymTable.kept_in(tmp_path).rings_for("pv") == [("solcelle", "solcellepanel", "PV")]
    assert (tmp_path / synonyms.SYNONYMS_FILE).exists()
    listed.write_text("solcelle | solcellepanel | PV | fotovoltaikk\n", encoding="utf-8")  # a new size: read again
    assert "fotovoltaikk" in synonyms.SynonymTable.kept_in(tmp_path).rings_for("pv")[0]
