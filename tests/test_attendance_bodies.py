"""The bodies people attend for, as minutes in layouts kg was not first written for name them (made-up people
and bodies; real municipalities)."""

from __future__ import annotations

from kg.parse import parse
from kg.read import read_file
from kg.vocab import KG
from tests.conftest import extracted

HEAD = "# Referat fra møte i Fjordvikens programkontor\n\nDato: 3. mai 2023\n\n"


def _represents(g) -> dict[str, str]:
    att = {f.subject: f.object.label for f in g.facts if f.predicate == KG.person}
    return {att[f.subject]: f.object.label for f in g.facts if f.predicate == KG.onBehalfOf and f.subject in att}


def test_the_office_named_by_its_kind_in_a_cell_is_the_body_of_the_minutes(tmp_path):
    g = extracted(tmp_path, "m.txt", HEAD + "Til stede:\nNAVN\tORGANISASJON\nSiri Vold\tProgramkontoret (leder)\n"
                                           "Arne Tufte\tHorten\n\n## Sak 1/23 Godkjenning\n\nGodkjent.\n")
    assert _represents(g) == {"Siri Vold": "Fjordvikens programkontor", "Arne Tufte": "Horten"}
    assert not [n for n in g.entities() if n.label == "Programkontoret"]


def test_a_body_with_a_bracket_saying_where_it_belongs_is_the_body_named_without_it(tmp_path):
    g = extracted(tmp_path, "m.txt", HEAD + "Til stede:\nNAVN\tORGANISASJON\nSiri Vold\tDigiLag (Vestregionen)\n\n"
                                           "## Sak 2/23 Runden\n\n### DigiLag (Vestregionen):\n\nSiri Vold fortalte om "
                                           "et kurs i tjenestedesign.\n")
    bodies = [n for n in g.entities() if n.label.startswith("DigiLag")]
    assert len(bodies) == 1 and "DigiLag (Vestregionen)" in {bodies[0].label, *bodies[0].aliases}
    assert _represents(g)["Siri Vold"] == bodies[0].label


def test_a_substitute_called_in_who_could_not_come_and_a_rare_name_among_names_with_brackets(tmp_path):
    p = tmp_path / "m.md"
    p.write_text(HEAD + "Forfall:\n- Kjell Roa (Larvik); vara Arne Tufte var innkalt, men kunne ikke møte.\n"
                        "- 2.–3. vara var ikke innkalt: Eli Brun (Sandefjord), Gyrdis Holt (Tønsberg).\n\n"
                        "## Sak 1/23 Godkjenning\n\nGodkjent.\n", encoding="utf-8")
    got = [(a.name, a.body, a.role) for a in parse(read_file(p)).attendance]
    assert got == [("Kjell Roa", "Larvik", "absent"), ("Arne Tufte", None, "absent"),
                   ("Eli Brun", "Sandefjord", "absent"), ("Gyrdis Holt", "Tønsberg", "absent")]



def test_of_a_body_and_its_part_named_in_one_question_the_part_fits_a_body_parameter_better():
    """'who represents DigiLag (programkontoret)': 'DigiLags programkontor' is the part of 'DigiLag' asked for."""
    from kg.ask.composer import Linked, Option, _part_of_other
    from kg.ask.slots import Filled

    def linked(label: str) -> Linked:
        return Linked(argument=None, options=[Option("organisation", Filled(None, label, "by name"), True)])

    args = [linked("DigiLag"), linked("DigiLags programkontor")]
    assert _part_of_other(args[1].options[0], args, 1)
    assert not _part_of_other(args[0].options[0], args, 0)
    assert not _part_of_other(linked("Vestlag").options[0], [linked("DigiLag"), linked("Vestlag")], 1)
