"""Attendance read from blocks, whatever order a line uses (examples written for these tests)."""

from __future__ import annotations

import pytest

from kg.lang.names import normalise_person
from kg.model import Block, Section, Span
from kg.parse.attendance import attendance_role, read_attendance


def para(text: str, n: int) -> Block:
    return Block("paragraph", text, Span(n, n))


def item(text: str, n: int, *, level: int = 0, strike: bool = False) -> Block:
    return Block("list_item", text, Span(n, n), level=level, marker="-", strike=strike)


def row(cells: list[str], n: int, *, header: bool = False) -> Block:
    return Block("table_row", "\t".join(cells), Span(n, n), cells=tuple(cells), header=header, table=0)


def heading(text: str, n: int, level: int = 3) -> Block:
    return Block("heading", text, Span(n, n), level=level)


def read(*blocks: Block, role: str = "member"):
    """The attendance lines of a section whose first block is its heading."""
    first = blocks[0].span.start
    section = Section(1, "Til stede", "attendance", Span(first, blocks[-1].span.end), "")
    return read_attendance(section, role, list(blocks))


def by_name(lines) -> dict:
    return {normalise_person(a.name, by_position=True).full: a for a in lines if a.name}


@pytest.mark.parametrize("text,name,title,body,party", [
    ("Ordfører Kari Vold, Hjartdal", "Kari Vold", "ordfører", "Hjartdal", None),
    ("Kari Vold (Sp), Hjartdal kommune", "Kari Vold", None, "Hjartdal kommune", "Sp"),
    ("- Kari Vold, Tokke kommune (TK) – varaordfører", "Kari Vold", "varaordfører", "Tokke kommune", None),
    ("Jon G Pedersen, rådmann i Seljord", "Jon G Pedersen", "rådmann", "Seljord", None),
    ("Tinn kommune v/ ordfører Kari Vold", "Kari Vold", "ordfører", "Tinn kommune", None),
    ("Seljord kommune v/Jon G Pedersen", "Jon G Pedersen", None, "Seljord kommune", None),
    ("Gunn Berit R. Holmelid\tFylkesdirektør\tNordland fylkeskommune", "Gunn Berit R. Holmelid",
     "fylkesdirektør", "Nordland fylkeskommune", None),
    ("Åse Lia, rådmann og sekretær for Vinje kommune", "Åse Lia", "rådmann og sekretær", "Vinje kommune", None),
    ("Councillor Kari Vold - Tinn Municipality", "Kari Vold", "councillor", "Tinn Municipality", None),
    ("Dr Kari Vold - Telemark County Authority", "Kari Vold", "dr", "Telemark County Authority", None),
])
def test_one_person_whatever_the_order(text, name, title, body, party):
    (a,) = read(heading("Til stede", 1), para(text, 2))
    assert (normalise_person(a.name).full, a.title, a.body, a.party, a.role) == (name, title, body, party, "member")


def test_body_then_names_continued_on_the_next_line():
    lines = by_name(read(heading("Møtt", 1), para("Kviteseid: Per Moen, Siri Lia,", 2), para("Åse Tveit", 3),
                         para("Nissedal: Tor Ås", 4)))
    assert {n: a.body for n, a in lines.items()} == {
        "Per Moen": "Kviteseid", "Siri Lia": "Kviteseid", "Åse Tveit": "Kviteseid", "Tor Ås": "Nissedal"}


def test_rare_names_in_a_list_under_a_body_are_names_by_their_place():
    lines = by_name(read(heading("Til stede", 1), para("Fyresdal: Zorvan Quist, Ølvir Brekkhus", 2)))
    assert set(lines) == {"Zorvan Quist", "Ølvir Brekkhus"}


@pytest.mark.parametrize("text,sub_for,body", [
    ("Lise Berg pva Ola Dahl, Tinn kommune", "Ola Dahl", "Tinn kommune"),
    ("Lise Berg, Tinn kommune (vara for Ola Dahl)", "Ola Dahl", "Tinn kommune"),
    ("Lise Berg, varaordfører, møtte for ordfører Ola Dahl", "Ola Dahl", None),
    ("Lise Berg – på vegne av Tinn kommune", None, "Tinn kommune"),
])
def test_substitutes(text, sub_for, body):
    (a,) = read(heading("Til stede", 1), para(text, 2))
    assert (a.role, a.substitute_for, a.body) == ("substitute", sub_for, body)


@pytest.mark.parametrize("text,note", [
    ("Eli Rud, Vinje (fra sak 23/19)", "fra sak 23/19"),
    ("Eli Rud, Vinje – til kl. 12", "til kl. 12"),
    ("Eli Rud, Vinje (sak 37–38)", "sak 37–38"),
    ("- Eli Rud, ordfører – *dag 1*", "dag 1"),
])
def test_part_of_the_meeting(text, note):
    (a,) = read(heading("Til stede", 1), para(text, 2))
    assert a.note == note and a.role == "member"


def test_struck_and_not_met_are_absent():
    lines = by_name(read(heading("Til stede", 1), item("**Bamble**", 2),
                         item("Nils Aas, ordfører", 3, level=1), item("~~Mona Li~~", 4, level=1, strike=True),
                         item("Kjell Ruud, rådmann – møtte ikke", 5, level=1)))
    assert {n: (a.role, a.body) for n, a in lines.items()} == {
        "Nils Aas": ("member", "Bamble"), "Mona Li": ("absent", "Bamble"), "Kjell Ruud": ("absent", "Bamble")}


def test_table_columns_by_header_and_group_rows():
    lines = by_name(read(
        heading("Deltakarar", 1),
        row(["Namn", "Kommune", "Rolle", "Merknad"], 2, header=True),
        row(["Randi Hove", "Sauda", "Ordførar", "Møteleiar"], 3),
        row(["Geir Lund", "Suldal", "Varaordførar", "Møtte for ordførar Liv Tangen"], 4),
        row(["Varamedlemmer", "Varamedlemmer", "Varamedlemmer", "Varamedlemmer"], 5),
        row(["Anne Vik", "Hjelmeland", "", "frå sak 4/24"], 6),
        row(["", "Strand", "", "Forfall – ingen vara"], 7)))
    assert (lines["Randi Hove"].body, lines["Randi Hove"].title, lines["Randi Hove"].role) == ("Sauda", "ordførar, møteleiar", "chair")
    assert (lines["Geir Lund"].role, lines["Geir Lund"].substitute_for) == ("substitute", "Liv Tangen")
    assert (lines["Anne Vik"].role, lines["Anne Vik"].note) == ("substitute", "frå sak 4/24")


def test_a_presence_column_says_who_was_absent_and_a_role_cell_who_stood_in():
    lines = by_name(read(
        heading("Møtedeltakere", 1),
        row(["Navn", "Virksomhet", "Funksjon", "Møtt"], 2, header=True),
        row(["Åse Rui", "Bamble kommune", "Styremedlem", "Ja"], 3),
        row(["Terje Moe", "Porsgrunn kommune", "Styremedlem", "Nei"], 4),
        row(["Lise Fjell", "Porsgrunn kommune", "Vara for Terje Moe", "x"], 5),
        row(["Kjell Bru", "Skien kommune", "Styremedlem", "fra sak 12/22"], 6)))
    assert (lines["Åse Rui"].role, lines["Åse Rui"].note) == ("member", None)
    assert lines["Terje Moe"].role == "absent"
    assert (lines["Lise Fjell"].role, lines["Lise Fjell"].substitute_for) == ("substitute", "Terje Moe")
    assert (lines["Kjell Bru"].role, lines["Kjell Bru"].note) == ("member", "fra sak 12/22")


def test_a_body_column_with_a_role_per_column():
    lines = read(heading("Deltakere", 1),
                 row(["Kommune", "Ordfører", "Rådmann"], 2, header=True),
                 row(["Drangedal", "Ivar Haug (leder)", "Eva Tho"], 3),
                 row(["Kragerø", "*forfall* (Lars Bø)", ""], 4))
    got = {(a.name, a.body, a.title, a.role) for a in lines}
    assert got == {("Ivar Haug", "Drangedal", "ordfører, leder", "chair"),
                   ("Eva Tho", "Drangedal", "rådmann", "member"),
                   ("Lars Bø", "Kragerø", "ordfører", "absent")}


def test_surname_first_and_doubled_spaces():
    lines = by_name(read(heading("Til stede", 1), para("Lunde, Tove Elise – Notodden kommune", 2),
                         para("Kari  Sandvold, Notodden kommune", 3)))
    assert set(lines) == {"Tove Elise Lunde", "Kari Sandvold"}


def test_absent_body_without_a_person():
    (a,) = read(para("Ikkje til stades: Aurland kommune", 1), role="absent")
    assert (a.name, a.body, a.role) == (None, "Aurland kommune", "absent")


@pytest.mark.parametrize("heading_text,role", [
    ("Faste medlemar som møtte", "member"),
    ("Følgende valgte representanter møtte:", "member"),
    ("Medlemar som hadde meldt forfall", "absent"),
    ("Varamedlemmer som møtte", "substitute"),
    ("Innleiarar", "guest"),
    ("Frå administrasjonen", "secretariat"),
    ("Sak 4/24 Medlemmer i styret", None),
    ("Orientering om møteplan og arbeidet i regionen", None),
])
def test_attendance_headings_by_meaning(heading_text, role):
    assert attendance_role(heading_text) == role


def test_a_sentence_saying_who_came_from_where():
    lines = by_name(read(para("Forfall: Ola Dahl, Tinn kommune.", 1),
                         para("Frå Vinje kommune møtte rådgjevar Eli Rud og Zorvan Quist.", 2), role="absent"))
    assert {n: (a.body, a.role) for n, a in lines.items()} == {
        "Ola Dahl": ("Tinn kommune", "absent"), "Eli Rud": ("Vinje kommune", "guest"),
        "Zorvan Quist": ("Vinje kommune", "guest")}


def test_a_name_broken_across_lines_of_a_paragraph():
    block = Block("paragraph", "Meldt forfall: ordfører Kari Lia, Tinn; rådmann Geir\nMoe, Vinje.", Span(1, 2))
    lines = by_name(read(block, role="absent"))
    assert {n: a.body for n, a in lines.items()} == {"Kari Lia": "Tinn", "Geir Moe": "Vinje"}


def test_a_body_broken_across_lines_of_a_paragraph():
    block = Block("paragraph", "Forfall: Kari Lia, Vestland\nFK · Ola Moe, Tinn", Span(1, 2))
    lines = by_name(read(block, role="absent"))
    assert {n: a.body for n, a in lines.items()} == {"Kari Lia": "Vestland FK", "Ola Moe": "Tinn"}


def test_the_chair_from_a_role_column_and_not_from_another_body():
    lines = by_name(read(heading("Deltakarar", 1),
                         row(["Namn", "Kommune", "Rolle"], 2, header=True),
                         row(["Åse Lunde", "Tinn", "Leiar"], 3),
                         row(["Per Rud", "Vinje", "Leiar i Vinje sogelag"], 4),
                         row(["Eli Dal", "Seljord", "Medlem"], 5)))
    assert {n: a.role for n, a in lines.items()} == {"Åse Lunde": "chair", "Per Rud": "member", "Eli Dal": "member"}


def test_a_family_name_on_the_next_line():
    block = Block("paragraph", "Forfall: ordførar Kari Lia, Tinn · rådmann Odd Inge\nMoen, Vinje", Span(1, 2))
    assert {n: a.body for n, a in by_name(read(block, role="absent")).items()} == {"Kari Lia": "Tinn", "Odd Inge Moen": "Vinje"}


def test_two_bodies_joined_by_og_are_two_absent_bodies():
    lines = read(para("Forfall:", 1), para("Tinn (ordførar og rådmann), Vinje og Seljord (observatørar)", 2), role="absent")
    assert [(a.body, a.role) for a in lines if a.name is None] == [
        ("Tinn", "absent"), ("Vinje", "absent"), ("Seljord", "absent")]
    whole = read(para("Forfall:", 1), para("Evje og Hornnes, Sogn og Fjordane fylkeskommune", 2), role="absent")
    assert [a.body for a in whole if a.name is None] == ["Evje og Hornnes", "Sogn og Fjordane fylkeskommune"]


def test_a_title_column_naming_a_body_gives_the_body():
    lines = by_name(read(heading("Andre som møtte", 1), row(["Namn", "Funksjon"], 2, header=True),
                         row(["Kari Dahl", "Rådmann i Tinn kommune"], 3), row(["Ola Berg", "Dagleg leiar"], 4),
                         role="guest"))
    assert {n: (a.body, a.title) for n, a in lines.items()} == {
        "Kari Dahl": ("Tinn kommune", "rådmann i tinn kommune"), "Ola Berg": (None, "dagleg leiar")}


ADMINISTRATION = """\
Møteprotokoll

Utvalg:    Kystrådet
Dato:      04.02.2020

Følgende faste medlemmer møtte:
Navn                      Funksjon        Representerer
Kari Dahl                 Leder           Fitjar kommune
Per Lie                   Medlem          Stord kommune

Fra administrasjonen møtte:
Navn                      Stilling
Eli Rud                   Daglig leder
Tor Berg                  Rådgiver

PS 3/20 Felles havneplan
Vedtak: Planen vedtas.
"""


@pytest.mark.parametrize("question", ["hvem fra administrasjonen møtte?", "who attended from the secretariat",
                                      "kven frå sekretariatet var til stades"])
def test_the_secretariat_is_asked_for_by_what_minutes_call_it(tmp_path, question):
    from kg.api import Archive

    (tmp_path / "kystradet-2020-02-04.txt").write_text(ADMINISTRATION, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "kystradet-2020-02-04.txt"])
        assert sorted(x.label for x in a.ask(question).answers) == ["Eli Rud", "Tor Berg"]


def test_a_role_cell_saying_observer_or_referent_gives_that_role():
    lines = read(heading("Deltakarar", 1),
                 row(["Namn", "Representerer", "Rolle", "Merknad"], 2, header=True),
                 row(["Åse Lunde", "Tinn kommune", "ordførar", ""], 3),
                 row(["Per Rud", "Vestfold og Telemark fylkeskommune", "rådgjevar", "observatør"], 4),
                 row(["Eli Dal", "", "dagleg leiar", "referent"], 5))
    assert [(a.name, a.role) for a in lines] == [("Åse Lunde", "member"), ("Per Rud", "observer"),
                                                 ("Eli Dal", "member"), ("Eli Dal", "referent")]


@pytest.mark.parametrize("question", ["Who took the minutes?", "Hvem førte protokollen?", "kven var referent",
                                      "who was the minute taker"])
def test_who_wrote_the_minutes(tmp_path, question):
    from kg.api import Archive

    text = ADMINISTRATION.replace("PS 3/20", "Protokollfører: Tor Berg\n\nPS 3/20")
    (tmp_path / "kystradet-2020-02-04.txt").write_text(text, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "kystradet-2020-02-04.txt"])
        assert [x.label for x in a.ask(question).answers] == ["Tor Berg"]


def test_a_line_ending_in_a_whole_name_does_not_run_on_into_the_next_name():
    block = Block("paragraph", "Jon Gjerde, varaordfører i Flesberg, møtte for ordfører Per Kristian Blaker\n"
                               "Anne Haugen, ordfører i Rollag", Span(2, 3))
    lines = by_name(read(heading("Til stede", 1), block))
    assert {n: (a.body, a.substitute_for) for n, a in lines.items()} == {
        "Jon Gjerde": ("Flesberg", "Per Kristian Blaker"), "Anne Haugen": ("Rollag", None)}
