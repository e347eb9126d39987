"""Notes on attendance written apart from the name's line, each quoted from its own line: a footnote to a name
("Per Lie*" and "* Per Lie gjekk etter orienteringane og var ikkje med i vedtakssakene." below the list), and a
sentence below the lists naming listed people and the part of the meeting they were there for ("Jon Berg forlot
møtet etter sak 3/24"). A substitute with such a note is one who did not take part in all of the meeting.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

MINUTES = """\
PROTOKOLL
Fjellvidda regionråd – representantskapet
Dato: 12.03.2024
### Faste medlemar som møtte
Namn	Funksjon	Representerte
Kari Dahl	Medlem	TINN KOMMUNE
Jon Berg	Medlem	VINJE KOMMUNE
Eva Moen	Medlem	VINJE KOMMUNE
### Varamedlemar som møtte
Namn	Møtte for	Representerte
Per Lie*	Anne Holm	TINN KOMMUNE
Tor Strand	Nils Bakke	VINJE KOMMUNE
* Per Lie gjekk etter orienteringane og var ikkje med i vedtakssakene. Tinn hadde difor ei røyst i sak 3/24.
### Saksliste
Sak 3/24 Budsjett 2025
Vedtak: Budsjettet vert vedteke.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjellvidda-2024-03-12.txt", MINUTES)


def test_a_footnote_to_a_name_is_that_persons_note_from_the_footnotes_line(archive):
    r = archive.ask("Hvilken vara var ikke med på vedtakene?")
    assert r.query == "substitutes-partial", r.why
    (a,) = r.answers
    assert a.label == "Per Lie" and a.columns["for"] == "Anne Holm"
    # its first sentence is the note; the line quoted is the footnote's
    assert a.columns["note"] == "Per Lie gjekk etter orienteringane og var ikkje med i vedtakssakene."
    assert [e.lines for e in a.evidence] == [[13, 13]]


def test_substitutes_without_a_footnote_keep_no_note(archive):
    r = archive.ask("Hvilke vararepresentanter møtte?")
    assert {a.label for a in r.answers} == {"Per Lie", "Tor Strand"}
    assert "note" not in next(a for a in r.answers if a.label == "Tor Strand").columns


SAID = """\
Referat fra møte i Fjellvidda regionråd 12. mars 2024

Til stede:
Kari Dahl, Tinn kommune
Jon Berg, Vinje kommune
Eva Moen, Vinje kommune
Per Lie, Tinn kommune

Jon Berg forlot møtet etter sak 3/24. Eva Moen og Per Lie deltok under sak 4/24.

Sak 3/24 Budsjett
Vedtak: Vedtatt.

Sak 4/24 Vegar
Vedtak: Vedtatt.
"""


@pytest.fixture(scope="module")
def said(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjellvidda-2024-03-12.txt", SAID)


def test_a_sentence_below_the_lists_gives_the_part_of_the_meeting_the_people_it_names_were_there_for(said):
    left = said.ask("hvem gikk tidlig fra møtet?")
    assert [(a.label, a.columns["note"]) for a in left.answers] == [("Jon Berg", "forlot møtet etter sak 3/24")]
    assert [e.lines for e in left.answers[0].evidence] == [[9, 9]]
    only = said.ask("hvem var bare med på sak 4/24?")
    assert {a.label for a in only.answers} == {"Eva Moen", "Per Lie"}
    # one not named in such a sentence keeps no note
    assert "Kari Dahl" not in {a.label for a in said.ask("hvem var bare med på deler av møtet?").answers}
