"""What was decided, what is due and what is coming: answer rows and the date phrases of questions."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kg.ask.reader import Reader
from kg.ask.runner import Answer, Evidence, _dates_as_written
from tests.conftest import ingested_text


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


def test_the_council_asking_is_no_kind_of_answer():
    p = Reader(lambda text: [], date(2024, 3, 14)).read("Hva krevde regionrådet om hamna?")
    assert p.answer == "thing" and p.relations == ["decide"] and [a.text for a in p.arguments] == ["hamna"]


def test_a_name_in_a_phrase_is_the_word_looked_for():
    from kg.ask.composer import _stem

    assert _stem("oljefeltet Luva") == "Luva" and _stem("kontrollutvala") == "kontrollut"


def _decision(text: str, case: str) -> Answer:
    return Answer(f"urn:{text}", text[:80], None, columns={"text": text, "case": case})


def test_the_verb_asked_chooses_the_decisions_and_keeps_their_cases_whole():
    from kg.ask.runner import _stance, _with_their_cases

    answers = [_decision("Rådet krev at ferja går kvar time.", "Sak 3/24 Ferje"),
               _decision("Rutetabellen vert send fylket.", "Sak 3/24 Ferje"),
               _decision("Rådet krev nytt sjukehus.", "Sak 4/24 Helse"),
               _decision("Rådet støttar planen.", "Sak 5/24 Plan")]
    stance = _stance("krevde")
    demanding = [a for a in answers if re.search(stance, a.columns["text"], re.I)]
    assert [a.label[:22] for a in _with_their_cases(demanding, answers)] == [
        "Rådet krev at ferja gå", "Rutetabellen vert send", "Rådet krev nytt sjukeh"]
    assert _stance("vedtok") is None


ARCHIVE_MINUTES = """\
## Protokoll frå møte i Nordfjord regionråd

Tid: Torsdag 6. mars 2025 kl. 10.00

### Sak 15/25 Fylkesvegar – innspel
Regionrådet drøfta innspelet til handlingsprogrammet.

**Vedtak** (innspel til fylket)
Regionrådet prioriterer:
1. Fv. 60 over Utvikfjellet
2. Rassikring på fv. 5 ved Naustdal

Oppfølging: Innspelet vert sendt fylket. Ansvar: Per Moe. Frist: 1. april 2025.

### Sak 16/25 Skriv og meldingar
- a) Ferjesambandet: Fylket lyser ut sambandet med krav om elektriske ferjer. Rådet held fast på kravet om timesruter.
- b) Kystmuseet: Museet får nytt tak i sommar.

Vedtak: Skriv og meldingar vert tekne til vitande.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return ingested_text(tmp_path_factory, "nordfjord-2025-03-06.md", ARCHIVE_MINUTES)


def test_what_the_council_prioritises_is_the_items_of_its_decision(archive):
    r = archive.ask("Kva vegar prioriterer regionrådet?")
    assert [a.columns["text"] for a in r.answers] == ["Regionrådet prioriterer: Fv. 60 over Utvikfjellet",
                                                     "Regionrådet prioriterer: Rassikring på fv. 5 ved Naustdal"]


def test_where_no_decision_names_the_thing_the_sentence_that_does_answers(archive):
    r = archive.ask("Kva meiner rådet om ferjesambandet?")
    assert r.query == "said-about", r.why
    assert [a.label for a in r.answers] == ["a) Ferjesambandet: Fylket lyser ut sambandet med krav om elektriske ferjer. "
                                            "Rådet held fast på kravet om timesruter."]
    assert r.answers[0].columns["case"] == "Sak 16/25 Skriv og meldingar" and r.answers[0].evidence


def test_a_task_due_keeps_its_case_and_its_deadline_as_written(archive):
    r = archive.ask("Which tasks are due before 2 April 2025, and who is responsible?")
    [task] = r.answers
    assert task.columns["case"] == "Sak 15/25 Fylkesvegar – innspel" and task.columns["responsible"] == "Per Moe"
    assert task.columns["deadline_as_written"] == "1. april 2025"


def test_a_season_keeps_its_words_as_written():
    a = Answer("urn:z", "Nordfjordtinget", "event", columns={"start": "2025-08-01"},
               evidence=[Evidence("nordfjord.md", "Sak 18/25", [5, 5], "Regionrådet kallar inn til Nordfjordtinget hausten 2025.")])
    _dates_as_written(a)
    assert a.columns["start_as_written"] == "hausten 2025"


def test_a_kind_no_decision_has_asks_for_what_the_decisions_name(archive):
    r = archive.ask("Which road projects were prioritised?")
    assert [a.columns["text"] for a in r.answers] == ["Regionrådet prioriterer: Fv. 60 over Utvikfjellet",
                                                     "Regionrådet prioriterer: Rassikring på fv. 5 ved Naustdal"], r.why


LIST_DECISION = """\
## Protokoll frå møte i Sunnfjordrådet

Tid: Fredag 7. mars 2025 kl. 10.00

### Sak 21/25 Samferdsel
Rådet drøfta innspelet til fylket. Kystvegen er viktig for fiskeeksporten.

Vedtak: Rådet prioriterer:
1. Fv. 57 Kystvegen
2. Rassikring ved Dale
3. Ny bru over Førdefjorden

### Sak 22/25 Hamna
Rådet prioriterer å greie ut ei ny hamn.
"""


def test_a_point_the_words_match_brings_every_point_of_its_decisions_list(tmp_path_factory):
    """Only the first point names a road ("vegar" finds "Kystvegen"), but the decision lists three priorities."""
    archive = ingested_text(tmp_path_factory, "sunnfjord-2025-03-07.md", LIST_DECISION)
    r = archive.ask("Kva vegar prioriterer rådet?")
    labels = [a.label for a in r.answers]
    assert {"Rådet prioriterer: Fv. 57 Kystvegen", "Rådet prioriterer: Rassikring ved Dale",
            "Rådet prioriterer: Ny bru over Førdefjorden"} <= set(labels), r.why
    assert not any("hamn" in label for label in labels), r.why


SAID_ELSEWHERE = """\
## Protokoll frå møte i Sunnhordlandsrådet

Tid: Fredag 7. mars 2025 kl. 10.00

### Sak 30/25 Helsesamarbeid
Vedtak: Rådet støttar det nye helsesamarbeidet om sjukehus og legevakt.

### Sak 31/25 Orienteringar frå kommunane
| Kommune | Aktuelt |
|---|---|
| Kvinnherad | Arbeidet for å halde på fødeavdelinga ved sjukehuset held fram. |
| Etne | Ny barnehage opnar i august. |
"""


def test_decisions_that_name_nothing_the_question_names_give_way_to_the_lines_that_do(tmp_path_factory):
    """The decision on health names no Kvinnherad: what was said of Kvinnherad's hospital is its own row."""
    archive = ingested_text(tmp_path_factory, "sunnhordland-2025-03-07.md", SAID_ELSEWHERE)
    r = archive.ask("Kva vart sagt om sjukehuset i Kvinnherad?")
    assert [a.label for a in r.answers] == ["Arbeidet for å halde på fødeavdelinga ved sjukehuset held fram."], r.why


UNNUMBERED = """\
# Partnarskapsmøte i Sunnfjord

Dato: 14. mars 2025

## Regional planstrategi

Seksjonsleiar Per Moe gjekk gjennom utkastet til regional planstrategi.

Konklusjon: Partnarskapet sluttar seg til utkastet, med innspel om rassikring.

## Kompetanse

Høgskulen orienterte om nye studietilbod.
"""


def test_a_conclusion_under_a_heading_without_a_case_number_is_what_was_concluded(tmp_path_factory):
    """Minutes of a meeting without numbered cases: the decision is the meeting's own, found by the topic of its
    section; "konkludert" asks for decisions as "vedteke" does."""
    archive = ingested_text(tmp_path_factory, "sunnfjord-2025-03-14.md", UNNUMBERED)
    for q in ("Kva vart konkludert om regional planstrategi?", "Hva ble vedtatt om regional planstrategi?"):
        r = archive.ask(q)
        assert [a.columns.get("text") for a in r.answers] == [
            "Partnarskapet sluttar seg til utkastet, med innspel om rassikring."], (q, r.why)


PRESENTED = """\
# Protokoll frå styremøte i Fjordrenovasjon IKS

Dato: 12. mars 2025

## Sak 01/25 Ny gjenvinningsstasjon
Saksframlegg: Dagleg leiar Per Eggen la fram skisseprosjektet for ny gjenvinningsstasjon.
Vedtak: Som innstilling.

## Sak 02/25 Renovasjonsgebyr for fritidsbustader
Saksframlegg: Kari Dahl orienterte om klager på gebyret for fritidsbustader.
Vedtak: Som innstilling.
"""


def test_the_presenter_after_the_label_of_the_case_text_and_the_topic_asked_at_its_own_level(tmp_path_factory):
    """"Saksframlegg: X orienterte om …" names the case's presenter; "reported on" asks for presenters as
    "orienterte om" does; a case on a narrower topic (waste, under circular economy) answers only where no case is on
    the topic asked itself."""
    archive = ingested_text(tmp_path_factory, "fjordrenovasjon-2025-03-12.md", PRESENTED)
    for q, who in (("Who reported on waste?", ["Kari Dahl"]), ("Kven orienterte om renovasjon?", ["Kari Dahl"]),
                   ("Kven la fram skisseprosjektet for ny gjenvinningsstasjon?", ["Per Eggen"])):
        r = archive.ask(q)
        assert r.query == "presenters-by-topic" and [a.label for a in r.answers] == who, (q, r.why)
