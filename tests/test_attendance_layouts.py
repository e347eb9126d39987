"""Attendance layouts the reader was not first written for: each a whole small document, read end to end
(made-up people; real municipalities of Vestfold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.lang.names import normalise_person
from kg.parse import parse
from kg.read import read_file

HEAD = "# Referat fra møte i Vestfoldrådet\n\nDato: 12. mars 2025\n\n"
CASE = "\n## Sak 1/25 Godkjenning av innkalling\n\nInnkallingen ble godkjent.\n"


def attendance(tmp_path: Path, body: str, name: str = "m.md") -> list[tuple]:
    """(name given names first, body, role, substitute for) of each attendance line, in order."""
    p = tmp_path / name
    p.write_text(HEAD + body + CASE, encoding="utf-8")
    return [(normalise_person(a.name, by_position=True).full if a.name else None, a.body, a.role, a.substitute_for)
            for a in parse(read_file(p)).attendance]


def test_present_and_apologies_on_adjacent_lines_are_each_read_once(tmp_path):
    got = attendance(tmp_path, "Present: Siri Vold (Horten), Arne Tufte (Holmestrand)\n"
                               "Apologies: Kjell Roa (Larvik), Eli Brun (Sandefjord)\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Arne Tufte", "Holmestrand", "member", None),
                   ("Kjell Roa", "Larvik", "absent", None), ("Eli Brun", "Sandefjord", "absent", None)]


def test_surname_first_one_name_a_line(tmp_path):
    got = attendance(tmp_path, "## Til stede\n\nVold, Siri\nTufte, Arne\nRoa, Kjell\n")
    assert [n for n, *_ in got] == ["Siri Vold", "Arne Tufte", "Kjell Roa"]


def test_surname_first_with_title_and_body_in_brackets(tmp_path):
    got = attendance(tmp_path, "## Til stede\n\n- Vold, Siri (ordfører, Horten)\n- Tufte, Arne (rådmann, Holmestrand)\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Arne Tufte", "Holmestrand", "member", None)]


def test_substitutes_under_moetende_vara_stand_in_for_the_member_named_after_for(tmp_path):
    got = attendance(tmp_path, "Til stede:\nSiri Vold, Horten kommune\n\nMøtende vara:\nKåre Fosse for Kjell Roa, Larvik\n",
                     "m.txt")
    assert got == [("Siri Vold", "Horten kommune", "member", None), ("Kåre Fosse", "Larvik", "substitute", "Kjell Roa")]


def test_stood_in_for_after_the_body_in_brackets(tmp_path):
    got = attendance(tmp_path, "Møtende varamedlemmer: Kåre Fosse (Larvik) for Kjell Roa\n")
    assert got == [("Kåre Fosse", "Larvik", "substitute", "Kjell Roa")]


def test_a_person_for_a_body_is_no_stand_in(tmp_path):
    got = attendance(tmp_path, "Til stede: Kåre Fosse for Larvik kommune\n")
    assert got == [("Kåre Fosse", "Larvik kommune", "member", None)]


def test_a_table_whose_first_column_is_the_role(tmp_path):
    got = attendance(tmp_path, "## Tilstede\n\n| Rolle | Navn | Representerer |\n|---|---|---|\n"
                               "| Leder | Siri Vold | Horten kommune |\n| Medlem | Arne Tufte | Holmestrand kommune |\n"
                               "| Vara | Kåre Fosse | Larvik kommune |\n")
    assert got == [("Siri Vold", "Horten kommune", "chair", None), ("Arne Tufte", "Holmestrand kommune", "member", None),
                   ("Kåre Fosse", "Larvik kommune", "substitute", None)]


@pytest.mark.parametrize("header,row", [
    ("| Kommune | Navn | Rolle |", "| Horten | Siri Vold | ordfører |"),
    ("| Navn | Kommune | Rolle |", "| Siri Vold | Horten | ordfører |"),
    ("| Rolle | Kommune | Navn |", "| ordfører | Horten | Siri Vold |"),
])
def test_table_columns_in_any_order(tmp_path, header, row):
    got = attendance(tmp_path, f"## Til stede\n\n{header}\n|---|---|---|\n{row}\n")
    assert got == [("Siri Vold", "Horten", "member", None)]


def test_english_title_of_a_body(tmp_path):
    got = attendance(tmp_path, "## Present\n\n- Siri Vold, Mayor of Horten\n- Arne Tufte, Holmestrand\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Arne Tufte", "Holmestrand", "member", None)]


def test_absent_per_municipality_after_a_blank_line_stay_in_the_list(tmp_path):
    got = attendance(tmp_path, "Forfall:\nHorten: Siri Vold (AP) og Eli Brun (H). Vara kunne ikke møte.\n\n"
                               "Larvik: Kjell Roa (SP), Arne Tufte (H) og Kåre Fosse (AP). Vara innkalt.\n\n"
                               "Tønsberg: Ola Lunde orienterte om havneplanen.\n", "m.txt")
    assert [(n, b, r) for n, b, r, _ in got] == [
        ("Siri Vold", "Horten", "absent"), ("Eli Brun", "Horten", "absent"), ("Kjell Roa", "Larvik", "absent"),
        ("Arne Tufte", "Larvik", "absent"), ("Kåre Fosse", "Larvik", "absent")]


def test_a_municipalitys_administrative_centre_written_for_it(tmp_path):
    from kg.vocab import KG
    from tests.conftest import extracted, nodes, values

    g = extracted(tmp_path, "m.md", HEAD + "## Til stede\n\n| Kommune | Ordfører |\n|---|---|\n| Leirvik | Siri Vold |\n"
                  "| Bømlo | Arne Tufte |\n" + CASE)
    bodies = {values(g, a, KG.person)[0]: values(g, a, KG.onBehalfOf)[0] for a in nodes(g, "attendance")}
    assert bodies == {"Siri Vold": "Stord", "Arne Tufte": "Bømlo"}


def test_a_blank_presence_cell_among_ticked_ones_is_someone_who_did_not_come(tmp_path):
    got = attendance(tmp_path, "| Deltaker | Kommune/organisasjon | Funksjon | Til stede |\n|---|---|---|---|\n"
                               "| Siri Vold | Horten | Ordfører | x |\n| Kjell Roa | Larvik | Ordfører | |\n"
                               "| Kåre Fosse | Larvik | Varaordfører | x |\n")
    assert [(n, r) for n, _, r, _ in got] == [("Siri Vold", "member"), ("Kjell Roa", "absent"), ("Kåre Fosse", "member")]


def test_english_municipality_and_county_council(tmp_path):
    from kg.vocab import KG
    from tests.conftest import extracted, nodes, values

    g = extracted(tmp_path, "m.md", HEAD + "Attendees:\n- Siri Vold (Horten municipality)\n"
                  "- Arne Tufte, Vestfold County Council\n" + CASE)
    bodies = {values(g, a, KG.person)[0]: values(g, a, KG.onBehalfOf)[0] for a in nodes(g, "attendance")}
    assert bodies == {"Siri Vold": "Horten", "Arne Tufte": "Vestfold fylkeskommune"}


@pytest.mark.parametrize("name", ["m.txt", "m.md"])
def test_names_in_capitals(tmp_path, name):
    got = attendance(tmp_path, "TIL STEDE:\nSIRI VOLD, HORTEN\nARNE TUFTE, SANDE OG HOF\n\nFORFALL:\nKJELL ROA, LARVIK\n", name)
    assert [(n, b, r) for n, b, r, _ in got] == [
        ("Siri Vold", "Horten", "member"), ("Arne Tufte", "Sande og Hof", "member"), ("Kjell Roa", "Larvik", "absent")]


def test_two_titled_people_of_one_body_joined_by_og(tmp_path):
    got = attendance(tmp_path, "## Til stede\n\n1. Larvik: kommunedirektør Eli Brun og ordfører Kjell Roa\n")
    assert [(n, b) for n, b, _, _ in got] == [("Eli Brun", "Larvik"), ("Kjell Roa", "Larvik")]


def test_apologies_after_the_present_in_one_line(tmp_path):
    got = attendance(tmp_path, "Til stede: Siri Vold, Horten kommune; Eli Brun, Sandefjord kommune. "
                               "Forfall: Kjell Roa, Larvik kommune.\n")
    assert [(n, r) for n, _, r, _ in got] == [("Siri Vold", "member"), ("Eli Brun", "member"), ("Kjell Roa", "absent")]


def test_oppmote_heads_the_list(tmp_path):
    got = attendance(tmp_path, "## Oppmøte\n\nSiri Vold (leder), Arne Tufte, Kjell Roa (til sak 3/25)\n\n"
                               "Fraværende: Eli Brun\n")
    assert [(n, r) for n, _, r, _ in got] == [("Siri Vold", "chair"), ("Arne Tufte", "member"), ("Kjell Roa", "member"),
                                             ("Eli Brun", "absent")]


def test_a_struck_name_in_a_table_of_plain_text(tmp_path):
    got = attendance(tmp_path, "Til stede:\n| Kommune | Medlem | Varamedlem |\n|---|---|---|\n| Horten | Siri Vold | |\n"
                               "| Larvik | ~~Kjell Roa~~ | Kåre Fosse |\n", "m.txt")
    assert [(n, r) for n, _, r, _ in got] == [("Siri Vold", "member"), ("Kjell Roa", "absent"), ("Kåre Fosse", "substitute")]


def test_attendance_said_in_a_sentence_with_roles_bodies_a_substitute_and_an_apology(tmp_path):
    got = attendance(tmp_path, "Til stede var ordfører Siri Vold fra Horten, ordfører Arne Tufte fra Holmestrand og "
                               "varaordfører Eli Brun fra Larvik, som møtte for ordfører Kjell Roa. "
                               "Ordfører Per Eggen fra Sandefjord hadde meldt forfall.\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Arne Tufte", "Holmestrand", "member", None),
                   ("Eli Brun", "Larvik", "substitute", "Kjell Roa"), ("Per Eggen", "Sandefjord", "absent", None)]


def test_attendance_by_initials_of_a_member_list(tmp_path):
    got = attendance(tmp_path, "Medlemmer:\nSiri Vold (SV), ordfører Horten\nArne Tufte (AT), ordfører Holmestrand\n"
                               "Eli Brun (EB), ordfører Larvik\n\nTil stede: SV, EB\nForfall: AT\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Eli Brun", "Larvik", "member", None),
                   ("Arne Tufte", "Holmestrand", "absent", None)]


def test_initials_two_names_share_are_not_guessed(tmp_path):
    got = attendance(tmp_path, "Medlemmer:\nSiri Vold (SV), Horten\nSigurd Vik (SV), Larvik\n\nTil stede: SV\n")
    assert [n for n, *_ in got] == ["Siri Vold", "Sigurd Vik"]


def test_a_meeting_over_two_days_listed_day_by_day(tmp_path):
    got = attendance(tmp_path, "Dag 1 – 12. mars\nSiri Vold (Horten)\nArne Tufte (Holmestrand)\n\n"
                               "Dag 2 – 13. mars\nSiri Vold (Horten)\nEli Brun (Larvik)\n\nForfall: Kjell Roa (Tønsberg)\n")
    notes = {n: note for n, note in attendance_notes(tmp_path)}
    assert [(n, b, r) for n, b, r, _ in got] == [("Siri Vold", "Horten", "member"), ("Arne Tufte", "Holmestrand", "member"),
                                                  ("Eli Brun", "Larvik", "member"), ("Kjell Roa", "Tønsberg", "absent")]
    assert notes == {"Siri Vold": None, "Arne Tufte": "Dag 1", "Eli Brun": "Dag 2", "Kjell Roa": None}


def attendance_notes(tmp_path: Path) -> list[tuple]:
    """(name, note) of each attendance line of the document attendance() wrote last."""
    return [(a.name, a.note) for a in parse(read_file(tmp_path / "m.md")).attendance]


def test_the_day_of_a_header_line_without_label_or_hours(tmp_path):
    p = tmp_path / "m.md"
    p.write_text("# Referat fra Vestfoldrådet\n\nSamling 12.–13. mars 2025 på Støtvig hotel\n\n"
                 "Til stede: Siri Vold (Horten)\n" + CASE, encoding="utf-8")
    assert str(parse(read_file(p)).meeting_date) == "2025-03-12"


def test_a_table_of_bodies_with_a_column_for_those_present_and_one_for_apologies(tmp_path):
    got = attendance(tmp_path, "| Kommune | Til stede | Forfall |\n|---|---|---|\n| Horten | Siri Vold | |\n"
                               "| Larvik | | Kjell Roa |\n| Holmestrand | Arne Tufte, Eli Brun | |\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Kjell Roa", "Larvik", "absent", None),
                   ("Arne Tufte", "Holmestrand", "member", None), ("Eli Brun", "Holmestrand", "member", None)]


def test_apologies_received_and_others_present_said_in_english(tmp_path):
    got = attendance(tmp_path, "Apologies were received from Kjell Roa (Larvik) and Eli Brun (Sandefjord).\n\n"
                               "Also present: Per Eggen, Statens vegvesen\n")
    assert got == [("Kjell Roa", "Larvik", "absent", None), ("Eli Brun", "Sandefjord", "absent", None),
                   ("Per Eggen", "Statens vegvesen", "guest", None)]


def test_the_meeting_was_made_up_of_and_an_apology_in_the_next_sentence(tmp_path):
    got = attendance(tmp_path, "Møtet var satt med følgende: Siri Vold (Horten) og Arne Tufte (Holmestrand). "
                               "Kjell Roa (Tønsberg) hadde forfall.\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Arne Tufte", "Holmestrand", "member", None),
                   ("Kjell Roa", "Tønsberg", "absent", None)]


def test_a_body_labelled_with_from(tmp_path):
    got = attendance(tmp_path, "Til stede fra kommunene:\nHorten: Siri Vold\nFra Vestfold fylkeskommune: Per Eggen\n")
    assert got == [("Siri Vold", "Horten", "member", None), ("Per Eggen", "Vestfold fylkeskommune", "member", None)]


def test_attendance_as_running_prose_each_sentence_a_list(tmp_path):
    got = attendance(tmp_path, "Til stede fra styret var styreleder Siri Vold (Horten kommune) og styremedlemmene "
                               "Arne Tufte (Holmestrand kommune) og Eli Brun (Sandefjord kommune). Styremedlem Kjell "
                               "Roa (Larvik kommune) hadde meldt forfall, og varamedlem Kåre Fosse møtte i hans sted. "
                               "Fra administrasjonen møtte daglig leder Per Eggen.\n")
    assert got == [("Siri Vold", "Horten kommune", "chair", None), ("Arne Tufte", "Holmestrand kommune", "member", None),
                   ("Eli Brun", "Sandefjord kommune", "member", None), ("Kjell Roa", "Larvik kommune", "absent", None),
                   ("Kåre Fosse", "Larvik kommune", "substitute", "Kjell Roa"), ("Per Eggen", None, "secretariat", None)]


def test_the_chair_named_twice_keeps_the_body_the_list_gives(tmp_path):
    got = attendance(tmp_path, "Til stede: styreleder Siri Vold (Horten kommune), Arne Tufte (Holmestrand kommune)\n\n"
                               "Møteleder: Siri Vold\n", "m.txt")
    assert got == [("Siri Vold", "Horten kommune", "chair", None), ("Arne Tufte", "Holmestrand kommune", "member", None)]


def test_apologies_written_body_first_with_the_person_in_brackets(tmp_path):
    got = attendance(tmp_path, "Meldt forfall: Larvik kommune (ordførar Kjell Roa), Sandefjord kommune (ordførar Eli Brun)\n")
    assert got == [("Kjell Roa", "Larvik kommune", "absent", None), ("Eli Brun", "Sandefjord kommune", "absent", None)]


def test_a_heading_below_the_attendance_list_is_no_body(tmp_path):
    p = tmp_path / "p.md"
    p.write_text("# Partnarskapsmøte Vestfold\n\nDato: 12. mars 2025\n\n## Deltakarar\n\n**Horten kommune:** ordførar "
                 "Siri Vold\n\n## Program\n\n| Kl. | Tema |\n|---|---|\n| 10.00 | Opning |\n", encoding="utf-8")
    assert parse(read_file(p)).body != "Program"
