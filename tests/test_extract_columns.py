"""What a question's second clause asks for, read from the prose of minutes: who voted against a decision
cut by a page break, who is to do a task written as a sentence and by when, a grant's pot of money.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.parse import parse
from kg.read import read_file
from kg.vocab import DCTERMS, KG

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


def _graph(tmp_path, text: str, name: str = "kystradet-2021-03-04.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(parse(read_file(path)))


def nodes(g, kind):
    return [n for n in g.nodes if n.kind == kind]


def values(g, node, predicate):
    return [getattr(f.object, "label", getattr(f.object, "value", f.object))
            for f in g.facts if f.subject is node and f.predicate == predicate]


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
