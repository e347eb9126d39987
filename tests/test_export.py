"""RDF export and SHACL validation, on a small store written by hand after docs/rdf-model.md."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from kg.errors import KgError, NotFound
from kg.export.rdf import FORMATS, ONTOLOGY_FILE, ONTOLOGY_GRAPH, QUAD_FORMATS, UnknownFormat, export
from kg.export.validate import SHAPES_FILE, validate_file, validate_store
from kg.vocab import (DCTERMS, FOAF, KG, KIND_CLASSES, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD)

BASE = "https://example.org/kg/"
DOC = BASE + "document/referat-2022-05-20"
THESAURUS = BASE + "graph/thesaurus"
SECTION1, SECTION2 = DOC + "/section/1", DOC + "/section/2"
MEETING = BASE + "meeting/sondre-viken/2022-05-20"
ATTENDANCE = MEETING + "/attendance/kari-nordmann"
PERSON = BASE + "person/kari-nordmann"
MUNICIPALITY = BASE + "municipality/3301"
NUMBER_2020, NUMBER_2024 = MUNICIPALITY + "/numbering/3005/2020-01-01", MUNICIPALITY + "/numbering/3301/2024-01-01"
REGION = BASE + "region/sondre-viken"
PLACE = BASE + "place/drammen"
PROJECT = BASE + "project/ki-pilot"
PROGRAMME = BASE + "programme/horisont-europa"
GRANT = PROJECT + "/grant/1"
AMOUNT = GRANT + "/amount"
EVENT = BASE + "event/2022-08-24/innovasjonskonferanse"
TOPIC = BASE + "topic/kunstig-intelligens"
SCHEME = BASE + "thesaurus"
FACT = SECTION2 + "/lines/11-12/5be0c0de"  # a line span: its graph holds the facts read there
SPAN_FACTS = [(MUNICIPALITY, KG.worksOn, TOPIC)]
REIFIED = 5  # a triple format writes each fact of a span as a statement of five triples


def lit(value, datatype=None, lang=None):
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(str(value), datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


def statements(subject, *pairs):
    """(s, p, o) tuples; IRIs given as str, literals as ox.Literal."""
    return [(subject, p, o) for p, o in pairs]


def document_graph():
    a = RDF.type
    return [
        *statements(DOC, (a, FOAF.Document), (RDFS.label, lit("Referat 20. mai 2022")),
                    (DCTERMS.title, lit("Referat fra møte i Søndre Viken")),
                    (KG.sourceFile, lit("referat.txt")), (KG.contentHash, lit("ab" * 32)),
                    (DCTERMS.date, lit("2022-05-20", XSD.date)),
                    (PROV.generatedAtTime, lit("2024-01-02T10:00:00Z", XSD.dateTime)),
                    (KG.toolVersion, lit("0.1.0"))),
        *statements(SECTION1, (a, KG.Section), (a, FOAF.Document), (RDFS.label, lit("Frammøtte")),
                    (DCTERMS.isPartOf, DOC), (DCTERMS.title, lit("Frammøtte")),
                    (KG.sectionKind, lit("attendance")), (KG.lineStart, lit(3, XSD.integer)),
                    (KG.lineEnd, lit(8, XSD.integer)), (SCHEMA.text, lit("Kari Nordmann, Drammen")),
                    (SCHEMA.mentions, PERSON), (SCHEMA.mentions, MUNICIPALITY), (KG.meeting, MEETING)),
        *statements(SECTION2, (a, KG.Section), (a, FOAF.Document), (RDFS.label, lit("Drammen")),
                    (DCTERMS.isPartOf, DOC), (DCTERMS.title, lit("Drammen")),
                    (KG.sectionKind, lit("roundtable")), (KG.lineStart, lit(10, XSD.integer)),
                    (KG.lineEnd, lit(14, XSD.integer)), (KG.actor, MUNICIPALITY),
                    (SCHEMA.mentions, MUNICIPALITY), (SCHEMA.mentions, PROJECT), (DCTERMS.subject, TOPIC),
                    (KG.meeting, MEETING)),
        *statements(MEETING, (a, KG.Meeting), (a, SCHEMA.Event), (RDFS.label, lit("Søndre Viken 2022-05-20")),
                    (SCHEMA.name, lit("Møte i Søndre Viken")),
                    (SCHEMA.startDate, lit("2022-05-20T09:00:00", XSD.dateTime)),
                    (SCHEMA.endDate, lit("2022-05-20T11:00:00", XSD.dateTime)),
                    (SCHEMA.organizer, REGION), (SCHEMA.location, PLACE), (DCTERMS.source, DOC),
                    (SCHEMA.attendee, PERSON)),
        *statements(ATTENDANCE, (a, KG.Attendance), (KG.person, PERSON), (KG.meeting, MEETING),
                    (KG.onBehalfOf, MUNICIPALITY), (KG.attendanceRole, lit("member"))),
        *statements(PERSON, (a, FOAF.Person), (RDFS.label, lit("Kari Nordmann")), (FOAF.name, lit("Kari Nordmann")),
                    (FOAF.givenName, lit("Kari")), (FOAF.familyName, lit("Nordmann")),
                    (SKOS.altLabel, lit("Nordmann, Kari"))),
        *statements(MUNICIPALITY, (a, KG.Municipality), (a, ORG.FormalOrganization), (a, ORG.Organization),
                    (RDFS.label, lit("Drammen")), (DCTERMS.identifier, lit("3301")),
                    (KG.kommunenummer, lit("3005")), (KG.kommunenummer, lit("3301")),
                    (KG.county, lit("Buskerud")), (KG.worksOn, TOPIC),
                    (KG.numbering, NUMBER_2020), (KG.numbering, NUMBER_2024)),
        *statements(NUMBER_2020, (a, KG.MunicipalityNumber), (KG.kommunenummer, lit("3005")),
                    (KG.county, lit("Viken")), (KG.validFrom, lit("2020-01-01", XSD.date)),
                    (KG.validTo, lit("2023-12-31", XSD.date))),
        *statements(NUMBER_2024, (a, KG.MunicipalityNumber), (KG.kommunenummer, lit("3301")),
                    (KG.county, lit("Buskerud")), (KG.validFrom, lit("2024-01-01", XSD.date))),
        *statements(REGION, (a, KG.Region), (a, ORG.OrganizationalCollaboration), (a, ORG.Organization),
                    (RDFS.label, lit("Søndre Viken")), (ORG.hasMember, MUNICIPALITY)),
        *statements(PLACE, (a, SCHEMA.Place), (RDFS.label, lit("Drammen"))),
        *statements(PROJECT, (a, SCHEMA.Project), (RDFS.label, lit("KI-pilot")), (KG.owner, MUNICIPALITY),
                    (KG.programme, PROGRAMME), (SCHEMA.funding, GRANT), (DCTERMS.subject, TOPIC)),
        *statements(PROGRAMME, (a, KG.Programme), (a, SCHEMA.FundingScheme), (RDFS.label, lit("Horisont Europa"))),
        *statements(GRANT, (a, SCHEMA.MonetaryGrant), (SCHEMA.amount, AMOUNT), (SCHEMA.funder, PROGRAMME),
                    (KG.purpose, lit("forprosjekt"))),
        *statements(AMOUNT, (a, SCHEMA.MonetaryAmount), (SCHEMA.value, lit("500000", XSD.decimal)),
                    (SCHEMA.currency, lit("NOK"))),
        *statements(EVENT, (a, SCHEMA.Event), (RDFS.label, lit("Innovasjonskonferansen")),
                    (SCHEMA.name, lit("Innovasjonskonferansen")), (SCHEMA.startDate, lit("2022-08-24", XSD.date)),
                    (SCHEMA.endDate, lit("2022-08-25", XSD.date)), (SCHEMA.location, PLACE),
                    (SCHEMA.eventStatus, KG.EventToBeConfirmed)),
        *topic_statements(),
        *statements(FACT, (a, KG.Evidence), (PROV.wasDerivedFrom, SECTION2),
                    (KG.lineStart, lit(11, XSD.integer)), (KG.lineEnd, lit(12, XSD.integer)),
                    (KG.quote, lit("Drammen arbeider med kunstig intelligens."))),
    ]


def topic_statements():
    return statements(TOPIC, (RDF.type, SKOS.Concept), (RDFS.label, lit("kunstig intelligens")),
                      (SKOS.prefLabel, lit("kunstig intelligens", lang="nb")),
                      (SKOS.prefLabel, lit("artificial intelligence", lang="en")), (SKOS.inScheme, SCHEME))


def thesaurus_graph():
    """The thesaurus repeats the topic's triples, so the union must deduplicate them."""
    return [*statements(SCHEME, (RDF.type, SKOS.ConceptScheme), (RDFS.label, lit("Temaer")),
                        (SKOS.hasTopConcept, TOPIC)),
            *topic_statements()]


def node(term):
    return ox.NamedNode(term) if isinstance(term, str) else term


def make_store(path, doc_triples):
    store = ox.Store(str(path))
    for graph, triples in ((DOC, doc_triples), (THESAURUS, thesaurus_graph()), (FACT, SPAN_FACTS)):
        store.extend(ox.Quad(node(s), node(p), node(o), ox.NamedNode(graph)) for s, p, o in triples)
    return store


@pytest.fixture
def store(tmp_path):
    return make_store(tmp_path / "store", document_graph())


def named_quads(store):
    return {q for q in store.quads_for_pattern(None, None, None, None) if isinstance(q.graph_name, ox.NamedNode)}


def union(store):
    return {q.triple for q in named_quads(store)}


def exported(store, fmt, **options):
    out = io.BytesIO()
    count = export(store, fmt, out, **options)
    return count, out.getvalue()


def parse_with_rdflib(data: bytes, fmt: str) -> int:
    """Triples (or quads) an independent parser reads from the export."""
    import rdflib

    if fmt in QUAD_FORMATS:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=fmt)
        return sum(1 for _ in dataset.quads((None, None, None, None)))
    return len(rdflib.Graph().parse(data=data, format=fmt))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_parses_back_to_the_same_number_of_statements(store, fmt):
    count, data = exported(store, fmt)
    expected = len(named_quads(store)) if fmt in QUAD_FORMATS else len(union(store)) + REIFIED * len(SPAN_FACTS)
    assert count == expected
    assert parse_with_rdflib(data, fmt) == expected
    assert len(set(ox.parse(data, format=ox.RdfFormat.from_media_type(FORMATS[fmt].media_type)))) == expected


def test_triple_formats_merge_the_graphs_once(store):
    count, data = exported(store, "turtle")
    # the thesaurus repeats the topic, the span's graph repeats its fact, which comes out reified
    assert count == len(named_quads(store)) - len(topic_statements()) - len(SPAN_FACTS) + REIFIED * len(SPAN_FACTS)
    assert data.count(b"@prefix kg: <https://w3id.org/kg-minutes/ns#>") == 1


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_keep_the_graph_names(store, fmt):
    _, data = exported(store, fmt)
    quads = set(ox.parse(data, format=ox.RdfFormat.from_media_type(FORMATS[fmt].media_type)))
    assert {q.graph_name.value for q in quads} == {DOC, THESAURUS, FACT}
    assert quads == named_quads(store)


def test_export_load_export_gives_the_same_quads(store, tmp_path):
    _, first = exported(store, "trig")
    fresh = ox.Store(str(tmp_path / "fresh"))
    fresh.load(first, format=ox.RdfFormat.TRIG)
    _, second = exported(fresh, "trig")
    assert named_quads(fresh) == named_quads(store)
    assert second == first


def test_only_the_chosen_graphs(store):
    count, data = exported(store, "nquads", graphs=[THESAURUS])
    assert count == len(thesaurus_graph())
    assert DOC.encode() + b"> ." not in data
    with pytest.raises(NotFound, match="no graph <https://example.org/kg/graph/nope>"):
        export(store, "nquads", io.BytesIO(), graphs=[BASE + "graph/nope"])


def test_with_ontology(store):
    ontology = set(ox.parse(path=ONTOLOGY_FILE))
    count, _ = exported(store, "nt", with_ontology=True)
    assert count == len(union(store)) + REIFIED * len(SPAN_FACTS) + len(ontology)
    _, data = exported(store, "trig", with_ontology=True)
    graphs = {q.graph_name.value for q in ox.parse(data, format=ox.RdfFormat.TRIG)}
    assert graphs == {DOC, THESAURUS, FACT, ONTOLOGY_GRAPH}


def test_unknown_format_is_a_kg_error_that_lists_the_formats(store):
    with pytest.raises(UnknownFormat) as caught:
        export(store, "rdfa", io.BytesIO())
    assert isinstance(caught.value, KgError)
    assert "'rdfa'" in str(caught.value)
    assert all(name in str(caught.value) for name in FORMATS)


def test_the_model_conforms_to_the_shapes(store):
    report = validate_store(store)
    assert report.violations == []
    assert report.conforms


def test_an_exported_file_validates(store, tmp_path):
    path = tmp_path / "export.trig"
    with path.open("wb") as out:
        export(store, "trig", out, with_ontology=True)
    assert validate_file(path).conforms


def without(triples, subject, predicate):
    return [t for t in triples if not (t[0] == subject and t[1] == predicate)]


def replaced(triples, subject, predicate, value):
    return [*without(triples, subject, predicate), (subject, predicate, value)]


BROKEN = {
    "amount without currency": (lambda t: without(t, AMOUNT, SCHEMA.currency), AMOUNT, SCHEMA.currency),
    "event startDate not a date": (lambda t: replaced(t, EVENT, SCHEMA.startDate, lit("24. august")),
                                   EVENT, SCHEMA.startDate),
    "attendance without person": (lambda t: without(t, ATTENDANCE, KG.person), ATTENDANCE, KG.person),
    "municipality number of three digits": (lambda t: replaced(t, MUNICIPALITY, DCTERMS.identifier, lit("301")),
                                            MUNICIPALITY, DCTERMS.identifier),
    "municipality number valid after it ended": (
        lambda t: replaced(t, NUMBER_2020, KG.validTo, lit("2019-12-31", XSD.date)), NUMBER_2020, KG.validFrom),
    "municipality without its numbers": (lambda t: without(t, MUNICIPALITY, KG.numbering), MUNICIPALITY, KG.numbering),
    "topic label without language": (lambda t: [*t, (TOPIC, SKOS.prefLabel, lit("KI"))], TOPIC, SKOS.prefLabel),
    "section ends before it starts": (lambda t: replaced(t, SECTION1, KG.lineEnd, lit(2, XSD.integer)),
                                      SECTION1, KG.lineStart),
    "evidence of a fact not in the graph": (lambda t: without(t, MUNICIPALITY, KG.worksOn), FACT, None),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_data_gives_readable_violations(tmp_path, case):
    mutate, focus, path = BROKEN[case]
    report = validate_store(make_store(tmp_path / "broken", mutate(document_graph())))
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == focus and v.path == path]
    assert hits, report.violations
    assert all(v.severity == "Violation" and v.shape for v in hits)
    assert all(v.message.startswith(f"<{focus}>") and len(v.message) > len(focus) + 20 for v in hits)


def test_broken_file_reports_the_focus_node(tmp_path):
    store = make_store(tmp_path / "broken", without(document_graph(), AMOUNT, SCHEMA.currency))
    path = tmp_path / "broken.ttl"
    with path.open("wb") as out:
        export(store, "turtle", out)
    [violation] = validate_file(path).violations
    assert violation.message == (f"<{AMOUNT}> schema:currency: an amount needs exactly one schema:currency, "
                                 "a three-letter code such as NOK or EUR")
    assert violation.shape == "https://w3id.org/kg-minutes/shapes#AmountShape"


def test_validate_file_needs_a_known_suffix_or_content(tmp_path):
    (tmp_path / "data.csv").write_text("name,kind\nBærum,municipality\n", encoding="utf-8")
    with pytest.raises(UnknownFormat, match="cannot tell the RDF format of data.csv"):
        validate_file(tmp_path / "data.csv")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_validate_reads_every_export_format_by_suffix_and_by_content(store, tmp_path, fmt):
    named = tmp_path / f"export{FORMATS[fmt].suffix}"
    with named.open("wb") as out:
        export(store, fmt, out)
    unnamed = tmp_path / "export.data"
    unnamed.write_bytes(named.read_bytes())
    assert validate_file(named).conforms and validate_file(unnamed).conforms


def test_validate_reads_the_turtle_suffix_kg_export_accepts(store, tmp_path):
    path = tmp_path / "export.turtle"
    with path.open("wb") as out:
        export(store, "turtle", out)
    assert validate_file(path).conforms


def test_unparsable_file_is_one_clear_line(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kg-minutes/ns#> .\nkg:Bærum kg:worksOn \n", encoding="utf-8")
    r = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "validate", str(bad)])
    assert r.exit_code == 1 and r.stdout == ""
    [line] = r.stderr.splitlines()
    assert line == "Error: bad.ttl is not valid Turtle: Parser error at line 3 column 1: Unexpected end"


def test_ontology_declares_every_kg_term_in_two_languages():
    store = ox.Store()
    store.load(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
    for term in sorted(KG.terms):
        iri = ox.NamedNode(KG[term])
        assert list(store.quads_for_pattern(iri, ox.NamedNode(RDF.type), None)), term
        for prop in (RDFS.label, RDFS.comment):
            langs = {q.object.language for q in store.quads_for_pattern(iri, ox.NamedNode(prop), None)}
            assert langs == {"nb", "en"}, (term, prop)


def test_ontology_anchors_terms_to_standard_vocabularies():
    store = ox.Store()
    store.load(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
    unanchored = store.query("""
        PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?c WHERE { ?c a owl:Class FILTER NOT EXISTS { ?c rdfs:subClassOf|rdfs:seeAlso ?s } }""")
    assert list(unanchored) == []
    parents = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(RDFS.subClassOf), None)}
    assert {ORG.FormalOrganization, SCHEMA.Event, PROV.Entity, FOAF.Document} <= parents


def test_shapes_target_every_kind():
    store = ox.Store()
    store.load(path=SHAPES_FILE, format=ox.RdfFormat.TURTLE)
    targets = {q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/ns/shacl#targetClass"), None)}
    assert {cls for _, cls in KIND_CLASSES} | {KG.Attendance, KG.Evidence, SCHEMA.MonetaryAmount} <= targets


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_the_samples_export_conforms_with_and_without_reasoning_over_the_ontology(sample_archive, inference):
    """A reasoner that applies the ontology's domains, ranges and sub-properties (RDFS entailment, as
    GraphDB does by default) must draw only true conclusions: the shapes still hold afterwards."""
    import pyshacl
    from rdflib import Graph

    out = io.BytesIO()
    sample_archive.export("turtle", out)
    data = Graph().parse(data=out.getvalue(), format="turtle")
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference=inference)
    assert conforms, text[:2000]


def test_municipality_numbers_stay_numbers_under_reasoning():
    """kg:kommunenummer sits on a municipality and on each of its number nodes, and a municipality
    has had several numbers: neither may make a number node a municipality or give two identifiers."""
    store = ox.Store()
    store.load(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
    prop = ox.NamedNode(KG.kommunenummer)
    assert not list(store.quads_for_pattern(prop, ox.NamedNode(RDFS.domain), None))
    assert not list(store.quads_for_pattern(prop, ox.NamedNode(RDFS.subPropertyOf), ox.NamedNode(DCTERMS.identifier)))
    assert not list(store.quads_for_pattern(ox.NamedNode(KG.county), ox.NamedNode(RDFS.domain), None))
