"""The question reader alone: parts read from questions in bokmål, nynorsk and English, no store."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ask.reader import Reader

TODAY = date(2024, 3, 14)
NAMES = {"Nordby": ["Nordby (municipality)"], "Grønn havn": ["Grønn havn (project)"],
         "Universitetet i Fjellby": ["Universitetet i Fjellby (institution)"], "Eit grønt Nordby": ["Eit grønt Nordby (project)"]}


def read(question: str):
    return Reader(lambda text: NAMES.get(text, []), TODAY).read(question)


@pytest.mark.parametrize("question", [
    "which projects does Nordby own?", "Which projects does Nordby own", "please, which projects does Nordby own",
    "Nordby owns which projects?", "kan du si meg hvilke prosjekter Nordby eier", "kva prosjekt eig Nordby",
])
def test_word_order_courtesy_and_language_do_not_change_the_parts(question):
    p = read(question)
    assert (p.answer, p.relations, [a.text for a in p.arguments]) == ("project", ["own"], ["Nordby"])


@pytest.mark.parametrize("noun,kind", [
    ("kommuner", "municipality"), ("kommunane", "municipality"), ("municipality", "municipality"),
    ("regionar", "region"), ("etater", "institution"), ("direktorata", "institution"), ("agencies", "institution"),
    ("selskapene", "organisation"), ("bedrifter", "organisation"), ("companies", "organisation"),
    ("prosjekta", "project"), ("klyngjer", "cluster"), ("programmer", "programme"), ("arrangementa", "event"),
    ("møta", "meeting"), ("saker", "case"), ("vedtaka", "decision"), ("tiltak", "action"), ("oppgåver", "action"),
    # a county is asked of its county authority, an institution as the register of public bodies has it
    ("fylker", "institution"), ("fylkeskommunane", "institution"), ("counties", "institution"),
])
def test_kind_nouns(noun, kind):
    assert read(f"hvilke {noun} jobber med Grønn havn").answer == kind


@pytest.mark.parametrize("question", [
    "Which municipalities and regions work on Grønn havn?", "hvilke kommuner og regioner jobber med Grønn havn",
    "kva kommunar, eller regionar, jobbar med Grønn havn",
])
def test_kind_nouns_joined_ask_for_each_kind(question):
    p = read(question)
    assert (p.answer, p.also, [a.text for a in p.arguments]) == ("municipality", ["region"], ["Grønn havn"])


def test_a_kind_noun_apart_from_the_one_asked_for_is_not_asked_for():
    p = read("which municipalities work on Grønn havn with regions")
    assert (p.answer, p.also) == ("municipality", [])


def test_a_name_is_read_whole_before_its_small_words_are_taken():
    p = read("hvem samarbeider med Universitetet i Fjellby?")
    assert p.answer == "agent" and p.relations == ["work"]
    assert [(a.text, a.names) for a in p.arguments] == [("Universitetet i Fjellby", NAMES["Universitetet i Fjellby"])]


def test_a_name_that_begins_with_a_small_word_is_read_whole_where_it_is_written_capitalised():
    for question in ("kor mykje betalar kvar kommune til Eit grønt Nordby?", "how much did Eit grønt Nordby get?"):
        assert [(a.text, a.names) for a in read(question).arguments] == [("Eit grønt Nordby", NAMES["Eit grønt Nordby"])]


@pytest.mark.parametrize("question,relations", [
    ("hvem hadde forfall", ["absent"]), ("kven møtte ikkje", ["absent"]), ("who sent apologies", ["absent"]),
    ("who attended as substitutes, and for whom", ["substitute", "attend"]),
    ("hvem møtte for Nordby", ["attend_for"]), ("kven leia møtet", ["chair"]),
    ("hvilke prosjekter finansieres av Nordby", ["fund"]), ("which projects are funded by Nordby", ["fund"]),
    ("who funds Grønn havn", ["fund"]), ("kven gjekk tidleg frå møtet", ["leave"]),
    ("hvilke arrangementer ble avlyst", ["cancel"]),
    ("who had to leave the meeting early", ["leave"]), ("hvem måtte gå før møtet var slutt", ["leave"]),
    ("which roads were prioritised", ["decide"]), ("kva vegar vart prioriterte", ["decide"]),
    ("what must be sent to Nordby before May", ["due"]), ("kva skal sendast til Nordby", ["due"]),
    ("which programme is Nordby applying to", ["fund"]), ("kven er det søkt pengar frå", ["fund"]),
    ("what is Nordby to do", ["due"]), ("kva skal Nordby gjere", ["due"]), ("når er neste møte", ["next"]),
    # the body read between the verb and its particle: money given, not membership ("med i")
    ("kor mykje går regionrådet inn med i Grønn havn", ["fund"]), ("hvor mye gikk rådet inn med i Grønn havn", ["fund"]),
])
def test_relations_from_the_verb(question, relations):
    assert read(question).relations == relations


def test_dates_after_before_between_in_a_year_and_next_month():
    assert [(d.bound, d.start) for d in read("events after 20. mai 2022").dates] == [("after", date(2022, 5, 20))]
    assert [(d.bound, d.start) for d in read("hvilke oppgaver har frist før 5. oktober 2023").dates] == [
        ("before", date(2023, 10, 5))]
    between = read("hva skjedde mellom 1. januar 2022 og 2022-06-30").dates
    assert [(d.bound, d.start, d.end) for d in between] == [("between", date(2022, 1, 1), date(2022, 6, 30))]
    between = read("what happened between 1 June and 30 June 2021").dates  # the first date takes the year given
    assert [(d.bound, d.start, d.end) for d in between] == [("between", date(2021, 6, 1), date(2021, 6, 30))]
    assert [(d.start, d.end) for d in read("which meetings were held in 2022").dates] == [
        (date(2022, 1, 1), date(2022, 12, 31))]
    assert [(d.start, d.end) for d in read("which events are next month").dates] == [
        (date(2024, 4, 1), date(2024, 4, 30))]


def test_amounts_above_and_case_numbers():
    p = read("hvilke prosjekter har fått mer enn 1 mill. kroner")
    assert [a.value for a in p.amounts] == [1_000_000]
    assert [(a.text, a.case) for a in read("hva ble vedtatt i sak 12/23").arguments] == [("12/23", True)]


def test_what_is_left_is_an_argument_to_link():
    p = read("which regions work on kunstig intelligens")
    assert (p.answer, p.relations, [a.text for a in p.arguments]) == ("region", ["work"], ["kunstig intelligens"])


@pytest.mark.parametrize("question, argument", [
    ("Kven innleidde saka om lokalpressa?", "lokalpressa"), ("who presented the case about the local press", "local press"),
    ("hvem la fram saken om Grønn havn", "Grønn havn"),
])
def test_a_case_named_by_what_it_is_about_is_asked_by_those_words(question, argument):
    p = read(question)
    assert (p.relations, [a.text for a in p.arguments]) == (["present"], [argument])


@pytest.mark.parametrize("question, argument", [
    ("Who came from Hedmark County Council?", "Hedmark fylkeskommune"),
    ("who represents Vadsø Municipality", "Vadsø kommune"),
])
def test_the_english_name_of_a_county_or_municipality_is_asked_as_its_norwegian_name(question, argument):
    assert [a.text for a in read(question).arguments] == [argument]


def test_interested_in_asks_who_works_on_it():
    assert read("Which municipalities are interested in aquaculture?").relations == ["work"]
