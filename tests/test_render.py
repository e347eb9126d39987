"""The renderer: plain text when piped, rich tables and colour on a terminal, nothing ever cut."""

from __future__ import annotations

import pytest

from kg import render
from kg.graph.analytics import Node, Ranked
from kg.search.index import SearchResult

LONG = "Osloregionens faggruppe for næringssamarbeid og regional utvikling i hovedstadsområdet"
FILE = "2024-03-01_referat_faggruppe_naering.docx"


@pytest.fixture
def terminal(monkeypatch):
    """Pretend stdout is a terminal of 80 columns."""
    monkeypatch.setattr(render, "on_terminal", lambda stream=None: True)
    monkeypatch.setattr(render, "width", lambda: 80)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_piped_tables_cut_nothing():
    text = render.table([["organisation", LONG, FILE]], ["kind", "label", "documents"])
    assert LONG in text and FILE in text and "\x1b" not in text


def test_terminal_tables_fit_the_width_and_wrap_between_words(terminal):
    text = render.table([["organisation", LONG, FILE]], ["kind", "label", "documents"])
    plain = text.replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert max(len(line) for line in plain.splitlines()) <= 80
    assert FILE in plain   # a file name is never broken across lines when it fits
    assert all(w in plain.split() for w in LONG.split())   # the label wraps between its words


def test_highlights_in_colour_on_a_terminal_only(terminal, monkeypatch):
    snippet = "Det skal bygges et nytt <b>sykehus</b> i Drammen"
    [line] = render.wrap_highlighted(snippet, 100, "  ")
    assert f"{render.HIGHLIGHT[0]}sykehus{render.HIGHLIGHT[1]}" in line
    monkeypatch.setenv("NO_COLOR", "1")
    assert render.wrap_highlighted(snippet, 100, "  ") == ["  Det skal bygges et nytt sykehus i Drammen"]


def test_highlights_are_plain_words_when_piped():
    assert render.wrap_highlighted("et nytt <b>sykehus</b>", 100, "") == ["et nytt sykehus"]


def test_sparql_iris_with_the_projects_prefixes():
    rows = [["<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://w3id.org/kg-minutes/ns#onBehalfOf>"],
            ["<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>", "<https://example.org/kg/person/kari-nordmann>"]]
    text = render.sparql_table(["p", "o"], rows)
    assert "rdf:type" in text and "kg:onBehalfOf" in text and "rdf:subject" in text
    assert "<https://example.org/kg/person/kari-nordmann>" in text


def test_degrees_are_whole_numbers():
    text = Ranked("degree", [(Node("x:1", "Bærum", "municipality"), 24)]).to_text()
    assert text.split() == ["24", "Bærum", "(municipality)"]
    assert "0.1250" in Ranked("pagerank", [(Node("x:1", "Bærum", "municipality"), 0.125)]).to_text()


@pytest.mark.parametrize("page,total,limit,expected", [
    (1, 5, 10, None),
    (1, 15, 10, "page 1 of 2 (--page 2 for more)"),
    (2, 15, 10, "page 2 of 2"),
])
def test_paging_says_which_page_of_how_many(page, total, limit, expected):
    result = SearchResult("prosjekt", total, None, [], page)
    lines = render.search(result, limit).splitlines()
    assert (lines[-1] if expected else None) == expected or (expected is None and not lines[-1].startswith("page"))
