"""What kg reads from the prose of minutes: projects, grants, decisions, actions, events, the next meeting.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.funding import APPLIED, GRANTED, read_grants
from kg.extract.projects import find_initiatives
from kg.lang.amounts import find_amounts
from kg.lang.dates import find_dates
from kg.vocab import DCTERMS, KG, ORG, SCHEMA
from tests.conftest import extracted, nodes, values

MINUTES = """\
Dato: 14.3.23

## Referat møte i Vestkyst regionråd

Tid: Fredag 10. mars 2023 kl. 0900-1100

### Frammøtte:

NAVN	KOMMUNE
Ingrid Bakke	Askøy
Lars Berg	Fjell

## Saksliste

- 1. Havvind og hydrogen**  
Starter prosjektet «Grønn Hydrogen Askøy» sammen med Askøy Energi. Prosjektet har fått 2,5 mill. kr fra Innovasjon Norge.
Fjell har søkt Enova om 12 millionar kr til landstraum. Satsinga er viktig for EUs Green Deal.
Tema for samlinga blir «Havet som arbeidsplass». Askøy samarbeider med Statens vegvesen om ny bru.
Vedtak: Regionrådet støttar prosjektet. Enstemmig vedtatt.
Oppfølging: Ingrid Bakke sender rapporten til fylkeskommunen innen 1. november 2023.
- 2. Budsjett**  
Fellesmøtet med Nordkyst 5. mai er avlyst.
Vedtak:
1. Budsjettet for 2024 vert godkjent.
2. Kontingenten er kr 20 per innbygger.
Vedtatt mot 2 stemmer.

| Tiltak | Ansvar | Frist |
|---|---|---|
| Søknad om driftsmidlar | Lars Berg | 1/4-24 |

- [x] Sende referatet til kommunane
- [ ] Bestille møterom – Ansvar: Lars Berg – Frist: 20. mai 2023
- [ ] Svare fylket om ferjetilbodet – ansvar: Ingrid Bakke – frist 15.4.23

### **3. Arrangement**

1. 20. april – Havvinddagen, Bergen (avlyst)
2. 8. juni – Sommarmøte – utsatt
3. 14. september – Vegdagen, Florø

Neste møte: 30. november 2023 i Fjell.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return extracted(tmp_path_factory.mktemp("minutes"), "vestkyst-2023-03-10.md", MINUTES)


@pytest.mark.parametrize("text, value, currency", [
    ("kr 450 000", 450000, "NOK"), ("1,5 mill. kr", 1500000, "NOK"), ("NOK 2,3 millioner", 2300000, "NOK"),
    ("3 MNOK", 3000000, "NOK"), ("250' kr", 250000, "NOK"), ("EUR 1,2 mill.", 1200000, "EUR"),
    ("12 millionar kr", 12000000, "NOK"), ("0,6 mill. kr", 600000, "NOK"), ("kr 1.200.000", 1200000, "NOK"),
])
def test_amounts_as_minutes_write_them(text, value, currency):
    a = find_amounts(f"Tilskotet er {text} i år")
    assert [(x.value, x.currency, x.per) for x in a] == [(value, currency, None)]


def test_a_rate_is_not_a_sum():
    assert [(a.value, a.per) for a in find_amounts("kontingent på kr 20 per innbygger")] == [(20, "innbygger")]


@pytest.mark.parametrize("text, day", [("1/4-20", date(2020, 4, 1)), ("13.02.20", date(2020, 2, 13)),
                                       ("uke 34", date(2023, 8, 21)), ("20. mai 2022", date(2022, 5, 20))])
def test_dates(text, day):
    assert find_dates(f"frist {text}", date(2023, 3, 10))[0].start == day


def test_a_case_number_is_not_a_date():
    assert find_dates("Sak 12/19 og RR-sak 05/2021", date(2019, 1, 1)) == []


def test_project_names_beside_their_noun_not_the_verb_before():
    found = find_initiatives("Starter prosjektet «Grønn Hydrogen Askøy» og er med i klyngen «Havvind Vest».")
    assert [(i.kind, i.name) for i in found] == [("project", "Grønn Hydrogen Askøy"), ("cluster", "Havvind Vest")]
    assert find_initiatives("Tema blir «Havet som arbeidsplass».") == []


def test_grant_sentences_say_who_gives_and_who_only_applied():
    got = read_grants("Fjell har søkt Enova om 12 millionar kr til landstraum.")
    assert [(g.amount.value, g.status) for g in got] == [(12000000, APPLIED)]
    got = read_grants("Fylkeskommunen bidrar med kr 300 000 til forprosjektet.")
    assert [(g.amount.value, g.status) for g in got] == [(300000, GRANTED)]
    assert read_grants("Kontingenten er kr 20 per innbygger.") == []


def test_projects_and_their_funding(graph):
    project = next(p for p in nodes(graph, "project") if p.label == "Grønn Hydrogen Askøy")
    grants = values(graph, project, SCHEMA.funding)
    assert len(grants) == 1
    grant = next(n for n in nodes(graph, "grant") if n.label == grants[0])
    assert values(graph, grant, KG.grantStatus) == ["granted"]
    assert values(graph, grant, SCHEMA.funder) == ["Innovasjon Norge"]
    assert not any(p.label == "Starter" for p in nodes(graph, "project"))
    assert not any(p.label == "Havet som arbeidsplass" for p in nodes(graph, "project"))


def test_an_application_keeps_its_status(graph):
    applied = [g for g in nodes(graph, "grant") if values(graph, g, KG.grantStatus) == ["applied"]]
    assert [values(graph, g, SCHEMA.funder) for g in applied] == [["Enova"]]


def test_importance_for_a_programme_is_not_funding(graph):
    assert not [f for f in graph.facts if f.predicate == KG.programme]


def test_decisions_keep_the_vote_and_their_numbers(graph):
    decisions = {values(graph, d, DCTERMS.description)[0]: d for d in nodes(graph, "decision")}
    support = next(d for text, d in decisions.items() if text.startswith("Regionrådet støttar"))
    assert [str(v) for v in values(graph, support, KG.unanimous)] == ["true"]
    assert "Budsjettet for 2024 vert godkjent." in decisions
    last = decisions["Kontingenten er kr 20 per innbygger."]
    assert [str(v) for v in values(graph, last, KG.votesAgainst)] == ["2"]


def test_a_follow_up_is_a_task_of_a_person_not_an_organisation(graph):
    action = next(a for a in nodes(graph, "action") if "sender rapporten" in a.label)
    assert values(graph, action, KG.responsible) == ["Ingrid Bakke"]
    assert [str(v) for v in values(graph, action, KG.deadline)] == ["2023-11-01"]
    assert not any("sender rapporten" in n.label for n in graph.entities())


def test_action_tables_and_checkboxes(graph):
    actions = {a.label: a for a in nodes(graph, "action")}
    row = actions["Søknad om driftsmidlar"]
    assert values(graph, row, KG.responsible) == ["Lars Berg"]
    assert [str(v) for v in values(graph, row, KG.deadline)] == ["2024-04-01"]
    assert values(graph, actions["Sende referatet til kommunane"], KG.status) == ["done"]
    booked = actions["Bestille møterom"]
    assert values(graph, booked, KG.status) == ["open"]
    assert values(graph, booked, KG.responsible) == ["Lars Berg"]
    answer = actions["Svare fylket om ferjetilbodet"]  # a deadline without its colon, after the name
    assert values(graph, answer, KG.responsible) == ["Ingrid Bakke"]
    assert [str(v) for v in values(graph, answer, KG.deadline)] == ["2023-04-15"]


def test_event_status_anywhere_on_the_line(graph):
    status = {e.label: values(graph, e, SCHEMA.eventStatus)[0] for e in nodes(graph, "event")}
    assert status["Havvinddagen"] == SCHEMA.EventCancelled
    assert status["Sommarmøte"] == SCHEMA.EventPostponed


def test_the_next_meeting_has_its_date_and_place(graph):
    (nxt,) = values(graph, graph.meeting, KG.nextMeeting)
    event = next(e for e in nodes(graph, "event") if e.label == nxt)
    assert [str(v) for v in values(graph, event, SCHEMA.startDate)] == ["2023-11-30"]
    assert values(graph, event, SCHEMA.location) == ["Fjell"]


def test_a_lexicon_parent_is_not_in_the_document_graph(graph, tmp_path):
    """Statens vegvesen is named; the ministry above it is not, so it is no node of the document."""
    assert any(n.label == "Statens vegvesen" for n in graph.entities())
    assert not [f for f in graph.facts if f.predicate == ORG.subOrganizationOf]
    assert not any("departement" in n.label.lower() for n in graph.entities())


def test_the_parent_lives_in_the_bodies_graph(tmp_path):
    from kg.api import Archive
    from kg.extract.background import BODIES_GRAPH

    path = tmp_path / "vestkyst-2023-03-10.md"
    path.write_text(MINUTES, encoding="utf-8")
    archive = Archive(tmp_path / "store")
    report = archive.ingest([path])
    found = report.ingested[0].found
    assert found["projects"] >= 1 and found["actions"] >= 4 and found["events"] >= 3 and found["decisions"] >= 3
    rows = archive.store.select(
        f"SELECT ?p WHERE {{ GRAPH <{archive.store.iri(BODIES_GRAPH)}> {{ ?a <{ORG.subOrganizationOf}> ?p }} }}")
    assert any(r["p"].value.endswith("samferdselsdepartementet") for r in rows)


def test_partners_are_named_by_the_sentence_not_the_funder(graph):
    project = next(p for p in nodes(graph, "project") if p.label == "Grønn Hydrogen Askøy")
    partners = values(graph, project, KG.partner)
    assert "Askøy Energi" in partners and "Innovasjon Norge" not in partners


def test_a_cancelled_meeting_outside_the_events_list(graph):
    event = next(e for e in nodes(graph, "event") if e.label.startswith("Fellesmøtet med Nordkyst"))
    assert values(graph, event, SCHEMA.eventStatus) == [SCHEMA.EventCancelled]
    assert [str(v) for v in values(graph, event, SCHEMA.startDate)] == ["2023-05-05"]


ROUND = """# Møte i Vestkyst regionråd

Dato: 10. mars 2023

## Sak 3/23 Orienteringar frå kommunane

| Kommune | Orientering |
|---|---|
| Askøy | Oppdrettsnæringa vil ha fleire lokalitetar. |

## Sak 4/23 Orienteringssaker

Frå Fjell vart det orientert om breibandsutbygginga i kommunen.
Regionrådet drøfta havvind saman med Bergen kommune.
"""


def test_a_body_works_on_what_its_own_report_is_about(tmp_path):
    """A round-table row, or a line that opens with the body's name, is the body's report;
    a body named further into a sentence is not the one reporting."""
    g = extracted(tmp_path, "vestkyst-2023-03-10.md", ROUND)
    works = {(f.subject.label, f.object.label) for f in g.facts if f.predicate == KG.worksOn}
    assert ("Askøy", "havbruk") in works and ("Fjell", "bredband") in works
    assert not any(body == "Bergen" for body, _ in works)


GRANTS = """\
## Referat frå møte i Fjordrådet

Tid: Torsdag 12. september 2024 kl. 10.00

## Saker

### Sak 21/24 Muntlege orienteringar
- Stord: Ordføraren orienterte om ny gang- og sykkelveg og om tilskot på 2 mill. kr frå Statens vegvesen til trafikktryggleik.
- Bømlo: Rådmannen fortalde om nytt bustadfelt ved Rubbestadneset.

### Sak 22/24 Fjordkoret Allegro – søknad om støtte
Fjordkoret Allegro søkjer om kr 80 000 til ein konsertturné.
Vedtak: Fjordrådet løyver kr 50 000.

### Sak 23/24 Prosjektet «Grøn Fjord» – status
Prosjektet har fått kr 900 000 i tilskot frå Miljødirektoratet.

### Sak 24/24 Regionale utviklingsmidlar frå Vestland fylkeskommune 2024
| Tiltak | Beløp |
|---|---|
| Felles reiselivsportal | kr 300 000 |
| Sum | kr 300 000 |
"""


def grants_of(g, label):
    """(amount, status, funders) of each grant the thing called label receives."""
    node = next(n for n in g.nodes if n.label == label and n.kind not in ("grant", "section"))
    out = set()
    for grant in (f.object for f in g.facts if f.subject is node and f.predicate == SCHEMA.funding):
        amount = next(f.object for f in g.facts if f.subject is grant and f.predicate == SCHEMA.amount)
        out.add((values(g, amount, SCHEMA.value)[0], values(g, grant, KG.grantStatus)[0],
                 tuple(sorted(values(g, grant, SCHEMA.funder)))))
    return out


@pytest.fixture(scope="module")
def grant_graph(tmp_path_factory):
    return extracted(tmp_path_factory.mktemp("minutes"), "fjordradet-2024-09-12.md", GRANTS)


def test_a_line_labelled_with_a_body_is_that_bodys_grant(grant_graph):
    """In a case of reports from the members, "- Stord: … tilskot på 2 mill. kr frå X" is Stord's grant."""
    assert grants_of(grant_graph, "Stord") == {("2000000", "granted", ("Statens vegvesen",))}
    assert not any(n.label == "Rubbestadneset" and n.kind != "place" for n in grant_graph.nodes)


def test_the_applicant_of_a_case_receives_its_grant(grant_graph):
    """A case titled "X – søknad om støtte": what the body grants in it goes to X, what X asked for stays applied."""
    got = grants_of(grant_graph, "Fjordkoret Allegro")
    assert {(v, st) for v, st, _ in got} == {("50000", "granted"), ("80000", "applied")}


def test_a_quoted_project_in_the_case_title_is_what_the_prose_refers_back_to(grant_graph):
    assert grants_of(grant_graph, "Grøn Fjord") == {("900000", "granted", ("Miljødirektoratet",))}


def test_a_fund_table_row_naming_only_its_project_is_a_grant_from_the_fund_in_the_title(grant_graph):
    assert grants_of(grant_graph, "Felles reiselivsportal") == {("300000", "granted", ("Vestland fylkeskommune",))}
    assert not any(n.label.startswith("Sum") for n in grant_graph.nodes if n.kind == "project")


VOTES = """\
## Protokoll frå møte i Fjordrådet

Tid: Torsdag 12. september 2024 kl. 10.00

## Saker

### Sak 25/24 Ny ferjeavtale
Vedtak: Fjordrådet ber fylket halde fram med to ferjer i timen.
Vedtatt mot 1 stemme (Tone Haugland, SV).

### Sak 26/24 Budsjett 2025
Vedtak: Budsjettet vert vedteke som lagt fram. Ola Nordvik og Siri Vik røysta mot auken i kontingenten.

### Sak 27/24 Kulturprisen
Vedtak: Prisen går til Stord spelemannslag. Vedtatt mot éi røyst (Bømlo).

### Sak 28/24 Regionreforma
Vedtak: Fjordrådet går imot ei ny deling av fylket.
"""


def test_who_voted_against_a_decision(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.md", VOTES)
    against = {values(g, d, DCTERMS.description)[0][:12]: sorted(values(g, d, KG.dissenter))
               for d in nodes(g, "decision")}
    assert against == {"Fjordrådet b": ["Tone Haugland"], "Budsjettet v": ["Ola Nordvik", "Siri Vik"],
                       "Prisen går t": ["Bømlo"], "Fjordrådet g": []}


def test_a_decision_wrapped_over_lines_keeps_its_words_and_its_vote(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.txt",
                  "Protokoll frå møte i Fjordrådet 12.09.2024\n\nSak 29/24 Hamneplan\n"
                  "Vedtak: Fjordrådet sluttar seg til planen og ber om at\nutbygginga av kaia vert prioritert.\n"
                  "Vedtatt mot 1 stemme (Tone Haugland).\n\nSak 30/24 Eventuelt\nIngen saker.\n")
    decision = next(d for d in nodes(g, "decision") if values(g, d, DCTERMS.description)[0].startswith("Fjordrådet"))
    assert "kaia vert prioritert" in values(g, decision, DCTERMS.description)[0]
    assert values(g, decision, KG.dissenter) == ["Tone Haugland"]


MEETINGS = """\
## Protokoll frå møte i Fjordrådet

Tid: Torsdag 12. september 2024 kl. 10.00

## Saker

### Sak 31/24 Møteplan 2025
Vedtak: Følgjande møteplan vert vedteken:
Rådsmøte 13. februar 2025, Leirvik
Fjordtinget 5. juni 2025 i Husnes

### Sak 32/24 Haustkonferansen
Vedtak: Haustkonferansen vert halden 24.–25. oktober 2024 på Bremnes i Bømlo.
The partner workshop will be held on 4 November 2024 in Bergen.
Saka blir halden varm til 3. mars.

Leirvik, 13. september 2024
"""


def test_meetings_planned_in_a_case_and_in_a_sentence(tmp_path):
    """A meeting plan's lines ("Rådsmøte 13. februar 2025, Leirvik") and a sentence saying a meeting is held
    on a date ("… vert halden 24. oktober på Bremnes") are events; a signature's place and date are not."""
    g = extracted(tmp_path, "fjordradet-2024-09-12.md", MEETINGS)
    events = {(values(g, e, SCHEMA.name)[0], str(values(g, e, SCHEMA.startDate)[0]),
               (values(g, e, SCHEMA.location) or [None])[0]) for e in nodes(g, "event")}
    assert {("Rådsmøte", "2025-02-13", "Leirvik"), ("Fjordtinget", "2025-06-05", "Husnes"),
            ("Haustkonferansen", "2024-10-24", "Bremnes i Bømlo"),
            ("The partner workshop", "2024-11-04", "Bergen")} <= events
    assert not any(name in ("Leirvik", "Saka") for name, _, _ in events)
    assert not any(day == "2025-03-03" for _, day, _ in events)


def test_an_unquoted_name_never_runs_across_table_cells_or_lines():
    from kg.extract.projects import find_initiatives

    row = "Åse Rui\tGrenland Vekst-nettverket\tDaglig leder"
    assert [(i.name, row[slice(*i.span)]) for i in find_initiatives(row)] == [("Grenland Vekst", "Grenland Vekst")]
    spaced = find_initiatives("Vi starter prosjektet Blå  Kyst Vekst innen havbruk.")
    assert [(i.name, i.span) for i in spaced] == [("Blå Kyst Vekst", (22, 37))]


def test_an_event_told_beside_the_next_meeting_in_one_paragraph(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.md",
                  "## Protokoll frå møte i Fjordrådet\n\nTid: 12. september 2024\n\n## Neste møte\n"
                  "Neste rådsmøte vert halde 7. november 2024 i Stord. Næringsdagen 2024 arrangeres 21. november "
                  "på Scandic Hotel Leirvik.\n")
    events = {(values(g, e, SCHEMA.name)[0], str(values(g, e, SCHEMA.startDate)[0]),
               (values(g, e, SCHEMA.location) or [None])[0]) for e in nodes(g, "event")}
    assert ("Næringsdagen 2024", "2024-11-21", "Scandic Hotel Leirvik") in events
    assert [day for _, day, _ in events].count("2024-11-07") == 1


def test_an_action_table_whose_columns_ask_what_who_and_when(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.md",
                  "## Protokoll frå møte i Fjordrådet\n\nTid: 12. september 2024\n\n## Oppfølgingspunkt\n\n"
                  "| Kva | Kven | Frist |\n|---|---|---|\n| Brev til Statens vegvesen om ferjekaia | Tone Haugland "
                  "| 01.10.2024 |\n")
    [action] = nodes(g, "action")
    assert values(g, action, KG.responsible) == ["Tone Haugland"]
    assert [str(d) for d in values(g, action, KG.deadline)] == ["2024-10-01"]


def test_the_next_meeting_in_an_events_list_is_one_event(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.txt",
                  "Protokoll frå møte i Fjordrådet 12.09.2024\n\nSak 33/24 Eventuelt\nIngen saker.\n\n"
                  "Neste møte: 7. november 2024 på Stord.\n")
    assert [str(values(g, e, SCHEMA.startDate)[0]) for e in nodes(g, "event")] == ["2024-11-07"]


@pytest.mark.parametrize("line", ["Ansvar: Tone Haugland   Frist: 1. mai", "Ansvar: Tone Haugland\tFrist: 1. mai"])
def test_a_name_ends_at_a_column_edge(line):
    from kg.extract.mentions import find_names

    people = [m.label for m in find_names(line)[0] if m.kind == "person"]
    assert people == ["Tone Haugland"]


CASE_SYSTEM = """\
Møteprotokoll

Utvalg:    Kystrådet
Dato:      04.02.2020

PS 3/20 Felles havneplan

Forslag til vedtak:
Kystrådet ber administrasjonen lage et utkast til felles havneplan.

Behandling i Kystrådet - 04.02.2020:
Kari Dahl foreslo at planen også skal omfatte fiskerihavnene.

Vedtak i Kystrådet - 04.02.2020:
Kystrådet ber administrasjonen lage et utkast til felles havneplan, med fiskerihavnene.

PS 4/20 Kontingent

Kommunedirektørens innstilling:
Kontingenten for 2021 holdes uendret.

Styrets vedtak:
Som innstillingen.

PS 5/20 Høring om ferjetilbudet

Innstilling: Kystrådet støtter at ferjetilbudet økes.
Enstemmig vedtatt.
"""


def test_a_case_systems_labels_say_who_decided_and_a_proposal_yields_to_the_decision(tmp_path):
    g = extracted(tmp_path, "kystradet-2020-02-04.txt", CASE_SYSTEM)
    decided = sorted(values(g, d, DCTERMS.description)[0] for d in nodes(g, "decision"))
    assert decided == [
        "Kontingenten for 2021 holdes uendret.",  # the decision only refers back to it: the proposal stays
        "Kystrådet ber administrasjonen lage et utkast til felles havneplan, med fiskerihavnene.",  # not the proposal
        "Kystrådet støtter at ferjetilbudet økes. Enstemmig vedtatt.",  # a proposal voted on, no decision written
        "Som innstillingen."]


def test_a_label_with_an_abbreviation_ends_its_line(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.txt",
                  "Protokoll frå møte i Fjordrådet 12.09.2024\n\nSak 33/24 Revisjon\nSaksh.: Tone Haugland\n"
                  "Rapporten vart lagd fram i møtet.\n")
    assert [n.label for n in nodes(g, "person")] == ["Tone Haugland"]


SEVERAL_PRESENTERS = """\
Protokoll frå møte i Kystrådet 12.09.2024

Til stades:
Randi Vold, Kvinnherad
Jostein Eik, Etne

Sak 40/24 Tannhelse i distrikta
Innledere: Siv Nærø, fylkestannlege i Vestland; Pål Brekke, avdelingsleiar hos
Statsforvaltaren i Vestland (SFV); Ola Tveit, dagleg leiar i
Tannlaget Vest.
Statsforvaltaren orienterte om ventelistene.

Sak 41/24 Lokalavisene
Marta Hovda (KA) og Rune Sæle (FP) innleidde. Begge meinte avisene er viktige.

Sak 42/24 Kyststien
Eik orienterte om traseen. Randi Vold orienterte kort om grunneigarane.

Sak 43/24 Ferjene
Fylket og KS orienterte om anbodet.
"""


def test_a_statement_of_several_presenters_names_each_with_their_units(tmp_path):
    g = extracted(tmp_path, "kystradet-2024-09-12.txt", SEVERAL_PRESENTERS)
    items = {values(g, i, DCTERMS.title)[0].split(" ", 2)[2]: i for i in nodes(g, "agenda_item")}
    # 'A, TITLE; B, TITLE' wrapped over three lines: a unit goes on after "hos" and before a lowercase line
    assert values(g, items["Tannhelse i distrikta"], KG.presenter) == ["Siv Nærø", "Pål Brekke", "Ola Tveit"]
    works = {(values(g, m, ORG.member)[0], values(g, m, ORG.organization)[0]) for m in nodes(g, "membership")}
    assert {("Pål Brekke", "Statsforvalteren i Vestland"), ("Ola Tveit", "Tannlaget Vest")} <= works  # not "hos …"
    fact = next(f for f in g.facts if f.predicate == KG.presenter)
    assert (fact.evidence.span.start, fact.evidence.span.end) == (8, 10)
    # 'A (X) og B (Y) innleidde': both, not an organisation named by the two
    assert values(g, items["Lokalavisene"], KG.presenter) == ["Marta Hovda", "Rune Sæle"]
    # a family name alone is the listed person who bears it; a later 'X orienterte kort' is said in the debate
    assert values(g, items["Kyststien"], KG.presenter) == ["Jostein Eik"]
    # two bodies joined by "og" are no one body's name
    assert values(g, items["Ferjene"], KG.presenter) == []


def test_a_presenter_from_a_body_is_the_person_stated_on_the_line_that_names_them(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-09-12.md",
                  "# Protokoll frå møte i Fjordrådet 12.09.2024\n\n## Sak 34/24 Kommunestruktur\n\n"
                  "Bakgrunn for saka.\n\nInnleiing ved prosjektleiar Siri Lauvås frå Vestlandsforsking (VF). "
                  "Rapporten kjem i mars.\n")
    item = nodes(g, "agenda_item")[0]
    assert values(g, item, KG.presenter) == ["Siri Lauvås"]  # not an organisation called "Siri Lauvås frå …"
    fact = next(f for f in g.facts if f.predicate == KG.presenter)
    assert (fact.evidence.span.start, fact.evidence.quote) == (7, "Innleiing ved prosjektleiar Siri Lauvås frå "
                                                                  "Vestlandsforsking (VF).")


APPLICATION_THEN_SUM = """\
## Protokoll frå møte i Fjordrådet

Dato: 12. september 2024

### Sak 25/24 Landstraum
Kari Dahl fortalde at Bømlo kommune søkjer Enova om støtte til landstraum for fôrflåtar. Søknaden gjeld 4,5 millionar
kroner. Stord kommune har fått kr 200 000 frå Vestland fylkeskommune.
"""


def test_the_sum_of_an_application_the_sentence_before_made(tmp_path_factory):
    """"X søkjer Y om støtte til Z. Søknaden gjeld <sum>.": the sum is X's application to Y, with both sentences as
    its evidence; a sentence after that does not start with "Søknaden" keeps its own funder."""
    g = extracted(tmp_path_factory.mktemp("minutes"), "fjordradet-2024-09-12.md", APPLICATION_THEN_SUM)
    assert grants_of(g, "Bømlo") == {("4500000", "applied", ("Enova",))}
    assert grants_of(g, "Stord") == {("200000", "granted", ("Vestland fylkeskommune",))}
    [fact] = [f for f in g.facts if f.predicate == SCHEMA.funder and f.object.label == "Enova"]
    assert fact.evidence.quote.startswith("Kari Dahl fortalde at Bømlo kommune søkjer Enova")
    assert fact.evidence.quote.endswith("Søknaden gjeld 4,5 millionar kroner.")
