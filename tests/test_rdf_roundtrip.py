"""The export of real ingests (the sample and synthetic minutes): valid, lossless in every format, plain JSON-LD."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from benchmarks.bench import synthetic_minutes
from kg.api import Archive
from kg.cli import main
from kg.export.jsonld import CONTEXT_FILE
from kg.export.rdf import FORMATS, QUAD_FORMATS, export, graph_names, statements, union_triples
from kg.vocab import KG, XSD
from tests.conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The sample and three synthetic minutes in one store."""
    folder = tmp_path_factory.mktemp("minutes")
    archive = Archive(tmp_path_factory.mktemp("store") / "store")
    report = archive.ingest([SAMPLE, *synthetic_minutes(3, folder)])
    assert not report.skipped and len(report.ingested) == 4
    yield archive
    archive.close()


def named_quads(store: ox.Store) -> set:
    return {q for q in store.quads_for_pattern(None, None, None, None) if isinstance(q.graph_name, ox.NamedNode)}


def test_the_export_validates(ingested):
    report = ingested.validate()
    assert report.violations == [] and report.conforms


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_load_export_gives_the_same_statements(ingested, fmt, tmp_path):
    first = io.BytesIO()
    ingested.export(fmt, first)
    fresh = ox.Store(str(tmp_path / "fresh"))
    fresh.load(first.getvalue(), format=ox.RdfFormat.from_media_type(FORMATS[fmt].media_type),
               to_graph=None if fmt in QUAD_FORMATS else ox.NamedNode("urn:x:merged"))
    original = named_quads(ingested.store.ox)
    if fmt in QUAD_FORMATS:
        assert named_quads(fresh) == original
    else:
        # a span's graph has no place in a triple format: its facts come out as reified statements
        spans = {q.subject for q in original if q.object == ox.NamedNode(KG.Evidence)}
        reified = {t for span in spans for t in statements(ingested.store.ox, span)}
        assert {q.triple for q in named_quads(fresh)} == {q.triple for q in original} | reified
    second = io.BytesIO()
    export(fresh, fmt, second)
    assert set(ox.parse(second.getvalue(), format=ox.RdfFormat.from_media_type(FORMATS[fmt].media_type))) == \
        set(ox.parse(first.getvalue(), format=ox.RdfFormat.from_media_type(FORMATS[fmt].media_type)))


def test_merged_triples_stream_once_each_and_a_subject_together(ingested):
    store = ingested.store.ox
    streamed = list(union_triples(store, graph_names(store)))
    # a line span's graph comes out as reified statements of its facts (stated in the document's graph too)
    spans = {q.subject for q in named_quads(store) if q.object == ox.NamedNode(KG.Evidence)}
    expected = {q.triple for q in named_quads(store) if q.graph_name not in spans} | \
        {t for span in spans for t in statements(store, span)}
    assert len(streamed) == len(set(streamed)) and set(streamed) == expected
    seen, previous = set(), None
    for t in streamed:
        if t.subject != previous:
            assert t.subject not in seen, t.subject
            seen.add(t.subject)
            previous = t.subject


def test_json_ld_reads_as_plain_json(ingested):
    out = io.BytesIO()
    ingested.export("json-ld", out)
    data = json.loads(out.getvalue())
    assert data["@context"] == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    nodes = {n["id"]: n for n in data["@graph"]}
    drammen = next(n for n in nodes.values() if n.get("label") == "Drammen" and "Municipality" in n["type"])
    # 2019 (Nedre Eiker and Svelvik, merged into Drammen in 2020, are former municipalities of their own)
    assert drammen["identifier"] == "3301" and sorted(drammen["kommunenummer"]) == ["0602", "3005", "3301"]
    numbers = {nodes[i]["kommunenummer"]: nodes[i] for i in drammen["numbering"]}
    assert numbers["3005"]["validFrom"] == "2020-01-01" and numbers["3005"]["validTo"] == "2023-12-31"
    assert numbers["3301"]["validFrom"] == "2024-01-01" and "validTo" not in numbers["3301"]
    evidence = [n for n in nodes.values() if "Evidence" in n.get("type", [])]
    assert evidence and all(isinstance(n["lineStart"], int) and isinstance(n["quote"], str) for n in evidence)
    events = [n for n in nodes.values() if n.get("type") == "Event"]
    assert {n["eventStatus"] for n in events} >= {"EventScheduled", "EventToBeAnnounced", "EventCancelled"}
    topic = next(n for n in nodes.values() if n.get("type") == "Concept" and n.get("label") == "kunstig intelligens")
    assert topic["prefLabel"]["en"] == "artificial intelligence"
    full_iri_keys = {k for n in nodes.values() for k in n if k.startswith("http")}
    assert full_iri_keys == set(), "every predicate of the model should have a short key in the context"


def test_municipality_numbers_carry_their_validity(ingested):
    rows = ingested.store.select(f"""
        SELECT DISTINCT ?n ?from ?to WHERE {{ GRAPH ?g {{
          <https://example.org/kg/municipality/3301> <{KG.numbering}> ?nb .
          ?nb <{KG.kommunenummer}> ?n ; <{KG.validFrom}> ?from . OPTIONAL {{ ?nb <{KG.validTo}> ?to }} }} }}""")
    day = lambda d: ox.Literal(d, datatype=ox.NamedNode(XSD.date))  # noqa: E731
    assert sorted((r["n"].value, r["from"], r.get("to")) for r in rows) == [
        ("0602", day("2019-01-01"), day("2019-12-31")),  # renumbered in 2020
        ("3005", ox.Literal("2020-01-01", datatype=ox.NamedNode(XSD.date)),
         ox.Literal("2023-12-31", datatype=ox.NamedNode(XSD.date))),
        ("3301", ox.Literal("2024-01-01", datatype=ox.NamedNode(XSD.date)), None)]


def test_provenance_query_gives_document_section_and_lines_of_each_fact(ingested):
    result = ingested.run_query("provenance", {"entity": "Halden"})
    assert result.answers
    for answer in result.answers:
        assert answer.columns["document"] == "minutes/000_b003cc053e82f227.txt"
        assert int(answer.columns["lineStart"]) <= int(answer.columns["lineEnd"])
        assert answer.evidence and all(e.document == answer.columns["document"] for e in answer.evidence)
    cluster = next(a for a in result.answers if a.label == "Klynge for dekommisjonering av atomreaktorer")
    assert (cluster.columns["section"], cluster.columns["lineStart"]) == ("Søndre Viken", "67")


def test_sparql_command_formats_and_refuses_updates(ingested):
    ingested.close()
    base = ["--store", str(ingested.store.path)]
    run = lambda *args: CliRunner().invoke(main, [*base, "sparql", *args])  # noqa: E731
    select = "SELECT ?n WHERE { ?m a <https://w3id.org/kg-minutes/ns#Meeting> ; <https://schema.org/name> ?n } ORDER BY ?n"
    as_json = json.loads(run(select, "--format", "json").stdout)
    names = [b["n"]["value"] for b in as_json["results"]["bindings"]]
    assert len(names) == 4
    assert run(select, "--format", "csv").stdout.splitlines() == ["n", *names]
    assert names[0].split()[0] in run(select).stdout.splitlines()[2]
    assert run("ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }").stdout.split()[-1] == "true"
    construct = "CONSTRUCT { ?m a <https://w3id.org/kg-minutes/ns#Meeting> } WHERE { ?m a <https://w3id.org/kg-minutes/ns#Meeting> }"
    assert len(list(ox.parse(run(construct, "--format", "turtle").stdout_bytes, format=ox.RdfFormat.TURTLE))) == 4
    assert "written as table, json or csv" in run(select, "--format", "turtle").stderr
    drop = "DROP ALL"
    refused = run(drop)
    assert refused.exit_code == 1 and "--allow-update" in refused.stderr
    assert json.loads(run(select, "--format", "json").stdout) == as_json
    assert json.loads(CliRunner().invoke(main, [*base, "ask", "which events were cancelled", "--today", TODAY,
                                                "--json"]).stdout)["answers"]
