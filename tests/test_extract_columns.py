"""What a question's second clause asks for, read from the prose of minutes: who voted against a decision
cut by a page break, who is to do a task written as a sentence and by when, a grant's pot of money.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

import pytest

from kg.extract.funding import APPLIED, GRANTED, read_grants
from kg.vocab import DCTERMS, KG, SCHEMA
from tests.conftest import extracted, nodes, values

MINUTES = """\
Protokoll frå møte i Kystrådet 4. mars 2021

Sak 10/21 Fiskerihamn
Vedtak: Kystrådet krev at den nye fiskerihamna vert bygd i

Nesvik, og at kaia får straum frå land. Vedtatt mot éin stemme (Brita K. Lunde,
Sp).

Sak 11/21 Kulturprisen
Vedtak: Prisen går til Nesvik songlag

Per Hovde orienterte om songlaget.
"""


def _graph(folder, text: str, name: str = "kystradet-2021-03-04.txt"):
    return extracted(folder, name, text)


def test_a_decision_cut_by_a_page_break_keeps_its_place_and_who_voted_against(tmp_path):
    g = _graph(tmp_path, MINUTES)
    decisions = {values(g, d, DCTERMS.description)[0]: d for d in nodes(g, "decision")}
    harbour = next(d for text, d in decisions.items() if text.startswith("Kystrådet krev"))
    assert "bygd i Nesvik, og at kaia" in values(g, harbour, DCTERMS.description)[0]
    assert values(g, harbour, KG.dissenter) == ["Brita K. Lunde"]


def test_a_sentence_that_ends_runs_not_on_over_a_blank_line(tmp_path):
    g = _graph(tmp_path, MINUTES)
    prize = next(d for d in nodes(g, "decision") if values(g, d, DCTERMS.description)[0].startswith("Prisen"))
    assert values(g, prize, DCTERMS.description) == ["Prisen går til Nesvik songlag"]


TASKS = """\
Protokoll frå møte i Kystrådet 4. mars 2021

Til stades:
Namn	Funksjon
Eli Strand	Medlem
Tor Fjeld	Dagleg leiar
Siv Aas	Hamnekoordinator

Sak 12/21 Ferjetilbodet
Samrøystes. Dagleg leiar sender uttalen til fylket innan 15. mars 2021.
Sekretariatet lagar eit kart over kaiane innan 1. april 2021.
Eli Strand følgjer opp saka med Statens vegvesen innan 20. april 2021.
Uttalen vert send innan 15. mars 2021.
Hamnekoordinatoren kallar inn til møte med rederia innan 10. mars 2021.

Sak 13/21 Budsjett
Oppfølging: Budsjettnotat til kommunane. Ansvar: Eli Strand. Frist:
30. april 2021.

Oppfølgingspunkt
• Kart over kaiane – ansvar: Eli
Strand – frist: 01.05.2021
• Brev til fylket – ansvar: sekretariatet –
frist: 15.05.2021
"""


@pytest.fixture(scope="module")
def tasks(tmp_path_factory):
    g = _graph(tmp_path_factory.mktemp("tasks"), TASKS)
    out = {}
    for a in nodes(g, "action"):
        out[a.label] = (sorted(values(g, a, KG.responsible)), [str(d) for d in values(g, a, KG.deadline)])
    return out


def test_a_task_written_as_a_sentence_is_its_subjects_by_the_date_it_gives(tasks):
    assert tasks["Eli Strand følgjer opp saka med Statens vegvesen innan 20. april 2021"] == \
        (["Eli Strand"], ["2021-04-20"])
    assert tasks["Sekretariatet lagar eit kart over kaiane innan 1. april 2021"][1] == ["2021-04-01"]
    assert len(tasks["Sekretariatet lagar eit kart over kaiane innan 1. april 2021"][0]) == 1


def test_a_title_opening_a_task_is_the_one_person_listed_with_it(tasks):
    assert tasks["Dagleg leiar sender uttalen til fylket innan 15. mars 2021"] == (["Tor Fjeld"], ["2021-03-15"])


def test_a_title_no_lexicon_knows_names_its_holder_when_the_attendance_list_gives_it(tasks):
    assert tasks["Hamnekoordinatoren kallar inn til møte med rederia innan 10. mars 2021"] == \
        (["Siv Aas"], ["2021-03-10"])


def test_a_sentence_without_its_doer_is_no_task(tasks):
    assert not any(label.startswith("Uttalen vert send") for label in tasks)


def test_a_list_item_wrapped_over_two_lines(tasks):
    wrapped = {label.lstrip("• "): value for label, value in tasks.items() if label.lstrip("• ").startswith(("Kart", "Brev"))}
    assert wrapped["Kart over kaiane"] == (["Eli Strand"], ["2021-05-01"])
    assert wrapped["Brev til fylket"][1] == ["2021-05-15"]


def test_a_deadline_wrapped_onto_the_next_line(tasks):
    assert tasks["Budsjettnotat til kommunane"] == (["Eli Strand"], ["2021-04-30"])


@pytest.mark.parametrize("sentence, amount, pot", [
    ("Vedtak: Fjordrådet løyver kr 80 000 frå vegmidlane.", 80000, "vegmidlane"),
    ("Songlaget fekk kr 20 000 over kulturfondet til konserten.", 20000, "kulturfondet"),
    ("Rådet gir kr 5 000 til turen.", 5000, None),
])
def test_the_fund_a_sum_is_taken_from(sentence, amount, pot):
    (st,) = read_grants(sentence)
    assert st.amount.value == amount
    assert (sentence[slice(*st.pot_in)] if st.pot_in else None) == pot


def test_a_promise_of_money_is_a_grant_from_the_one_who_gave_it():
    sentence = "Kystkraft AS har gjeve tilsegn om kr 150 000."
    (st,) = read_grants(sentence)
    assert (st.status, sentence[slice(*st.funder_in)].strip()) == (GRANTED, "Kystkraft AS")


def test_a_grant_from_a_pot_names_the_pot_as_its_programme(tmp_path):
    g = _graph(tmp_path, "Protokoll frå møte i Kystrådet 4. mars 2021\n\nSak 14/21 Nesvik songlag – søknad\n"
                         "Nesvik songlag søkjer om kr 60 000 til ein konsert.\n"
                         "Vedtak: Kystrådet løyver kr 30 000 frå kulturmidlane.\n")
    funders = {(f.subject.label, f.object.label, f.object.kind) for f in g.facts if f.predicate == SCHEMA.funder}
    assert any("30000 NOK" in grant and (pot, kind) == ("Kulturmidlane", "programme") for grant, pot, kind in funders)
    assert not any("60000 NOK" in grant for grant, _, _ in funders)


def test_an_application_names_its_funder_after_the_sum():
    sentence = "Nordby og Sørby søkjer saman om 1,2 mill. kr i hamnemidlar frå Kystverket."
    (st,) = read_grants(sentence)
    assert st.status == APPLIED and sentence[slice(*st.funder_in)].strip(" .") == "Kystverket"


def test_a_joint_application_is_each_applicants_and_about_what_its_sentence_says(tmp_path):
    g = _graph(tmp_path, "Protokoll frå møte i Kystrådet 4. mars 2021\n\nSak 15/21 Breiband\n"
                         "Per Hovde orienterte om at Kinn og Stad søkjer saman om 2 mill. kr i breibandsmidlar "
                         "frå Vestland fylkeskommune.\n")
    grants = {}
    for f in g.facts:
        if f.predicate == SCHEMA.funding:
            grants.setdefault(f.object, set()).add(f.subject.label)
    (grant, applicants), = grants.items()
    assert applicants == {"Kinn", "Stad"}
    assert values(g, grant, DCTERMS.subject) and all(t == "bredband" for t in values(g, grant, DCTERMS.subject))
    assert values(g, grant, SCHEMA.funder) == ["Vestland fylkeskommune"]


def test_a_definite_noun_refers_back_to_the_name_in_the_title(tmp_path):
    g = _graph(tmp_path, "Protokoll frå møte i Kystrådet 4. mars 2021\n\nSak 16/21 Reiselivsklynga – orientering\n"
                         "Klynga har fått kr 300 000 fra Innovasjon Norge for 2021.\n")
    recipients = {(f.subject.label, f.object.label) for f in g.facts if f.predicate == SCHEMA.funding}
    assert any(who == "Reiselivsklynga" and "300000" in grant for who, grant in recipients)
