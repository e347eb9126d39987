"""Minutes from other secretariats (tests/data/minutes): layouts, traps and curation on them."""

from __future__ import annotations

import pytest

from kg.api import Archive
from kg.read import read_file
from kg.parse import parse
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "minutes"


def doc(name: str):
    return next(CORPUS.glob(f"{name}*"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    with Archive(tmp_path_factory.mktemp("corpus") / "store") as a:
        report = a.ingest([CORPUS])
        assert not report.skipped and len(report.ingested) == 11
        a.report = report
        yield a


def kinds(archive, kind):
    return {e.label: e for e in archive.entities(kind)}


def test_each_format_yields_its_meeting(corpus):
    dates = {d.document.rsplit("/", 1)[-1][:3]: (d.meeting_date, d.body) for d in corpus.report.ingested}
    assert dates["101"] == ("2023-11-14", "Hallingdal")            # .docx, body by its lexicon name
    assert dates["102"][0] == "2014-09-12"                          # .pdf, "Møtedato: 12.09.2014"
    assert dates["103"][0] == "2022-10-06"                          # .html, "Torsdag 6. oktober": weekday and © year
    assert dates["104"] == ("2021-03-17", "Romerike næringsutvalg")  # cp1252 + CRLF, title without markup
    assert dates["105"][0] == "2023-02-03"                          # nynorsk "Møtebok frå møte i"


@pytest.mark.parametrize("name,body,role,extra", [
    ("Marte Lien", "Ringsaker", "substitute", ("substitute_for", "Olav Nordby")),
    ("Per Inge Enger", "Trysil kommune", "substitute", None),
    ("Øystein Grindal", "Kongsvinger kommune", "member", ("note", "fra sak 51/14")),
    ("Olav Nordby", "Ringsaker kommune", "absent", None),
    ("Ole Kristian Skarstad", "Sparebanken Hedmark", "guest", None),
])
def test_attendance_layouts(name, body, role, extra):
    from kg.lang.names import normalise_person

    lines = {normalise_person(a.name).full: a for a in parse(read_file(doc("106"))).attendance if a.name}
    a = lines[name]
    assert (a.role, (a.body or "").startswith(body)) == (role, True)
    if extra:
        assert getattr(a, extra[0]) == extra[1]


def test_role_name_body_lines():
    lines = [(a.title, a.name, a.body, a.role) for a in parse(read_file(doc("104"))).attendance]
    assert ("ordfører", "Kari Nordmann", "Nittedal kommune", "member") in lines
    assert ("ordfører", "Ole Martin Frøysland", "Rælingen kommune", "absent") in lines


def test_body_then_names_in_nynorsk():
    lines = {(a.name, a.body) for a in parse(read_file(doc("105"))).attendance}
    assert {("Anette Vikøy", "Stord"), ("Knut Arild Digernes", "Stord"), ("Sunniva Økland", "Stord")} <= lines


def test_word_table_carries_bodies_and_switches_to_observers():
    lines = {a.name: (a.body, a.role) for a in parse(read_file(doc("101"))).attendance}
    assert lines["Tone Kvisler"] == ("Nesbyen", "member")
    assert lines["Erlend Grøthe"] == ("Hallingdal Næringshage", "observer")
    assert "Observatører" not in lines


def test_traps_are_told_apart(corpus):
    people = kinds(corpus, "person")
    municipalities = kinds(corpus, "municipality")
    assert "Sverre Siljan" in people and "Siljan" in municipalities
    assert "Sparebanken Hemne" in kinds(corpus, "organisation")
    assert "Nore og Uvdal" in municipalities and "Uvdal" not in municipalities
    assert "Kongsbergreionen" in kinds(corpus, "region")["Kongsbergregionen"].aliases
    assert {"Anne Christoffersen", "Anne Christophersen"} <= set(people)


def test_candidates_and_distinct(tmp_path):
    with Archive(tmp_path / "store") as a:
        a.ingest([doc("108")])
        pairs = {frozenset((c.a, c.b)) for c in a.candidates()}
        assert frozenset(("Henriette Fluer", "Henriette Fluer Vikre")) in pairs
        assert frozenset(("Anne Christoffersen", "Anne Christophersen")) in pairs
        a.decide('distinct "Anne Christoffersen" "Anne Christophersen"')
        pairs = {frozenset((c.a, c.b)) for c in a.candidates()}
        assert frozenset(("Anne Christoffersen", "Anne Christophersen")) not in pairs


def test_decisions_and_actions(corpus):
    rows = corpus.store.select("""
        PREFIX kg: <https://w3id.org/kg-minutes/ns#> PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?text ?who ?deadline WHERE { GRAPH ?g {
          ?a a kg:ActionItem ; dcterms:description ?text ; kg:responsible ?r ; kg:deadline ?deadline . }
          ?r rdfs:label ?who }""")  # labels are in the entities graph
    actions = {(r["who"].value, r["deadline"].value) for r in rows}
    assert ("Kristine Salvesen Haaland", "2022-05-01") in actions
    decisions = corpus.store.select("""
        PREFIX kg: <https://w3id.org/kg-minutes/ns#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a kg:Decision } }""")
    assert int(decisions[0]["n"].value) >= 15


def test_honest_report_names_what_it_could_not_place(corpus):
    by_doc = {d.document[:3]: d for d in corpus.report.ingested}
    assert all(d.attendees >= 4 and d.sections >= 4 for d in by_doc.values())
    texts = [u["text"] for d in by_doc.values() for u in d.unplaced]
    assert all(t.strip() for t in texts)


def test_corpus_export_validates(corpus):
    report = corpus.validate()
    assert report.conforms, [v.message for v in report.violations[:5]]
