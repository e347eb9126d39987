"""Which section comes first: the one about the typed words, not one naming them in passing."""

import pytest

from kg.lang.morphology import Morphology, WordAnalysis
from kg.lang.synonyms import SynonymTable
from kg.search import IndexedSection, SectionIndex


def section(n, title, text, kind="agenda"):
    return IndexedSection(document="rr.txt", section_id=f"urn:rr/{n}", title=title, kind=kind, actor=None,
                          body="Vassdalsrådet", date="2024-03-05", lines=(n * 10, n * 10 + 5), text=text)


SECTIONS = [
    section(1, "Til stades", "Gjester: Åse Lid, leiar for Solfestivalen (sak 4/24)", kind="attendance"),
    section(2, "Sak 3/24 Ferjesambandet over fjorden",
            "Regionrådet ba om fleire avgangar med ferja. Ferja går i dag kvar time, og ferjesambandet "
            "er viktig for pendlarane. Båten er gammal og ferjekaia treng vedlikehald."),
    section(3, "Sak 4/24 Referatsaker",
            "Åse Lid orienterte om Solfestivalen i juni, som i år vert halden over tre dagar med "
            "konsertar, marknad og eit eige program for born i sentrum."),
    section(4, "Sak 5/24 Budsjett 2025",
            "Rammene vert vidareførte. 80 000 kroner vert sette av til sykkelplanen, og resten går til drift."),
    section(5, "Sak 6/24 Plan for sykkel og gange",
            "Arbeidet med ein felles plan for sykkel i regionen tek til i haust, med ei arbeidsgruppe frå "
            "kvar kommune og ein høyringsrunde i vår."),
    section(6, "Sak 7/24 Kollektivtilbodet",
            "Busstilbodet i dalen vert styrkt med fleire avgangar. Bussen skal møte toget på stasjonen."),
]


@pytest.fixture
def index(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([]))
    ix.replace_document("rr.txt", SECTIONS)
    return ix


def first(result):
    return result.hits[0].section


def test_a_section_with_the_word_ranks_above_one_with_a_synonym_only(tmp_path):
    ix = SectionIndex(tmp_path / "ix", SynonymTable([("jernbane", "tog")]))
    ix.replace_document("rr.txt", [
        section(1, "Sak 1/24 Kollektivplanen", "Toget, toget og toget: tog til byen, tog om kvelden, tog i helga."),
        section(2, "Sak 2/24 Transportplanen", "Innspelet vert sendt til Jernbanedirektoratet innan fristen."),
    ])
    assert first(ix.search("jernbane")) == "Sak 2/24 Transportplanen"  # a part of a name is still the word


def test_an_attendance_list_ranks_below_the_item(index):
    result = index.search("Solfestivalen")
    assert [h.kind for h in result.hits] == ["agenda", "attendance"]


def test_a_title_about_the_compound_ranks_above_a_passing_mention(index):
    assert first(index.search("sykkelplanen")) == "Sak 6/24 Plan for sykkel og gange"


class _Known:
    """An analyser that knows the words given and records what it was asked."""

    def __init__(self, name, known):
        self.name, self.known, self.asked = name, known, []

    def analyse(self, words):
        self.asked += words
        return {w: WordAnalysis((w.lower(),)) if w.lower() in self.known else None for w in words}


def test_a_name_the_first_analyser_lacks_is_not_asked_of_the_others():
    first_, second = _Known("a", {"vatn", "verk"}), _Known("b", {"fjell"})
    Morphology([first_, second]).prepare(["Vatnverk", "Tindefjell", "fjellvatn"])
    assert "Tindefjell" not in second.asked and "Vatnverk" not in second.asked
    assert "fjellvatn" in second.asked  # a common word is
