"""What was decided, what is due and what is coming: answer rows and the date phrases of questions."""

from __future__ import annotations

from kg.ask.runner import Answer, Evidence, _dates_as_written


def test_a_deadline_keeps_the_words_the_minutes_wrote_it_in():
    a = Answer("urn:x", "Søknad til fylket", "action", columns={"deadline": "2025-05-02", "status": "open"},
               evidence=[Evidence("nordfjord.md", "Sak 3/25", [4, 4], "Søknaden vert send. Ansvar: Per Moe. Frist: 2. mai")])
    _dates_as_written(a)
    assert a.columns["deadline_as_written"] == "2. mai"


def test_a_day_the_quote_does_not_hold_gets_no_written_form():
    a = Answer("urn:y", "Møte i Nordfjord regionråd", "meeting", columns={"date": "2025-03-06"},
               evidence=[Evidence("nordfjord.md", "Sak 3/25", [4, 4], "Regionrådet vedtok planen 7. mars.")])
    _dates_as_written(a)
    assert "date_as_written" not in a.columns
