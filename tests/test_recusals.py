"""Who was disqualified (inhabil, ugild) in a case: read from the case's sentences and asked for."""

from __future__ import annotations

import pytest

from kg.extract.recusals import recused_in
from kg.vocab import KG
from tests.conftest import extracted, ingested_text, nodes, values


@pytest.mark.parametrize("sentence, previous, people", [
    ("Kari Dahl erklærte seg inhabil og fratrådte under behandlingen.", "", ["Kari Dahl"]),
    ("Kari Dahl og Per Lie vart kjende ugilde i saka.", "", ["Kari Dahl", "Per Lie"]),
    ("Leiaren Siri Vik spurde om Per Lie var inhabil, og han gjekk frå.", "", ["Per Lie"]),  # the nearest names
    ("Inhabil: Tone Haugland", "", ["Tone Haugland"]),  # a label: the name after it
    ("Hun ble enstemmig erklært inhabil.", "Rådet vurderte habiliteten til Tone Haugland.", ["Tone Haugland"]),
    ("Per Lie ble ikke funnet inhabil.", "", []),  # denied: states nothing
    ("Spørsmålet om habilitet ble tatt opp av Kari Dahl.", "", []),  # no disqualification
    ("Tom Berg (Sp) was disqualified and left the room.", "", ["Tom Berg"]),
])
def test_who_a_sentence_says_was_disqualified(sentence, previous, people):
    assert recused_in(sentence, previous) == people


KYSTRADET = """\
Møteprotokoll

Utvalg:    Kystrådet
Dato:      04.02.2020

Til stede: Kari Dahl (Fitjar), Per Lie (Stord), Tone Haugland (Bømlo)

Inhabil i sak 4/20: Per Lie

PS 3/20 Felles havneplan

Behandling i Kystrådet - 04.02.2020:
Kari Dahl erklærte seg inhabil og fratrådte under behandlingen.

Vedtak i Kystrådet - 04.02.2020:
Kystrådet ber administrasjonen lage et utkast til felles havneplan.

PS 4/20 Tilskudd til Stord hamn

Vedtak i Kystrådet - 04.02.2020:
Stord hamn får kr 200 000.

PS 5/20 Ferjetilbudet

Tone Haugland orienterte. Ingen var inhabile.
"""


def test_the_case_a_disqualification_belongs_to(tmp_path):
    g = extracted(tmp_path, "kystradet-2020-02-04.txt", KYSTRADET)
    recused = {person: item.label for item in nodes(g, "agenda_item") for person in values(g, item, KG.recused)}
    # the case the sentence stands under; the case a note elsewhere names
    assert recused == {"Kari Dahl": "PS 3/20 Felles havneplan", "Per Lie": "PS 4/20 Tilskudd til Stord hamn"}


@pytest.fixture(scope="module")
def kystradet(tmp_path_factory):
    return ingested_text(tmp_path_factory, "kystradet-2020-02-04.txt", KYSTRADET)


@pytest.mark.parametrize("question, answers", [
    ("hvem var inhabil?", ["Kari Dahl", "Per Lie"]),
    ("kven var ugild i sak 4/20", ["Per Lie"]),
    ("who was disqualified in case 3/20?", ["Kari Dahl"]),
    ("who was disqualified in case 5/20?", []),  # not someone of another case
])
def test_asking_who_was_disqualified(kystradet, question, answers):
    result = kystradet.ask(question)
    assert result.query in ("recused", "recused-in-case")
    assert sorted(a.label for a in result.answers) == answers
