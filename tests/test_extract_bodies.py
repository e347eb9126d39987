"""Companies named for their site, the companies a meeting visited, and what a sentence says a body is.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_names
from kg.vocab import KG, SCHEMA
from tests.conftest import extracted, nodes, stored_text, values

VISIT = """\
Protokoll frå møte i Indre Fjord regionråd 4. april 2025

Tid: fredag 4. april 2025 kl. 10.00–14.00
Stad: Sauda rådhus
Møteleiar: Kari Dahl

Sak 12/25 Orienteringar
Sauda: Vestrafil Sauda investerer i ny smelteomn. Kommunen søkjer Enova om 2 mill. kr.
Vedtak: Orienteringane vert tekne til orientering.

Sak 13/25 Besøk hos Norvik Kabel
Møtet vart avslutta med omvisning på Kvoria Sauda på Hovland, der dei lagar kabelrull.
Vedtak: Rådet takkar for besøket.

Sak 14/25 Besøk frå Nordkyst regionråd
Gjestene fortalde om samarbeidet i nord.
"""


@pytest.mark.parametrize("text, body", [
    ("Vestrafil Sauda investerer i ny smelteomn.", "Vestrafil Sauda"),
    ("Dei var på omvisning hos Sauda Cryotec i går.", "Sauda Cryotec"),
])
def test_a_municipality_beside_a_word_no_dictionary_knows_is_a_company(text, body):
    found = [(m.kind, m.label) for m in find_names(text)[0]]
    assert found == [("organisation", body)]


@pytest.mark.parametrize("text, place", [
    ("Frå Sauda kom ordføraren.", "Sauda"),  # a Norwegian word before the name: the municipality
    ("Møtet var i Sauda rådhus.", "Sauda"),
])
def test_a_municipality_beside_common_words_stays_the_municipality(text, place):
    assert ("municipality", place) in [(m.kind, m.label) for m in find_names(text)[0]]


def test_the_meeting_visited_a_company_at_a_place(tmp_path):
    g = extracted(tmp_path, "indre-fjord-2025-04-04.txt", VISIT)
    # "Besøk frå Nordkyst regionråd" is a guest's visit, not one the meeting made
    assert sorted(values(g, g.meeting, KG.visited)) == ["Kvoria Sauda", "Norvik Kabel"]
    kvoria = next(n for n in nodes(g, "organisation") if n.label == "Kvoria Sauda")
    assert values(g, kvoria, SCHEMA.location) == ["Hovland"]


def test_which_company_did_the_council_visit_and_where(tmp_path):
    archive = stored_text(tmp_path, "indre-fjord-2025-04-04.txt", VISIT)
    result = archive.ask("Which company did the council visit, and where is it?")
    rows = {a.label: a.columns.get("place") for a in result.answers}
    assert rows == {"Kvoria Sauda": "Hovland", "Norvik Kabel": None}
    assert [a.label for a in archive.ask("kva bedrift besøkte regionrådet?").answers] == ["Kvoria Sauda", "Norvik Kabel"]


FORMS = """\
Protokoll frå møte i Indre Fjord regionråd 4. april 2025

Sak 15/25 Godkjenning av protokoll
I førre protokoll står det «Fjordbreiband AS». Det rette er at Fjordbreiband er eit vertskommunesamarbeid og ikkje eit aksjeselskap.
Vedtak: Protokollen vert godkjend med rettinga.

Sak 16/25 Havbruk i regionen
Kystmat Vest, det regionale næringsnettverket med over 40 medlemsbedrifter, orienterte om marknadene.
Skjergard Renovasjon, eit interkommunalt selskap eigd av fem kommunar, la fram årsmeldinga.
Tinnvik Hamn er ikkje eit IKS.
"""


def test_a_sentence_says_what_form_of_organisation_a_body_has(tmp_path):
    g = extracted(tmp_path, "indre-fjord-2025-04-04.txt", FORMS)
    form = {n.label: values(g, n, KG.organisationForm) for n in g.nodes if values(g, n, KG.organisationForm)}
    assert form == {"Fjordbreiband": ["vertskommunesamarbeid"], "Skjergard Renovasjon": ["interkommunalt selskap"]}


def test_an_apposition_makes_an_unknown_name_a_body_of_its_kind(tmp_path):
    g = extracted(tmp_path, "indre-fjord-2025-04-04.txt", FORMS)
    assert "Kystmat Vest" in [n.label for n in nodes(g, "cluster")]  # a network of firms
    assert not [n for n in g.nodes if n.label == "Tinnvik Hamn" and values(g, n, KG.organisationForm)]


def test_is_a_body_a_limited_company(tmp_path):
    archive = stored_text(tmp_path, "indre-fjord-2025-04-04.txt", FORMS)
    answers = archive.ask("Er Fjordbreiband eit aksjeselskap?").answers
    assert [(a.label, a.columns.get("form")) for a in answers] == [("Fjordbreiband", "vertskommunesamarbeid")]


def test_a_company_a_municipalitys_report_opens_a_sentence_with_is_there(tmp_path):
    g = extracted(tmp_path, "indre-fjord-2025-04-04.txt", VISIT)
    vestrafil = next(n for n in nodes(g, "organisation") if n.label == "Vestrafil Sauda")
    assert values(g, vestrafil, SCHEMA.location) == ["Sauda"]
    assert not values(g, next(n for n in g.nodes if n.label == "Enova"), SCHEMA.location)  # named later in the line
