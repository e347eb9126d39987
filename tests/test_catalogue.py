"""Every question kind, asked in two or three languages on tests/data/network, with its exact answers.

The minutes there are seven meetings of two bodies over 2021–2023, written
for these questions: people who change the body they attend for, a member
municipality (Gran) whose work rolls up to its region (Hadeland), projects
with grants from several programmes, cancelled events, topics that come and go.
"""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2022, 5, 20)



# query name → (questions in bokmål/nynorsk/English, the answers: labels, or (label, column value) pairs)
CASES = {
    "actor-activities": (["what is Bærum working on", "hva jobber Bærum med?", "kva jobbar Bærum med"],
                         {"klima", "kunstig intelligens", "Smart Fornebu", "energi", "forskning", "utslippsreduksjon"}),
    "actors-by-topic": (["who works on hydrogen", "hvem jobber med hydrogen?", "kven jobbar med hydrogen"],
                        {"Drammensregionen", "Fredrikstad", "Søndre Viken",
                         "Sarpsborg"}),  # Fredrikstad "samarbeider med Sarpsborg om hydrogen"
    "cancelled-events": (["which events were cancelled", "hvilke arrangementer ble avlyst?", "kva arrangement vart avlyste"],
                         [("Webinar om kunstig intelligens", "2021-04-20"), ("Julemøte i faggruppen", "2021-12-02"),
                          ("Studietur til Göteborg", "2022-09-22"), ("Julemøte", "2023-11-30")]),
    "meeting-attendees": (["who attended the meeting on 2022-02-11", "hvem deltok på møtet 11. februar 2022",
                           "kven møtte 2022-02-11"],
                          {("Kari Nordmann", "Bærum"), ("Lars Holm", "Fredrikstad"), ("Tone Eide", "Kongsvinger"),
                           ("Maria Solberg", "Kongsvingerregionen"), ("Mari Strømsvåg", "Osloregionens sekretariat")}),
    "municipalities-by-topic": (["which municipalities work on climate", "hvilke kommuner jobber med klima",
                                 "kva kommunane jobbar med klima"], {"Bærum", "Fredrikstad", "Kongsvinger"}),
    "organisations-by-topic": (["which organisations work on AI", "hvilke organisasjoner jobber med kunstig intelligens"],
                               {"Høgskolen i Østfold"}),
    "person-bodies": (["which bodies did Per Haugen represent, and when", "hvem har Per Haugen representert, og når?",
                       "kven har Per Haugen representert, og når"],
                      {("Lillestrøm", "2021-03-12"), ("Romerike", "2023-03-10")}),
    "presenters-by-topic": (["who presented on hydrogen", "hvem har presentert hydrogen", "kven orienterte om hydrogen"],
                            {"Ingrid Lie"}),
    "project-organisations": (["who is involved in Smart Fornebu", "hvem er med i Smart Fornebu?", "kven deltek i Smart Fornebu"],
                              {("Bærum", "owner"), ("OsloMet – storbyuniversitetet", "partner"), ("Telenor", "partner"),
                               ("Regionale forskningsfond", "funder")}),
    "projects-by-programme": (["which projects are funded by Klimasats", "hvilke prosjekter får støtte fra Klimasats",
                               "kva prosjekt får støtte frå Klimasats"], {"Grønn Havn"}),
    "regions-by-topic": (["which regions work on broadband", "hvilke regionene jobber med bredbånd",
                          "kva regionar jobbar med breiband"], {("Hadeland", "Gran"), ("Romerike", None)}),
    "representatives": (["who represents Drammensregionen", "hvem representerer Drammensregionen",
                         "kven representerer Drammensregionen"], {"Ingrid Lie"}),
    "attended-for": (["who attended for Drammensregionen", "hvem møtte for Drammensregionen",
                      "kven møtte for Drammensregionen"], {"Ingrid Lie"}),
    "upcoming-events": (["upcoming events after 2023-01-01", "kommende arrangementer etter 1. januar 2023",
                         "kva arrangement kjem etter 2023-01-01", "which events come after 1 January 2023, please",
                         "kva arrangement kjem i 2023"],
                        ["KI-dagen", "Sommermøte", "Høstkonferansen"]),
    "works-with": (["who works with Asker", "hvem samarbeider med Asker", "kven samarbeidar med Asker"],
                   {"Bærum", "Drammensregionen"}),
    "most-attended": (["who attended most meetings?", "hvem har deltatt på flest møter", "kven har møtt flest gonger"],
                      [("Kari Nordmann", "7"), ("Ingrid Lie", "5"), ("Øyvind Såtvedt", "5"), ("Eva Strand", "4"),
                       ("Jonas Dahl", "4"), ("Lars Holm", "2"), ("Mari Strømsvåg", "2"), ("Ola Berg", "2"),
                       ("Per Haugen", "2"), ("Tone Eide", "2"), ("Maria Solberg", "1")]),
    "presentations": (["who has presented, on what?", "hvem har presentert hva", "kven har presentert kva"],
                      {("Kari Nordmann", "2022-06-10 Innledning: Smart Fornebu; "
                                         "2023-09-22 Orientering om kunstig intelligens i byggesak"),
                       ("Nils Bakke", "2022-02-11 Innledning: Klimatilpasning i kommunene"),
                       ("Lars Holm", "2022-11-18 Orientering om klimaregnskap"),
                       ("Hanne Vik", "2021-03-12 Innledning: Kunstig intelligens i kommunene"),
                       ("Ingrid Lie", "2021-09-17 Orientering om hydrogen i transport"),
                       ("Eva Strand", "2023-03-10 Innledning: Kunstig intelligens og personvern")}),
    "actor-timeline": (["what did Bærum report at each meeting", "hva rapporterte Bærum på hvert møte?",
                        "kva rapporterte Bærum på kvart møte"],
                       [("Osloregionens faggruppe Næringssamarbeidet 2021-03-12", "2021-03-12"),
                        ("Osloregionens faggruppe Næringssamarbeidet 2021-09-17", "2021-09-17"),
                        ("Osloregionens faggruppe Klima 2022-11-18", "2022-11-18")]),
    "actors-on-both-topics": (["which actors work on both AI and hydrogen", "hvem jobber med både KI og hydrogen",
                               "kven jobbar med både kunstig intelligens og hydrogen"],
                              {"Søndre Viken", "Drammensregionen"}),
    "potential-partners": (["who could Bærum work with on AI?", "hvem kan Bærum samarbeide med om kunstig intelligens",
                            "kven kan Bærum samarbeide med om KI"],
                           {"Søndre Viken", "Drammensregionen", "Gran", "Romerike"}),
    "funding-above": (["which projects have funding above 1 mill", "hvilke prosjekter har fått mer enn 1 000 000 kroner",
                       "kva prosjekt har fått meir enn 1 mill. kroner"],
                      {("Smart Fornebu", "2000000 NOK from Regionale forskningsfond"),
                       ("Hydrogen Halden", "3000000 NOK from Horizon Europe")}),
    "funding-by-programme": (["what is the total funding by programme", "hva er samlet finansiering per program?",
                              "kva er samla finansiering per program"],
                             [("Horizon Europe", "3000000 NOK"), ("Klimasats", "1500000 NOK"),
                              ("Regionale forskningsfond", "2000000 NOK")]),
    "events-between": (["what happened between 2022-01-01 and 2022-06-30", "hva skjedde mellom 1. januar 2022 og 30. juni 2022",
                        "kva skjedde mellom 2022-01-01 og 2022-06-30"],
                       [("Osloregionens faggruppe Klima 2022-02-11", "2022-02-11"), ("Klimakonferansen", "2022-03-15"),
                        ("Osloregionens faggruppe Næringssamarbeidet 2022-06-10", "2022-06-10")]),
    "rising-topics": (["which topics are rising", "hvilke temaer er økende?", "kva tema aukar"],
                      {("bredbånd", "2021: 1, 2023: 2"), ("landbruk", "2023: 1"), ("personvern", "2023: 1"),
                       ("utdanning", "2023: 1")}),
    "never-attended": (["which municipalities have never attended", "hvilke kommuner har aldri møtt?",
                        "kva kommunane har aldri møtt"], {"Drammen", "Halden", "Oslo", "Sarpsborg"}),
    "topic-contact": (["who is the contact for broadband in Hadeland", "hvem er kontaktperson for bredbånd i Hadeland?",
                       "kven er kontaktperson for breiband i Hadeland"], {("Jonas Dahl", "Gran")}),
    "region-institutions": (["which institutions are connected to Kongsvingerregionen",
                             "hvilke institusjoner er knyttet til Kongsvingerregionen",
                             "kva institusjonar er knytte til Kongsvingerregionen"],
                            {("Høgskolen i Innlandet", "Kongsvinger")}),
    "decisions-by-topic": (["what decisions were made about AI", "hvilke vedtak ble gjort om kunstig intelligens",
                            "kva vart vedteke om KI"],
                           {("Faggruppen lager en felles veileder om kunstig intelligens.", "2023-03-10")}),
    "open-actions": (["what are the open actions for Eva Strand", "hvilke åpne oppgaver har Eva Strand?",
                      "kva opne oppgåver har Eva Strand"], {"2023-06-01"}),
    "topic-first-mentioned": (["when was hydrogen first mentioned", "når ble hydrogen først nevnt?",
                               "når vart hydrogen nemnt første gong"],
                              {("Osloregionens faggruppe Næringssamarbeidet 2021-03-12", "2021-03-12")}),
    "region-members": (["which municipalities are members of Hadeland", "hvilke kommuner er med i Hadeland",
                        "kva kommunar er med i Hadeland"], {"Gran"}),
    "meetings": (["which meetings have been held", "hvilke møter er holdt?", "kva møte er haldne"],
                 [("Osloregionens faggruppe Næringssamarbeidet 2021-03-12", "6"),
                  ("Osloregionens faggruppe Næringssamarbeidet 2021-09-17", "5"),
                  ("Osloregionens faggruppe Klima 2022-02-11", "5"),
                  ("Osloregionens faggruppe Næringssamarbeidet 2022-06-10", "6"),
                  ("Osloregionens faggruppe Klima 2022-11-18", "4"),
                  ("Osloregionens faggruppe Næringssamarbeidet 2023-03-10", "5"),
                  ("Osloregionens faggruppe Næringssamarbeidet 2023-09-22", "5")]),
    "provenance": (["what do the minutes say about Hydrogen Halden", "hva sier referatene om Hydrogen Halden"],
                   {"Horizon Europe", "hydrogen", "Hydrogen Halden 3000000 NOK", "Søndre Viken"}),
    "person-meetings": (["which meetings did Per Haugen attend", "hvilke møter deltok Per Haugen på",
                         "kva møte var Per Haugen på"],
                        [("Osloregionens faggruppe Næringssamarbeidet 2021-03-12", "Lillestrøm"),
                         ("Osloregionens faggruppe Næringssamarbeidet 2023-03-10", "Romerike")]),
}
# the column each pair's second value is read from
COLUMN = {"cancelled-events": "date", "meeting-attendees": "for", "person-bodies": "dates", "project-organisations": "role",
          "regions-by-topic": "via", "most-attended": "meetings", "presentations": "items", "actor-timeline": "date",
          "funding-above": "grants", "funding-by-programme": "total", "events-between": "date", "rising-topics": "counts",
          "topic-contact": "body", "region-institutions": "through", "decisions-by-topic": "date",
          "topic-first-mentioned": "date", "meetings": "attendees", "person-meetings": "for"}
# what is compared when the answer's label says little (an action item's node has no label of its own)
LABEL_FROM = {"open-actions": "deadline", "decisions-by-topic": "text"}


def test_upcoming_counts_from_today_and_says_so(network):
    r = network.ask("kommende arrangementer", today=TODAY)
    assert [a.label for a in r.answers] == ["Hydrogenkonferansen", "Klimafrokost", "KI-dagen", "Sommermøte",
                                            "Høstkonferansen"]
    assert any("counted from today, 2022-05-20" in w for w in r.why)


def test_nothing_upcoming_offers_the_events_after_the_last_meeting(network):
    r = network.ask("upcoming events", today=date(2030, 1, 1))
    assert [a.label for a in r.answers] == ["Høstkonferansen"]
    assert any("nothing is upcoming after today (2030-01-01)" in w and "2023-09-22" in w for w in r.why)


def got(name, result):
    column, label_from = COLUMN.get(name), LABEL_FROM.get(name)
    out = []
    for a in result.answers:
        label = a.columns.get(label_from) if label_from else a.label
        out.append((label, a.columns.get(column)) if column else label)
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_question_kind(network, name):
    questions, expected = CASES[name]
    assert len(questions) >= 2
    for q in questions:
        result = network.ask(q, today=TODAY)
        assert result.query == name, f"{q!r} → {result.query}: {result.why}"
        answers = got(name, result)
        if isinstance(expected, list):  # the order is part of the answer
            assert answers == expected, q
        else:
            assert set(answers) == expected and len(answers) == len(expected), q
        assert "$" not in q and result.sparql, q


def test_explain_shows_the_query_and_bindings(network):
    r = network.ask("who is the contact for broadband in Hadeland", today=TODAY)
    assert r.query == "topic-contact" and "$region" in r.sparql
    assert "region = Hadeland (region by name)" in r.why and any("bredbånd" in w for w in r.why)


def test_typo_and_ambiguity(network):
    r = network.ask("which bodies did Per Haugn represent", today=TODAY)
    assert r.query == "person-bodies" and any("spelling" in w for w in r.why)


def test_an_unparseable_question_says_it_fell_back_to_search(network):
    r = network.ask("hvem eier Ekornvik Fabrikker", today=TODAY)
    assert r.query is None and r.search is not None
    assert any(w.startswith("not understood:") for w in r.why)


@pytest.mark.parametrize("question", ["events after 1 March 2022", "arrangement etter 1. mars 2022"])
def test_dated_things_asked_without_a_verb_keep_their_date(network, question):
    r = network.ask(question, today=TODAY)
    dates = {a.columns["date"] for a in r.answers}
    assert r.query == "events-between" and "2022-03-15" in dates and min(dates) >= "2022-03-01", r.why
