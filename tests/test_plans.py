"""Named queries answered from the tables kept at ingest (kg.ask.plans) give the rows of their SPARQL."""

from __future__ import annotations

import dataclasses
from datetime import date

import pyoxigraph as ox
import pytest

from kg.api import Archive
from kg.ask import plans
from kg.ask.catalogue import get_query
from kg.ask.slots import Filled
from kg.ask.tables import tables
from kg.store.graphstore import with_entities_graph
from kg.vocab import sparql_prefixes
from tests.conftest import ingested_text

ROUND = """
Dato: 12.5.23

## Referat møte i Innlandets faggruppe Energi

Tid: Fredag 12. mai kl. 0900-1100

### Frammøtte:

NAVN	KOMMUNE / REGION
Torgeir Vassbotn	Kongsvingerregionen
Synnøve Elvestad	Eidskog
Halvard Rustad	Follo

## Saksliste

- 1. Runden – hva gjør vi?**

### Kongsvingerregionen:

Jobber med hydrogen sammen med Eidskog kommune.

### Eidskog:

Jobber med grønn omstilling og hydrogen på industriområdet. Tester maskinlæring i byggesak.

### Follo:

Har en klynge for hydrogen med Vestby og Kongsvingerregionen. Jobber med kunstig intelligens.
Prosjektet Hydrogenbyen om hydrogen har SINTEF og Eidskog kommune som partnere. SINTEF jobber med hydrogen.
"""


@pytest.fixture(scope="module")
def inland(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "mai.txt", ROUND)


def distinct(rows: list[dict]) -> set:
    """Rows as the runner reads them: a row the SPARQL gives twice (one fact in two graphs) counts once."""
    return {frozenset((k, str(v)) for k, v in r.items()) for r in rows}


@pytest.mark.parametrize("topic", ["hydrogen", "kunstig-intelligens", "gronn-omstilling", "reiseliv"])
def test_the_plan_gives_the_rows_of_the_query(inland, topic):
    store, nq = inland.store, get_query("regions-by-topic")
    bound = {"topic": Filled(ox.NamedNode(store.iri(f"topic/{topic}")), topic, "test")}
    by_sparql = store.select(with_entities_graph(nq.sparql, store.base), {"topic": bound["topic"].value})
    by_table = plans.answer_from_tables(store, tables(store), nq, bound)
    assert distinct(by_table) == distinct(by_sparql)
    assert bool(by_table) == (topic != "reiseliv")  # nobody here works on tourism
    if topic == "hydrogen":  # a region's own report, a cluster's member, a member municipality's report
        assert {r["fact_pattern"].value for r in by_table} == {"0", "1", "2"}


BY_TOPIC = ["actors-by-topic", "municipalities-by-topic", "organisations-by-topic"]


@pytest.mark.parametrize("name", BY_TOPIC)
@pytest.mark.parametrize("topic", ["hydrogen", "kunstig-intelligens", "energi", "reiseliv"])
def test_the_by_topic_plans_give_the_rows_of_their_queries(inland, name, topic):
    store, nq = inland.store, get_query(name)
    bound = {"topic": Filled(ox.NamedNode(store.iri(f"topic/{topic}")), topic, "test")}
    by_sparql = store.select(with_entities_graph(nq.sparql, store.base), {"topic": bound["topic"].value})
    by_table = plans.answer_from_tables(store, tables(store), nq, bound)
    assert distinct(by_table) == distinct(by_sparql)
    hydrogen = {"actors-by-topic": {"3416", "follo", "kongsvingerregionen", "sintef",
                                    "klynge-for-hydrogen-med-vestby-og-kongsvingerregionen"},
                "municipalities-by-topic": {"3416"}, "organisations-by-topic": {"sintef"}}  # 3416: Eidskog
    expected = {"hydrogen": hydrogen[name], "energi": hydrogen[name],  # hydrogen is narrower than energy
                "kunstig-intelligens": {"3416", "follo"} - ({"follo"} if name == "municipalities-by-topic" else set())
                if name != "organisations-by-topic" else set(), "reiseliv": set()}[topic]
    assert {r["answer"].value.rsplit("/", 1)[-1] for r in by_table} == expected


def test_each_branch_of_the_by_topic_plans_answers(inland):
    """A report, a cluster itself, a cluster's member, a project's partner, whom a body on the topic
    works with: each gives rows."""
    store = inland.store
    bound = {"topic": Filled(ox.NamedNode(store.iri("topic/hydrogen")), "hydrogen", "test")}
    matched = {name: {r["fact_pattern"].value for r in plans.answer_from_tables(store, tables(store), get_query(name), bound)}
               for name in BY_TOPIC}
    assert matched == {"actors-by-topic": {"0", "1", "2", "3"}, "municipalities-by-topic": {"0", "2", "3"},
                       "organisations-by-topic": {"2"}}


PARTNERS = """# Referat fra møte i Nord-Dalen regionråd

Dato: 14.3.2024

## Sak 5/24 Orientering fra kommunene

Fra Skjåk ble det orientert om fiberutbyggingen i Bismo, der kommunen søker midler fra Nkom sammen med Lesja.
Fra Vågå orienterte Kari Lund om reiselivet rundt Tessanden, i samarbeid med Lesja kommune og Valdresregionen.
Fra Lesja ble det orientert om nytt kulturhus.
Prosjektet Fiberløftet om bredbånd har Vågå kommune som partner.
Fra Lom ble det orientert om bredbånd i Bøverdalen sammen med Skjåk, som har fått kr 400 000 fra Innlandet fylkeskommune.
"""


@pytest.fixture(scope="module")
def partners(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "mars.md", PARTNERS)


@pytest.mark.parametrize("name, topic, expected", [
    ("municipalities-by-topic", "bredband", {"Skjåk", "Lesja", "Vågå", "Lom"}),  # Vågå: a partner of the project
    # not Nkom, which grants the money, nor Innlandet fylkeskommune, which funds the one Lom works with
    ("actors-by-topic", "bredband", {"Skjåk", "Lesja", "Vågå", "Lom"}),
    ("municipalities-by-topic", "reiseliv", {"Vågå", "Lesja"}), ("regions-by-topic", "reiseliv", {"Valdres"}),
    ("municipalities-by-topic", "kultur", {"Lesja"})])
def test_a_body_working_with_one_on_the_topic_works_on_it(partners, name, topic, expected):
    """Lesja applies for broadband money together with Skjåk, and takes part in Vågå's tourism: on
    those lines' topics it is answered, with the line; not on culture for Vågå, whose partner it is
    on another line."""
    store, nq = partners.store, get_query(name)
    bound = {"topic": Filled(ox.NamedNode(store.iri(f"topic/{topic}")), topic, "test")}
    by_sparql = store.select(with_entities_graph(nq.sparql, store.base), {"topic": bound["topic"].value})
    by_table = plans.answer_from_tables(store, tables(store), nq, bound)
    assert distinct(by_table) == distinct(by_sparql)
    label = {e.id: e.label for e in partners.entities()}
    assert {label[r["answer"].value] for r in by_table} == expected


def test_the_question_is_answered_as_by_the_sparql(inland, monkeypatch):
    by_table = inland.ask("which regions work on hydrogen", today=date(2023, 6, 1)).to_json(explain=True)
    assert {a["label"] for a in by_table["answers"]} == {"Follo", "Kongsvingerregionen"}
    monkeypatch.setattr(plans, "PLANS", {})
    inland.close()
    assert inland.ask("which regions work on hydrogen", today=date(2023, 6, 1)).to_json(explain=True) == by_table


def test_a_query_changed_since_its_plan_is_answered_by_its_sparql(inland):
    nq = get_query("regions-by-topic")
    changed = dataclasses.replace(nq, sparql=nq.sparql.replace("kg:Region", "kg:Municipality"))
    bound = {"topic": Filled(ox.NamedNode(inland.store.iri("topic/hydrogen")), "hydrogen", "test")}
    assert plans.answer_from_tables(inland.store, tables(inland.store), changed, bound) is None


@pytest.mark.parametrize("name", sorted(plans.PLANS))
def test_every_plan_is_for_its_query_as_written(name):
    """A query changed without its plan is answered by its SPARQL (slower): bring the plan in step."""
    assert plans.PLANS[name][0] == plans.query_hash(get_query(name))


ACTORS = sparql_prefixes() + """SELECT DISTINCT ?actor WHERE {
  { ?x kg:owner|kg:partner|org:hasMember ?actor } UNION { ?actor kg:worksWith|kg:worksOn ?x } }"""


def test_the_activities_plan_gives_the_rows_of_its_query(inland):
    """For every actor that owns, is a partner or member, works with or on something."""
    store, nq = inland.store, get_query("actor-activities")
    matched = set()
    for actor in (r["actor"] for r in store.select(ACTORS)):
        bound = {"actor": Filled(actor, actor.value, "test")}
        by_sparql = store.select(with_entities_graph(nq.sparql, store.base), {"actor": actor})
        by_table = plans.answer_from_tables(store, tables(store), nq, bound)
        assert distinct(by_table) == distinct(by_sparql), actor
        matched |= {r["fact_pattern"].value for r in by_table}
    assert matched == {"0", "1", "2", "3", "4"}  # owner, partner, cluster member, works with, works on


MARCH = """# Referat fra møte i Vestfoldrådet

Dato: 12. mars 2025

Til stede: Siri Vold, Horten kommune; Arne Tufte, Holmestrand kommune.

Møtende vara:
Kåre Fosse for Kjell Roa, Larvik

Forfall: Kjell Roa, Larvik kommune; Eli Brun, Sandefjord kommune.

## Sak 1/25 Godkjenning av innkalling

Innkallingen ble godkjent.
"""
APRIL = MARCH.replace("12. mars", "9. april").replace("Holmestrand kommune", "Færder kommune").replace(
    "Kåre Fosse for Kjell Roa, Larvik", "Tone Lia for Siri Vold, Horten").replace("Eli Brun, Sandefjord", "Siri Vold, Horten")


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> Archive:
    folder = tmp_path_factory.mktemp("council") / "minutes"
    folder.mkdir()
    (folder / "mars.md").write_text(MARCH, encoding="utf-8")
    (folder / "april.md").write_text(APRIL, encoding="utf-8")
    a = Archive(folder.parent / "store")
    assert not a.ingest([folder]).skipped
    return a


ATTENDANCE = ["representatives", "attended-for"]
BODIES = "SELECT DISTINCT ?body WHERE { ?att <https://w3id.org/kg-minutes/ns#onBehalfOf> ?body }"


@pytest.mark.parametrize("name", ATTENDANCE)
def test_the_attendance_plans_give_the_rows_of_their_queries(council, name):
    """For every body attended for: a member, a stand-in, a member absent where a stand-in came, one
    absent where nobody came, a person for two bodies at two meetings."""
    store, nq = council.store, get_query(name)
    bodies = [r["body"] for r in store.select(BODIES)]
    assert len(bodies) >= 5
    for body in bodies:
        bound = {"body": Filled(body, body.value, "test")}
        by_sparql = store.select(with_entities_graph(nq.sparql, store.base), {"body": body})
        by_table = plans.answer_from_tables(store, tables(store), nq, bound)
        assert distinct(by_table) == distinct(by_sparql), body


def test_representatives_name_the_absent_only_where_nobody_came(council):
    def who(body: str) -> dict:
        answers = council.ask(f"who represents {body}", today=date(2025, 6, 1)).answers
        return {(a.label, a.columns["role"]): {e.document for e in a.evidence} for a in answers}

    assert who("Sandefjord") == {("Eli Brun", "absent"): {"minutes/mars.md"}}  # nobody came: the absent member
    # in March a stand-in came for Kjell Roa, in April nobody came for Larvik
    assert who("Larvik") == {("Kåre Fosse", "substitute"): {"minutes/mars.md"},
                             ("Kjell Roa", "absent"): {"minutes/april.md"}}
    assert ("Arne Tufte", "member") in who("Holmestrand").keys() & who("Færder").keys()  # for two bodies
