"""The sample read end to end: structure, extraction, provenance, store behaviour, curation."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest

from kg.api import Archive
from kg.parse import parse
from kg.read import read_file
from tests.conftest import SAMPLE, SAMPLE_ID


@pytest.fixture(scope="module")
def minutes():
    return parse(read_file(SAMPLE))


def test_header(minutes):
    assert minutes.body == "Osloregionens faggruppe Næringssamarbeidet"
    assert minutes.body_parent == "Osloregionen"
    assert minutes.document_date == date(2022, 3, 17)
    assert minutes.start == datetime(2022, 5, 20, 9, 0) and minutes.end == datetime(2022, 5, 20, 11, 0)
    assert minutes.previous_meeting == date(2022, 3, 11)


def test_sections_and_spans(minutes):
    spans = {(s.kind, s.title): (s.span.start, s.span.end) for s in minutes.sections}
    assert spans[("attendance", "Frammøtte")] == (13, 35)
    assert spans[("attendance", "Fra sekretariatet møtte")] == (37, 39)
    assert spans[("roundtable", "Søndre Viken")] == (65, 67)
    assert spans[("events", "Fremtidige arrangementer")] == (77, 83)
    numbers = [s.agenda_number for s in minutes.sections if s.agenda_number]
    assert numbers == list(range(1, 11))


def test_attendance_table(minutes):
    rows = [(a.name, a.body, a.role) for a in minutes.attendance]
    assert rows[0] == ("Ingar Vaskinn", "Kongsberg", "member")
    assert ("Ingvoldstad, Trond Arne", "Modum", "member") in rows
    assert [r for r in rows if r[2] == "secretariat"] == [
        ("Øyvind Såtvedt", None, "secretariat"), ("Mari Strømsvåg", None, "secretariat"),
        ("Eva Næss Karlsen", None, "secretariat")]


def kinds_of(archive, kind):
    return {e.label: e for e in archive.entities(kind)}


def test_kinds_are_told_apart(sample_archive):
    assert {"Søndre Viken", "Drammensregionen", "Kongsvingerregionen", "Indre Østfold regionråd"} <= set(kinds_of(sample_archive, "region"))
    assert {"Bærum", "Lier", "Drammen", "Halden", "Modum"} <= set(kinds_of(sample_archive, "municipality"))
    assert {"Oslo Business Region", "Smart Innovation Norway"} <= set(kinds_of(sample_archive, "organisation"))
    assert {"Statens vegvesen", "Universitetet i Sørøst-Norge", "Europakommisjonen"} <= set(kinds_of(sample_archive, "institution"))
    assert "Horizon Europe" in kinds_of(sample_archive, "programme")


def test_municipality_iri_is_its_number(sample_archive):
    assert kinds_of(sample_archive, "municipality")["Asker"].id == "https://example.org/kg/municipality/3203"


def test_projects_and_funding(sample_archive):
    projects = kinds_of(sample_archive, "project")
    assert {"Green Offshore Tech", "Klimadashboard for Fornebu", "My Digital City",
            "Energistasjoner for grønn næringstransport", "Helsepark"} <= set(projects)
    rows = sample_archive.store.select("""
        PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?a ?v ?c WHERE { ?p schema:funding/schema:amount ?a . ?a schema:value ?v ; schema:currency ?c }""")
    # DISTINCT: the union of the graphs holds a fact twice, in its document's graph and its line span's
    assert sorted((int(r["v"].value), r["c"].value) for r in rows) == [(500_000, "NOK"), (30_000_000, "EUR")]


def test_clusters(sample_archive):
    assert {"Klynge for anvendt kunstig intelligens", "Klynge for dekommisjonering av atomreaktorer"} <= set(
        kinds_of(sample_archive, "cluster"))


def test_events(sample_archive):
    result = sample_archive.run_query("upcoming-events", {"date": "2022-05-01"})
    got = [(a.label, a.columns["start"], a.columns["status"]) for a in result.answers]
    assert got == [("BEST-konferansen", "2022-06-02", "EventScheduled"),
                   ("Arendalsuka", "2022-08-18", "EventToBeAnnounced"),
                   ("Felles faggruppemøte", "2022-08-24", "EventToBeAnnounced"),
                   ("Studietur til København for talent attraksjonsprogrammer", "2022-09-22", "EventToBeConfirmed")]
    cancelled = sample_archive.run_query("cancelled-events", {})
    assert [a.label for a in cancelled.answers][0].startswith("Webinar: Digitale trusler")


def test_presenter_with_role_and_units(sample_archive):
    detail = sample_archive.show("Elisabet Syverud")
    assert any(f.predicate == "presented at" and f.object_kind == "meeting" for f in detail.facts)
    rows = sample_archive.store.select("""
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?a ?b WHERE { ?x org:subOrganizationOf ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }""")
    pairs = {(r["a"].value, r["b"].value) for r in rows}
    assert ("Institutt for realfag og industrisystemer", "Campus Kongsberg") in pairs
    assert ("Campus Kongsberg", "Universitetet i Sørøst-Norge") in pairs


def test_near_duplicates_are_candidates_not_merged(sample_archive):
    people = kinds_of(sample_archive, "person")
    assert "Dag Aanensen" in people and "Dag Arnesen" in people
    pairs = {(c.a, c.b) for c in sample_archive.candidates()}
    assert ("Dag Aanensen", "Dag Arnesen") in pairs


def test_every_fact_points_to_a_section_and_lines(sample_archive):
    rows = sample_archive.store.select("""
        PREFIX kg: <https://w3id.org/kg-minutes/ns#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?f ?ls ?le ?doc WHERE { GRAPH ?f { ?x ?p ?y } ?f a kg:Evidence . OPTIONAL { ?f prov:wasDerivedFrom ?s .
          ?s dcterms:isPartOf ?d . ?d kg:sourceFile ?doc . ?f kg:lineStart ?ls ; kg:lineEnd ?le } }""")
    assert len(rows) > 200
    assert all("doc" in r and 1 <= int(r["ls"].value) <= int(r["le"].value) <= 87 for r in rows)


def test_export_validates_and_loads_back(sample_archive):
    import rdflib

    report = sample_archive.validate()
    assert report.conforms, report.violations[:3]
    buf = io.BytesIO()
    n = sample_archive.export("turtle", buf)
    g = rdflib.Graph().parse(data=buf.getvalue(), format="turtle")
    assert len(g) == n > 1000


def test_unchanged_changed_and_removed(tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    name = f"{tmp_path.name}/minutes.txt"  # a file named alone is known by its folder and file name
    with Archive(tmp_path / "store") as a:
        assert [d.document for d in a.ingest([doc]).ingested] == [name]
        assert a.ingest([doc]).unchanged == [name]
        doc.write_text(SAMPLE.read_text(encoding="utf-8").replace("Eva Snare", "Eva Snarvik"), encoding="utf-8")
        assert [d.document for d in a.ingest([doc]).ingested] == [name]
        people = {e.label for e in a.entities("person")}
        assert "Eva Snarvik" in people and "Eva Snare" not in people
        assert {h.document for h in a.search("Snarvik").hits} == {name}
        a.remove(["minutes.txt"])
        assert a.entities("person") == [] and a.search("Snarvik").total == 0


def test_curation_survives_reingest(tmp_path):
    with Archive(tmp_path / "store") as a:
        a.ingest([SAMPLE])
        a.decide('merge "Dag Arnesen" into "Dag Aanensen"')
        a.decide('kind "Oslo Business Region" region')
        people = {e.label: e for e in a.entities("person")}
        assert "Dag Arnesen" not in people and "Dag Arnesen" in people["Dag Aanensen"].aliases
        assert a.show("Dag Aanensen").curation == ['merge "Dag Arnesen" into "Dag Aanensen"']
        assert "Oslo Business Region" in {e.label for e in a.entities("region")}
        a.ingest([SAMPLE], force=True)
        assert "Dag Arnesen" not in {e.label for e in a.entities("person")}
        assert "Oslo Business Region" in {e.label for e in a.entities("region")}
        assert (tmp_path / "store" / "curation.txt").read_text(encoding="utf-8").splitlines()[-2:] == [
            'merge "Dag Arnesen" into "Dag Aanensen"', 'kind "Oslo Business Region" region']


def test_split_one_document_off(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # not a copy: a copy is refused
    other_id = f"{tmp_path.name}/other.txt"
    with Archive(tmp_path / "store") as a:
        a.ingest([SAMPLE, other])
        assert a.find_entity("Eva Snare").documents == sorted([SAMPLE_ID, other_id])
        a.decide('split "Eva Snare" in "other.txt" as "Eva Snare (Kongsvinger)"')  # the file name will do
        assert a.find_entity("Eva Snare").documents == [SAMPLE_ID]
        assert a.find_entity("Eva Snare (Kongsvinger)").documents == [other_id]
