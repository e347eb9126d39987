"""An answer's columns as the minutes write them, with the line that writes them: the body a presenter
came for is named on their attendance line ("Universitetet i Nordland (UiN)") and only by its short form
where they speak ("fra UiN"); the answer gives the lexicon's label, the name as written, and both lines.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

MINUTES = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00

### Til stades
- Tora Lid, Stord kommune
- Sverre Nes, Bømlo kommune
- Gjester: Til sak 8/24: Kari Dahl, Universitetet i Nordland (UiN)

### Sak 8/24 Kommunane som skuleeigarar
Kari Dahl frå UiN innleidde om skuleeigarrolla og om kva forskinga seier om kommunar som lukkast.

### Sak 9/24 Vegsamarbeid
Sverre Nes orienterte om ferjekaia.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjordradet-2024-05-07.md", MINUTES)


@pytest.mark.parametrize("question, query", [
    ("Kven orienterte om skuleeigarrolla?", "presenters-by-topic"),
    ("Who presented the case on school owners?", "section-line-people"),
])
def test_the_body_a_presenter_came_for_is_named_as_the_attendance_line_writes_it(archive, question, query):
    r = archive.ask(question)
    assert r.query == query, r.why
    (a,) = r.answers
    assert a.label == "Kari Dahl" and a.columns["for"] == "Nord universitet"
    assert a.columns["for_as_written"] == "Universitetet i Nordland"
    # the line that writes that name is quoted beside the line that answers
    assert [e.lines for e in a.evidence] == [[8, 8], [11, 11]]
    assert a.evidence_count == len(a.evidence)


BUDGET = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00

### Sak 11/24 Budsjett 2025
Framlegget har ei ramme på kr 800 000. Kontingenten er kr 12 per innbyggjar.
Vedtak: Budsjett 2025 vert vedteke som lagt fram.

### Sak 12/24 Turvegar
Arbeidet vil koste om lag kr 150 000.
Vedtak: Styret ber administrasjonen kome med eit nytt framlegg i neste møte.
"""


@pytest.fixture(scope="module")
def budget(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjordradet-2024-05-07.md", BUDGET)


def test_a_decision_adopting_the_proposal_carries_its_sums_from_the_line_stating_them(budget):
    r = budget.ask("Kva vart vedteke i sak 11/24?")
    (a,) = r.answers
    # the proposal's sum, not the rate per inhabitant, quoted from its own line beside the decision's
    assert a.columns["proposed"] == "800000 NOK"
    assert [e.text for e in a.evidence][:1] == ["Framlegget har ei ramme på kr 800 000."]


def test_a_decision_that_only_asks_for_a_proposal_adopts_no_sums(budget):
    (a,) = budget.ask("Kva vart vedteke i sak 12/24?").answers
    assert "proposed" not in a.columns
