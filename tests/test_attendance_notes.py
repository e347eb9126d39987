"""A footnote to a name in the attendance ("Per Lie*" and "* Per Lie gjekk etter orienteringane og var ikkje
med i vedtakssakene." below the list) is that person's attendance note, quoted from the footnote's line; a
substitute with such a note is one who did not take part in all of the meeting.

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

