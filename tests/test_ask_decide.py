"""What was decided, what is due and what is coming: answer rows and the date phrases of questions."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ask.reader import Reader
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


@pytest.mark.parametrize("question, start, end, relative", [
    ("kva arrangement kjem i haust?", date(2024, 8, 1), date(2024, 11, 30), True),
    ("Which meetings are held in the autumn of 2019?", date(2019, 8, 1), date(2019, 11, 30), False),
    ("Hvilke møter er planlagt våren 2022?", date(2022, 3, 1), date(2022, 5, 31), False),
    ("Kva skjer i sommar?", date(2024, 6, 1), date(2024, 8, 31), True),
    ("Which events are planned for the second half of 2021?", date(2021, 7, 1), date(2021, 12, 31), False),
])
def test_a_season_or_half_year_is_its_months(question, start, end, relative):
    [d] = Reader(lambda text: [], date(2024, 3, 14)).read(question).dates
    assert (d.start, d.end, d.relative) == (start, end, relative)


def test_our_is_no_spring():
    assert Reader(lambda text: [], date(2024, 3, 14)).read("Hva er vår plan for hamna?").dates == []


def test_when_and_where_is_a_meeting_asks_for_the_meeting():
    p = Reader(lambda text: [], date(2024, 3, 14)).read("When and where is the autumn council meeting?")
    assert p.answer == "meeting" and p.arguments == [] and p.dates[0].start == date(2024, 8, 1)
