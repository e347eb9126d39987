"""English questions about Norwegian minutes whose words name one thing the minutes write as one compound
(kg.lang.english.compounds, kg.ask.lines.wider_words): "wild salmon" is "villaks", "fire station" is
"brannstasjon". The join is searched for only where the index holds it, so a join no text has is never tried.
Who works on a thing is a body where the line names one (kg.ask.composer). The minutes are written for
these tests: a round in which each municipality reports one thing, and one report told by a person.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from kg.lang.english import compounds
from tests.conftest import ingested_text

MINUTES = """\
## Referat frå møte i Kystrådet

Tid: Torsdag 12. september 2024 kl. 09.00

### Til stades
- Eli Hovde, Lurøy kommune
- Arne Fjell, Bindal kommune

### Sak 14/24 Runden rundt bordet
- Lurøy: Kommunen byggjer ein ny brannstasjon ved kaia saman med Kystbygg AS.
- Bindal: Bindal har talt villaksen i elva saman med Elvelaget SA.

### Sak 15/24 Orienteringar frå kommunane
- Lurøy (Eli Hovde): Havtare AS arbeider med taredyrking ved Solvær.

### Sak 16/24 Næringsarbeid
- Leka: Leka har laga ein ny strategi for hamna.
- Træna: Træna har fått spørsmål frå selskap som vil byggje eit datasenter.
- Vevelstad: Vevelstad vil ha eit gassanlegg ved kaia.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "kystradet-2024-09-12.md", MINUTES)


@pytest.mark.parametrize("question, expected", [
    ("Which municipality talked about a new fire station?", ["Lurøy"]),
    ("Which municipalities work on wild salmon?", ["Bindal"]),
    # "centre" is a word Norwegian has borrowed, and spells "senter"; "centres" is its plural
    ("Which municipalities are working on data centres?", ["Træna"]),
    # "gass" is indexed only in "gassanlegg", a compound the analysers know whole
    ("Which municipality talked about the gas plant?", ["Vevelstad"]),
])
def test_english_words_find_the_norwegian_words_they_name(archive, question, expected):
    r = archive.ask(question)
    assert [a.label for a in r.answers] == expected, r.why


def test_a_join_no_text_holds_is_not_searched(archive):
    """The words alone ("brann stasjon") find nothing here; the join is taken only because the index has it."""
    assert archive.index.knows("brannstasjon") and not archive.index.knows("villelaks")
    assert archive.search("brann stasjon").hits == []


def test_compounds_join_as_norwegian_does():
    assert compounds(("vill",), ("laks",))[0] == "villaks"  # a consonant three times is written twice
    assert "fiskebåt" in compounds(("fisk",), ("båt",))  # a linking letter
    assert "fylkesveg" in compounds(("fylke",), ("veg",)) and "fylkeeveg" not in compounds(("fylke",), ("veg",))


def test_who_works_on_a_thing_is_the_body_the_line_names_and_who_told_of_it_the_person(archive):
    """In a report the body works on the thing; the person named for the report only told of it."""
    r = archive.ask("Kven arbeider med taredyrking?")
    assert [a.label for a in r.answers] == ["Havtare AS", "Lurøy"], r.why  # and the body whose report it is
    r = archive.ask("Kven fortalde om taredyrking?")
    assert [a.label for a in r.answers] == ["Eli Hovde"], r.why


def test_an_english_word_is_searched_as_any_of_its_norwegian_words_and_one_none_has_is_left_out():
    from kg.ask.lines import wider_words

    assert wider_words("salmon farming sites")[0] == ["laks"]  # no Norwegian text holds "farming" or "sites"
    assert wider_words("copper bridge")[0] == ["(kobber OR kopper) (bridge OR bro OR bru)"]  # the card game
    assert wider_words("fire station")[0][0].startswith("(fire OR ild OR brann")  # "fire" is Norwegian too


def test_a_borrowed_word_is_spelt_as_norwegian_spells_it_and_a_name_is_not_translated():
    from kg.ask.lines import wider_words

    assert wider_words("coordination reform")[0] == ["(koordinering OR koordinasjon) reform"]
    assert wider_words("chronic disease")[0][0].startswith("kronisk")
    assert wider_words("Horizon Europe")[0] == []  # not "horisont"
    assert wider_words("gas plant")[0] == ["(gas OR gass) plante"]  # not "plant", Norwegian "plan" inflected
