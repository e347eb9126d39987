"""Questions of two clauses: the second asks for a column of each answer row ("…, og hvor mye?", "and who
voted against?"), and the query whose rows carry that column is the one chosen."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ask.catalogue import catalogue
from kg.ask.composer import _carried
from kg.ask.reader import Reader
from tests.conftest import stored_text

NAMES = {"Havfondet": ["Havfondet (programme)"], "Grønn havn": ["Grønn havn (project)"], "Nordby": ["Nordby"]}


def read(question: str):
    return Reader(lambda text: NAMES.get(text, []), date(2024, 3, 14)).read(question)


@pytest.mark.parametrize("question, columns", [
    ("Hvem har fått penger fra Havfondet, og hvor mye?", ["amount"]),
    ("How much did Grønn havn get, and from whom?", ["amount", "funder"]),
    ("Kor mykje fekk Grønn havn, og frå kven?", ["amount", "funder"]),
    ("Kva vart vedteke om hamna, og kven røysta mot?", ["against"]),
    ("Which tasks are due in May and who is responsible?", ["responsible"]),
    ("Hvem skal svare Nordby, og innen når?", ["deadline"]),
    ("Who funded Grønn havn and who are the partners?", ["partner"]),
    ("How much did Grønn havn receive, and for what?", ["amount", "purpose"]),
    ("Hvor mye fikk Grønn havn fra Havfondet?", []),
    ("Which municipalities and regions work on hydrogen?", []),
])
def test_the_column_a_second_clause_asks_for(question, columns):
    assert read(question).columns == columns


def test_the_second_clause_leaves_the_first_its_arguments():
    p = read("Hva ble vedtatt om Grønn havn, og hvem stemte mot?")
    assert [a.text for a in p.arguments] == ["Grønn havn"] and p.columns == ["against"]
    p = read("How much did Grønn havn get, and from which pot of money?")
    assert [a.text for a in p.arguments] == ["Grønn havn"] and p.columns == ["amount", "funder"]


def test_a_query_carries_the_columns_its_rows_select():
    queries = catalogue()
    assert _carried(queries["funding-of"], ["amount", "funder"]) == ["amount", "funder"]
    assert _carried(queries["decisions"], ["against"]) == ["against"]
    assert _carried(queries["actions-due"], ["responsible", "deadline"]) == ["responsible", "deadline"]
    assert _carried(queries["presentations"], ["against"]) == []


FOLLOW_UPS = """\
## Referat fra møte i Nordbyrådet

Tid: Torsdag 4. september 2025 kl. 10.00

### Oppfølging
- [ ] Høringssvar om fergetilbudet – **Ansvar:** sekretariatet – **Frist:** 01.10.2025
- [ ] Invitasjon til fagdag – **Ansvar:** Åse Brekkestø – **Frist:** 15.10.2025
"""


def test_the_one_responsible_is_also_given_as_the_follow_up_list_writes_them(tmp_path):
    archive = stored_text(tmp_path, "nordbyradet-2025-09-04.md", FOLLOW_UPS)
    r = archive.ask("Which follow-ups are due before the end of 2025, and who is responsible?")
    got = {a.label: (a.columns["responsible"], a.columns.get("responsible_as_written")) for a in r.answers}
    # the secretariat has its own name in the graph; the list calls it what the minutes call it
    assert got["Høringssvar om fergetilbudet"][1] == "sekretariatet"
    assert got["Høringssvar om fergetilbudet"][0] != "sekretariatet"
    # a name the list writes as the graph does needs no second form
    assert got["Invitasjon til fagdag"] == ("Åse Brekkestø", None)


CASE_TASK = """\
## Referat frå møte i Nordbyrådet

Tid: Torsdag 6. februar 2025 kl. 10.00

### Sak 05/25 Felles kartløysing for kommunane
Forprosjektet «Kart for alle» har ei ramme på kr 400 000. Det vert søkt om kr 200 000 frå Vestland fylkeskommune.
Oppfølging: Søknad til Vestland fylkeskommune. Ansvar: Åse Brekkestø. Frist: 15.03.2025.

### Sak 06/25 Ferjetilbodet
Oppfølging: Brev til ferjeselskapet. Ansvar: Åse Brekkestø. Frist: 20.03.2025.
"""


def test_a_follow_up_is_answered_with_the_project_its_case_asks_money_for(tmp_path):
    archive = stored_text(tmp_path, "nordbyradet-2025-02-06.md", CASE_TASK)
    r = archive.ask("Which follow-up tasks are due in March 2025 and who is responsible?")
    got = {a.label: a.columns.get("project") for a in r.answers}
    assert got == {"Søknad til Vestland fylkeskommune": "Kart for alle", "Brev til ferjeselskapet": None}, r.why
