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


def test_sparql_iris_of_the_store_relative_to_its_base_which_the_first_line_names():
    rows = [["<https://example.org/kg/person/kari-nordmann>", "<https://example.org/other/x>"]]
    lines = render.sparql_table(["s", "o"], rows, base="https://example.org/kg/").splitlines()
    assert lines[0] == "base <https://example.org/kg/>"
    assert "<person/kari-nordmann>" in lines[-1] and "<https://example.org/other/x>" in lines[-1]
    assert not render.sparql_table(["o"], [["<https://example.org/other/x>"]],
                                   base="https://example.org/kg/").startswith("base")


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


def report(document, unplaced=(), entities=10):
    from kg.ingest.pipeline import DocumentReport

    return DocumentReport(document, 5, entities, "2024-03-01", "Vestfjordens faggruppe Reiseliv", 4,
                          [{"text": t, "line": n} for t, n in unplaced])


def test_ingest_groups_repeated_not_placed_lines_and_ends_with_a_total():
    tally = render.IngestTally()
    tally.add("ingested", report("a.txt", [("Vestfjordens faggruppe Reiseliv (kind guessed: organisation)", None)]))
    tally.add("ingested", report("b.txt", [("Vestfjordens faggruppe Reiseliv (kind guessed: organisation)", None),
                                           ("Fjordløftet Har", 12), ("Fjordløftet Har", 30)]))
    tally.add("unchanged", "c.txt")
    tally.add("skipped", {"path": "d.txt", "reason": "empty file: no text to read"})
    assert tally.lines[2:] == ["unchanged c.txt", "skipped d.txt: empty file: no text to read"]
    assert tally.closing(2.04) == [
        "    not placed: Vestfjordens faggruppe Reiseliv (kind guessed: organisation) (in 2 documents: a.txt, b.txt)",
        "    not placed: Fjordløftet Har (b.txt lines 12, 30)",  # one document twice is not "2 documents"
        "2 ingested, 1 unchanged, 1 skipped; 20 entities in 2.0 s"]


def test_ingest_json_groups_repeated_not_placed_texts_with_every_place():
    from kg.ingest.pipeline import IngestReport

    data = IngestReport(ingested=[report("a.txt", [("Fjordløftet Har", 3)]),
                                  report("b.txt", [("Fjordløftet Har", 12), ("Kystkontoret Vest", None)])]).to_json()
    assert data["not_placed"] == [
        {"text": "Fjordløftet Har", "where": [{"document": "a.txt", "line": 3}, {"document": "b.txt", "line": 12}]},
        {"text": "Kystkontoret Vest", "where": [{"document": "b.txt", "line": None}]}]


def test_no_progress_bar_when_piped_or_quiet(monkeypatch):
    monkeypatch.setattr(render.Progress, "DELAY", -1)
    with render.Progress(3) as piped:
        piped.advance()
    assert not piped.enabled and piped._bar is None
    monkeypatch.setattr(render, "on_terminal", lambda stream=None: True)
    with render.Progress(3, quiet=True) as quiet:
        quiet.advance()
    assert quiet._bar is None


def test_progress_bar_on_a_terminal_once_the_delay_has_passed(monkeypatch):
    monkeypatch.setattr(render, "on_terminal", lambda stream=None: True)
    monkeypatch.setattr(render.Progress, "DELAY", 1e9)
    with render.Progress(3) as quick:
        quick.advance()
    assert quick._bar is None   # a batch done within the delay: no bar at all
    monkeypatch.setattr(render.Progress, "DELAY", -1)
    with render.Progress(3) as slow:
        slow.advance()
        assert slow._bar is not None and slow._bar.tasks[0].completed == 1 and slow._bar.tasks[0].total == 3
        assert slow._bar.tasks[0].fields["rate"]
    assert slow._bar is None


class Counted:
    """Stands in for render.Progress: is told the total and each item done."""

    def __init__(self):
        self.total, self.done = None, 0

    def advance(self, n: int = 1) -> None:
        self.done += n


def test_long_tasks_report_each_item_to_the_progress_bar(tmp_path):
    import io

    from kg.api import Archive
    from tests.conftest import SAMPLE

    with Archive(tmp_path / "store") as a:
        a.ingest([SAMPLE])
        for task in (lambda p: a.reindex(p), lambda p: a.export("nt", io.BytesIO(), progress=p),
                     lambda p: a.export("trig", io.BytesIO(), progress=p)):
            counted = Counted()
            task(counted)
            assert counted.total and counted.done == counted.total


def test_a_date_shows_the_words_the_text_gave_it_beside_it():
    from kg.ask.runner import Answer, AskResult

    task = Answer("a", "Send the survey", "action", columns={"deadline": "2022-04-29", "deadline_as_written": "29. april",
                                                             "responsible": "Ola Dahl"})
    text = render.ask(AskResult("which tasks are due", "actions", {}, [task]))
    assert text.splitlines()[0] == "• Send the survey (action) — deadline 2022-04-29 (29. april); responsible Ola Dahl"


def test_an_empty_answer_names_the_query_that_ran_and_its_bindings():
    from kg.ask.runner import AskResult

    text = render.ask(AskResult("kven deltok på møtet 5. oktober 2023", "meeting-attendees", {"date": "2023-10-05"}, []))
    assert text == ("no answers: the query meeting-attendees (date = 2023-10-05) found nothing in the archive; "
                    "--explain shows how the question was read")
