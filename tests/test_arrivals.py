"""When an attendee came or went, told in a sentence outside the attendance list (kg.extract.arrivals).

The minutes are written for these tests: a plain list of names, a note under it that one member came during a
case, and a case in which another left; a recusal worded with a verb of going is not a late arrival.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

LIST = """\
Referat fra møte i Elverådet

Dato: 04.06.2024

Til stede:
Kari Lund, ordfører, Åmli kommune
Per Vatne, ordfører, Froland kommune
Siv Moe, ordfører, Vegårshei kommune
"""

MINUTES = LIST + """\
Geir Foss, varaordfører, Tvedestrand kommune

Merknad: Siv Moe tiltrådte møtet under behandlingen av sak 12/24.

Sak 11/24 Kollektivtilbud
Kari Lund orienterte om nye bussruter. Geir Foss fratrådte som inhabil i sak 11/24.

Sak 12/24 Friluftsliv
Per Vatne forlot møtet etter sak 12/24. Rådet ber om en felles friluftsplan.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "elveradet-2024-06-04.txt", MINUTES)


@pytest.mark.parametrize("question, expected", [
    ("Hvem kom senere?", ["Per Vatne", "Siv Moe"]),
    ("Kven kom seinare?", ["Per Vatne", "Siv Moe"]),
    ("Who attended only part of the meeting?", ["Per Vatne", "Siv Moe"]),
    ("hvem forlot møtet tidlig", ["Per Vatne"]),
])
def test_a_sentence_saying_when_someone_came_or_went_is_their_attendance_note(archive, question, expected):
    r = archive.ask(question)
    assert sorted({a.label for a in r.answers}) == expected, r.why


def test_the_note_is_the_sentence_with_its_lines(archive):
    rows = {a.label: a for a in archive.ask("Hvem kom senere?").answers}
    assert rows["Siv Moe"].columns["note"] == "tiltrådte møtet under behandlingen av sak 12/24"
    assert [(e.text, e.lines) for e in rows["Siv Moe"].evidence] == [
        ("Merknad: Siv Moe tiltrådte møtet under behandlingen av sak 12/24.", [11, 11])]


TOGETHER = LIST + """\

Per Vatne og Siv Moe deltok under sak 13/24.

Sak 13/24 Friluftsliv
Rådet ber om en felles friluftsplan.
"""


def test_people_named_together_in_one_sentence_each_have_its_note(tmp_path_factory):
    archive = ingested_text(tmp_path_factory, "elveradet-2024-06-04.txt", TOGETHER)
    r = archive.ask("hvem var bare med på sak 13/24?")
    assert {(a.label, a.columns["note"]) for a in r.answers} == {("Per Vatne", "deltok under sak 13/24"),
                                                                ("Siv Moe", "deltok under sak 13/24")}
