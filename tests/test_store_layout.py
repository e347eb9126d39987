"""The quads of the store: one quad per fact for its source, entities described once per store."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.api import Archive
from kg.errors import StoreError
from kg.store.graphstore import ENTITIES_GRAPH, FORMAT_VERSION
from kg.vocab import FOAF, KG, RDF, RDFS
from tests.test_reliability import minutes

RDF_TYPE, EVIDENCE = ox.NamedNode(RDF.type), ox.NamedNode(KG.Evidence)


def write(path, body, day, people):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(minutes(body, day, people), encoding="utf-8")
    return path


def spans(store, doc: str) -> list[ox.NamedNode]:
    return [q.subject for q in store.ox.quads_for_pattern(None, RDF_TYPE, EVIDENCE, ox.NamedNode(doc))]


def graphs_named(store, kind_iri: str, iri: str) -> set[str]:
    return {q.graph_name.value for q in store.ox.quads_for_pattern(ox.NamedNode(iri), RDF_TYPE, ox.NamedNode(kind_iri))}


def test_each_fact_is_stated_once_more_in_the_graph_of_its_span(tmp_path):
    path = write(tmp_path / "m" / "a.txt", "Kystrådet", 3, [("Ola Nordmann", "Lillevik"), ("Kari Fjell", "Sjøby")])
    with Archive(tmp_path / "store") as a:
        a.ingest([path])
        store = a.store
        doc = store.document_graph("m/a.txt")
        found = spans(store, doc)
        assert found and all(s.value.startswith(doc + "/section/") for s in found)
        facts = 0
        for span in found:
            stated = list(store.ox.quads_for_pattern(None, None, None, span))
            assert stated, span  # a span is described only when a fact was read from it
            facts += len(stated)
            for q in stated:  # and every fact of the span is in the document's graph too
                assert ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(doc)) in store.ox
        assert facts > len(found)  # spans are shared by the facts read from the same lines
        assert not list(store.ox.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(RDF.Statement), None))
        person = store.iri("person/ola-nordmann")
        assert graphs_named(store, FOAF.Person, person) == {store.iri(ENTITIES_GRAPH)}
        assert not list(store.ox.quads_for_pattern(ox.NamedNode(person), ox.NamedNode(RDFS.label), None,
                                                   ox.NamedNode(doc)))
        assert a.validate().conforms


def test_an_entity_is_described_while_a_document_says_something_about_it(tmp_path):
    first = write(tmp_path / "m" / "a.txt", "Kystrådet", 3, [("Ola Nordmann", "Lillevik"), ("Kari Fjell", "Sjøby")])
    second = write(tmp_path / "m" / "b.txt", "Kystrådet", 17, [("Ola Nordmann", "Lillevik"), ("Per Strand", "Sjøby")])
    with Archive(tmp_path / "store") as a:
        a.ingest([first, second])
        people = {e.label: e.documents for e in a.entities("person")}
        assert people == {"Ola Nordmann": ["m/a.txt", "m/b.txt"], "Kari Fjell": ["m/a.txt"], "Per Strand": ["m/b.txt"]}
        a.remove(["m/a.txt"])
        assert {e.label: e.documents for e in a.entities("person")} == {"Ola Nordmann": ["m/b.txt"],
                                                                         "Per Strand": ["m/b.txt"]}
        assert not graphs_named(a.store, FOAF.Person, a.store.iri("person/kari-fjell"))
        assert not spans(a.store, a.store.iri("document/m/a"))
        a.remove(["m/b.txt"])
        assert a.entities() == []
        holding = {q.graph_name.value for q in a.store.ox.quads_for_pattern(None, None, None, None)}
        assert holding <= {a.store.iri(g) for g in ("graph/thesaurus", "graph/regions", "graph/bodies")}


FORMAT_2 = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix kg: <https://w3id.org/kg-minutes/ns#> .
@base <https://example.org/kg/> .

<document/havn> {
  <document/havn> a foaf:Document ; kg:sourceFile "havn.txt" ; kg:contentHash "00" .
  <document/havn/section/1> a kg:Section ; dcterms:isPartOf <document/havn> ; dcterms:title "Til stede" ;
      kg:lineStart 2 ; kg:lineEnd 4 .
  <municipality/9001> a kg:Municipality ; rdfs:label "Nordby" .
  <person/eli-moe> a foaf:Person ; rdfs:label "Eli Moe" ; foaf:name "Eli Moe" .
  <meeting/havn/2024-03-01/attendance/eli-moe> a kg:Attendance ; kg:person <person/eli-moe> ;
      kg:onBehalfOf <municipality/9001> ; kg:attendanceRole "member" .
  <document/havn/fact/1> a kg:Evidence, rdf:Statement ; rdf:subject <meeting/havn/2024-03-01/attendance/eli-moe> ;
      rdf:predicate kg:onBehalfOf ; rdf:object <municipality/9001> ; prov:wasDerivedFrom <document/havn/section/1> ;
      kg:lineStart 3 ; kg:lineEnd 3 ; kg:quote "Eli Moe, Nordby" .
}
"""


def test_a_store_of_format_2_is_upgraded_in_place(tmp_path):
    store = tmp_path / "store"
    with Archive(store) as a:
        a.store.ox.load(FORMAT_2.encode(), format=ox.RdfFormat.TRIG)
    config = json.loads((store / "kg.json").read_text(encoding="utf-8"))
    (store / "kg.json").write_text(json.dumps({**config, "format": 2}), encoding="utf-8")
    with pytest.raises(StoreError, match=r"older kg \(format 2.*run `kg --store .* reindex` once"):
        Archive(store, read_only=True)
    with Archive(store) as a:
        assert json.loads((store / "kg.json").read_text(encoding="utf-8"))["format"] == FORMAT_VERSION == 3
        base = a.store.base
        assert not list(a.store.ox.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(RDF.Statement), None))
        [span] = spans(a.store, base + "document/havn")
        assert [q.predicate.value for q in a.store.ox.quads_for_pattern(None, None, None, span)] == [KG.onBehalfOf]
        assert graphs_named(a.store, FOAF.Person, base + "person/eli-moe") == {base + ENTITIES_GRAPH}
        [answer] = a.run_query("representatives", {"body": "Nordby"}).answers
        assert answer.label == "Eli Moe"
        assert [e.to_json() for e in answer.evidence] == [
            {"document": "havn.txt", "section": "Til stede", "lines": [3, 3], "text": "Eli Moe, Nordby"}]
